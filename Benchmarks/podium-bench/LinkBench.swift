import Foundation
import PodiumAI
import PodiumCore
import PodiumInsight
import PodiumStore
import PodiumTestSupport

/// Evidence links on the hand-labelled sets (Tests/Fixtures/Evidence): the built-in
/// link-feedback job against a peer measured in the same run, the shared-word linking the
/// job replaces (each feedback item to the backlog item whose title and description share
/// the most words with it, at least one).
///
///   swift run -c release podium-bench links
///
/// A demand link is right when the labels link that feedback to that item as demand.
enum LinkBench {
    static func run() throws {
        print("| set | feedback | items | link-feedback: demand precision | recall | praise precision | time | shared words: precision | recall | precision ratio |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for name in EvidenceSet.names {
            let folder = try TemporaryDirectory("podium-bench-links")
            let imported = try EvidenceSet(named: name).makeWorkspace(at: folder.path(name))
            let snapshot = imported.store.snapshot
            var output: DraftOutput?
            let time = try elapsed {
                output = try LocalProvider().run(JobRequest(job: Job(kind: .linkFeedback, stance: .decisionMaker), snapshot: snapshot), context: JobContext())
            }
            let ours = imported.score(output?.proposal?.feedbackLinks ?? [])
            let peer = imported.score(sharedWordLinks(snapshot))
            print("| \(name) | \(snapshot.feedback.count) | \(snapshot.backlog.count) | \(f(ours.precision)) | \(f(ours.recall)) | "
                + "\(f(ours.validationPrecision)) | \(String(format: "%.0f ms", time * 1000)) | \(f(peer.precision)) | \(f(peer.recall)) | "
                + "\(peer.precision > 0 ? String(format: "%.2f×", ours.precision / peer.precision) : "–") |")
            // A Product Owner who links three items of each theme by hand first: the job learns
            // each item's customers' words from them (scored on the rest).
            let seeded = try imported.linkByHand(perItem: 3)
            let taught = try LocalProvider().run(JobRequest(job: Job(kind: .linkFeedback, stance: .decisionMaker), snapshot: imported.store.snapshot),
                                                 context: JobContext())
            let after = imported.score(taught.proposal?.feedbackLinks ?? [], excluding: seeded)
            let peerAfter = imported.score(sharedWordLinks(snapshot), excluding: seeded)
            print("| \(name), after 3 links by hand per item | | | \(f(after.precision)) | \(f(after.recall)) | \(f(after.validationPrecision)) | | "
                + "\(f(peerAfter.precision)) | \(f(peerAfter.recall)) | \(peerAfter.precision > 0 ? String(format: "%.2f×", after.precision / peerAfter.precision) : "–") |")
        }
    }

    /// For tuning: each feedback item of a set with its labelled items and the linker's three
    /// best matches (item, score / shared words, the words).
    ///
    ///   swift run -c release podium-bench links explain NAME
    static func explain(_ name: String) throws {
        let folder = try TemporaryDirectory("podium-bench-explain")
        let imported = try EvidenceSet(named: name).makeWorkspace(at: folder.path(name))
        let snapshot = imported.store.snapshot
        let keyOf = Dictionary(imported.backlog.map { ($0.value.rawValue, $0.key) }, uniquingKeysWith: { $0.count >= $1.count ? $0 : $1 })
        let exportOf = Dictionary(imported.feedback.map { ($0.value.rawValue, $0.key) }, uniquingKeysWith: { $0.count <= $1.count ? $0 : $1 })
        var truth: [String: [String]] = [:]
        for label in imported.set.labels { truth[label.feedback, default: []].append("\(label.backlog):\(label.kind.rawValue)") }
        let targets = snapshot.orderedBacklog.map { LinkTarget(id: $0.id.rawValue, key: $0.key, title: $0.title, description: $0.description, labels: $0.tags) }
        let sources = snapshot.feedback.all.map { LinkSource(id: $0.id.rawValue, text: $0.text, ratingShare: $0.rating?.normalized) }
        for row in EvidenceLinker().explain(sources, to: targets) {
            let export = exportOf[row.sourceID] ?? "?"
            let best = row.matches.map { "\(keyOf[$0.targetID] ?? "?") \(f($0.score))/\($0.groups) \($0.words.joined(separator: ","))" }
            print("[\(truth[export]?.joined(separator: " ") ?? "unlinked")] \(best.joined(separator: " ; ")) || \(row.sentence.prefix(110))")
        }
    }

    private static func f(_ value: Double) -> String { String(format: "%.2f", value) }

    /// The peer: every feedback item linked, as demand, to the item sharing most words with it.
    static func sharedWordLinks(_ snapshot: WorkspaceSnapshot) -> [FeedbackLink] {
        let items = snapshot.orderedBacklog.map { ($0, Set(Tokenizer.terms($0.title + " " + $0.description))) }
        return snapshot.feedback.all.compactMap { feedback in
            let words = Set(Tokenizer.terms(feedback.text))
            guard let (item, shared) = items.map({ ($0.0, $0.1.intersection(words).count) }).max(by: { $0.1 < $1.1 }), shared > 0 else { return nil }
            return FeedbackLink(feedbackID: feedback.id, backlogID: item.id, kind: .demand, strength: 1, phrase: "", itemWords: [])
        }
    }
}
