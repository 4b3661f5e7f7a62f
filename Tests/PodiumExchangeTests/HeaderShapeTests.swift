import Foundation
import PodiumCore
import PodiumExchange
import PodiumStore
import PodiumTestSupport
import Testing

/// Headers that are the whole problem: huge, numerous, repeated or hostile column names are
/// refused or renamed with a message a person can read.
@Suite("Odd headers")
struct HeaderShapeTests {
    private func importing(_ text: String, map: [String] = []) throws -> Result<ImportReport, ImportError> {
        let (folder, store) = try makeWorkspace()
        let url = folder.path("odd.csv")
        try Data(text.utf8).write(to: url)
        do {
            return .success(try FeedbackImporter.importFile(at: url, into: store, options: FeedbackImportOptions(mappings: map, dryRun: true)))
        } catch let error as ImportError {
            return .failure(error)
        }
    }

    @Test("a header line with no delimiter is one column; the refusal shows its start, not all of it")
    func enormousName() throws {
        guard case let .failure(error) = try importing(String(repeating: "x", count: 200_000) + "\n") else {
            Issue.record("a file with no text column imported")
            return
        }
        let message = error.description
        #expect(message.count < 400, "\(message.count) characters")
        #expect(message.contains("no column holds feedback text; the columns are \"" + String(repeating: "x", count: 39) + "…\""))
    }

    @Test("100,000 columns: the refusal lists the first twelve and counts the rest; --map names a missing one shortly")
    func manyColumns() throws {
        let header = (0..<100_000).map { "c\($0)" }.joined(separator: ",")
        guard case let .failure(error) = try importing(header + "\n" + Array(repeating: "1", count: 100_000).joined(separator: ",") + "\n") else {
            Issue.record("a file with no text column imported")
            return
        }
        #expect(error.description.contains("\"c0\", \"c1\""))
        #expect(error.description.contains("\"c11\" and 99988 more"))
        #expect(!error.description.contains("c12\""))
        guard case let .failure(mapping) = try importing(header + "\n", map: [String(repeating: "y", count: 5_000) + "=text"]) else {
            Issue.record("a --map to a missing column was accepted")
            return
        }
        #expect(mapping.description.count < 500)
    }

    @Test("repeated names are numbered in order, without a search per column, and escape sequences never reach the report")
    func repeatedAndHostileNames() throws {
        let header = ["text", "Other", "Other", "Other", "Other (2)", "\u{1B}[31mred\u{1B}[0m", "\u{1B}[31mred\u{1B}[0m"].joined(separator: ",")
        guard case let .success(report) = try importing(header + "\nhello,a,b,c,d,e,f\n") else {
            Issue.record("refused")
            return
        }
        let notes = report.notes.joined(separator: "\n")
        #expect(notes.contains("column 3 is named \"Other (2)\""))
        #expect(notes.contains("column 4 is named \"Other (3)\""))
        #expect(notes.contains("column 5 is named \"Other (2) (2)\""))
        #expect(notes.contains("column 7 is named"))
        #expect(!notes.contains("\u{1B}"))
    }
}
