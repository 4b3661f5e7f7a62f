import Foundation
import PodiumCore
import PodiumExchange
import PodiumStore
import PodiumViewModels

/// Importing feedback from the dashboard (`I`): a dry run shown first, then the import and
/// the import rules.
extension Program {
    /// A path as typed: `~` is the home folder, relative paths start where Podium started.
    static func expand(_ path: String) -> URL {
        var trimmed = path.trimmingCharacters(in: .whitespaces)
        // A path dropped into the terminal comes quoted or with escaped spaces.
        if trimmed.count >= 2, let first = trimmed.first, first == "'" || first == "\"", trimmed.last == first {
            trimmed = String(trimmed.dropFirst().dropLast())
        } else if trimmed.contains("\\") {
            var unescaped = ""
            var escaping = false
            for character in trimmed {
                if escaping || character != "\\" { unescaped.append(character); escaping = false } else { escaping = true }
            }
            trimmed = unescaped
        }
        if trimmed == "~" || trimmed.hasPrefix("~/") {
            return URL(fileURLWithPath: FileManager.default.homeDirectoryForCurrentUser.path + trimmed.dropFirst())
        }
        return URL(fileURLWithPath: trimmed)
    }

    func previewImport(_ path: String) -> Msg {
        do {
            let report = try FeedbackImporter.importFile(at: Self.expand(path), into: store, options: FeedbackImportOptions(dryRun: true))
            return .importPreviewed(ImportPreview(path: path, lines: report.lines(shown: 8), importable: report.imported > 0))
        } catch {
            var lines = "\(error)".split(separator: "\n").map(String.init)
            if let error = error as? ImportError {
                switch error {
                case .severalTextColumns, .noTextColumn, .badMapping:
                    lines += ["", "In a shell: podium import feedback '\(Self.expand(path).path)' --dry-run with the option above"]
                default:
                    break
                }
            }
            return .importPreviewed(ImportPreview(path: path, lines: lines, importable: false))
        }
    }

    func importFile(_ path: String) -> [Msg] {
        do {
            let url = Self.expand(path)
            let report = try FeedbackImporter.importFile(at: url, into: store)
            runImportRules(report, file: url.lastPathComponent)
            return [changed([.feedback, .audit]), .imported(summary: report.summary)]
        } catch {
            return [.importFailed("\(error)")]
        }
    }
}
