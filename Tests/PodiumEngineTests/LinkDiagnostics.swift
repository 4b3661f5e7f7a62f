import Foundation
import PodiumCore
import PodiumInsight
import PodiumTestSupport
import Testing

/// Prints, for tuning, how each labelled link scores (run with PODIUM_LINK_DIAGNOSE=NAME).
@Suite("Link diagnostics")
struct LinkDiagnostics {
    @Test("print scores of a labelled set", .enabled(if: ProcessInfo.processInfo.environment["PODIUM_LINK_DIAGNOSE"] != nil))
    func diagnose() throws {
        for name in ProcessInfo.processInfo.environment["PODIUM_LINK_DIAGNOSE"]!.split(separator: ",").map(String.init) {
            let folder = try TemporaryDirectory("podium-diagnose")
            let imported = try EvidenceSet(named: name).makeWorkspace(at: folder.path(name))
            let snapshot = imported.store.snapshot
            let keyOf = Dictionary(imported.backlog.map { ($0.value.rawValue, $0.key) }, uniquingKeysWith: { $0.count >= $1.count ? $0 : $1 })
            let exportOf = Dictionary(imported.feedback.map { ($0.value.rawValue, $0.key) }, uniquingKeysWith: { $0.count <= $1.count ? $0 : $1 })
            var truth: [String: Set<String>] = [:]
            for label in imported.set.labels { truth[label.feedback, default: []].insert(label.backlog) }
            let items = snapshot.orderedBacklog
            let environment = ProcessInfo.processInfo.environment
            let seedsPerItem = Int(environment["PODIUM_LINK_SEEDS"] ?? "0") ?? 0
            var examples: [String: [String]] = [:]  // item id → texts
            var seeded = Set<String>()  // export ids used as seeds
            for label in imported.set.labels where label.kind == .demand {
                guard let item = imported.backlog[label.backlog], let feedback = imported.feedback[label.feedback],
                      examples[item.rawValue, default: []].count < seedsPerItem, let text = snapshot.feedback[feedback]?.text else { continue }
                examples[item.rawValue, default: []].append(text)
                seeded.insert(label.feedback)
            }
            var settings = EvidenceLinker.Settings()
            for pair in (environment["PODIUM_LINK_SETTINGS"] ?? "").split(separator: ",") {
                let parts = pair.split(separator: "="); guard parts.count == 2, let value = Double(parts[1]) else { continue }
                switch parts[0] {
                case "norm": settings.normExponent = value
                case "conf": settings.confidentFactor = value
                case "learn": settings.learnedWords = Int(value)
                case "lw": settings.learnedWeight = value
                case "cw": settings.conceptWeight = value
                case "t": settings.threshold = value
                case "dist": settings.distinctivenessExponent = value
                case "tw": settings.titleWeight = value
                case "dw": settings.descriptionWeight = value
                default: break
                }
            }
            let targets = items.map { LinkTarget(id: $0.id.rawValue, key: $0.key, title: $0.title, description: $0.description, labels: $0.tags,
                                                 examples: examples[$0.id.rawValue] ?? []) }
            let sources = snapshot.feedback.all.map { LinkSource(id: $0.id.rawValue, text: $0.text, ratingShare: $0.rating?.normalized) }
            let rows = EvidenceLinker(settings: settings).explain(sources, to: targets)
            var points: [(Double, Int, Bool, Double)] = []  // best score, groups, right, margin
            for row in rows {
                let export = exportOf[row.sourceID] ?? "?"
                if seeded.contains(export) { continue }
                if let best = row.matches.first {
                    let right = truth[export]?.contains(keyOf[best.targetID] ?? "") ?? false
                    points.append((best.score, best.groups, right, row.matches.count > 1 ? best.score / max(0.01, row.matches[1].score) : 10))
                }
                if ProcessInfo.processInfo.environment["PODIUM_LINK_VERBOSE"] != nil {
                    let best = row.matches.map { "\(keyOf[$0.targetID] ?? "?") \(String(format: "%.2f", $0.score))/\($0.groups) \($0.words.joined(separator: ","))" }
                    print("T[\(truth[export]?.sorted().joined(separator: " ") ?? "-")] \(best.joined(separator: " ; ")) || \(row.sentence.prefix(110))")
                }
            }
            let total = imported.set.labels.filter { !seeded.contains($0.feedback) }.count
            for threshold in stride(from: 0.1, through: 0.9, by: 0.2) {
                for groups in [2, 3] {
                    for margin in [1.0, 1.5, 2.0] {
                        let chosen = points.filter { $0.0 >= threshold && $0.1 >= groups && $0.3 >= margin }
                        let right = chosen.filter(\.2).count
                        print(String(format: "%@ t=%.1f g=%d m=%.1f links=%d precision=%.2f recall=%.2f", name, threshold, groups, margin, chosen.count,
                                     chosen.isEmpty ? 0 : Double(right) / Double(chosen.count), Double(right) / Double(total)))
                    }
                }
            }
        }
    }
}
