import Foundation
import PodiumCore

extension Migration {
    /// Schema 1 → 2: the sentiment and theme tags that accepted drafts wrote into every
    /// feedback item's file move into one annotations file (`annotations/`), and the items'
    /// files keep what people wrote and decided.
    ///
    /// The annotations file is written first, then each item that held such values is
    /// rewritten without them (only those: the others stay byte for byte). Run again after
    /// a stop part way, it finds its own file (kind "migrated") and adds what is left.
    static let annotationsOutOfFeedback = Migration(
        from: 1, summary: "sentiment and theme tags move from the feedback files into annotations/"
    ) { context in
        try AnnotationsMigration(layout: context.layout).run()
    }
}

/// The work of ``Migration/annotationsOutOfFeedback``.
struct AnnotationsMigration {
    let layout: WorkspaceLayout
    static let kind = "migrated"

    func run() throws {
        let feedbackFolder = layout.folder(.feedback)
        let annotationsFolder = layout.folder(.annotations)
        try POSIX.makeDirectory(annotationsFolder)
        let decoder = RecordCodec.makeDecoder()
        var annotated: [(name: String, item: FeedbackItem)] = []
        var sentiment: [String: Double] = [:]
        var themes: [String: [String]] = [:]
        for name in try POSIX.listDirectory(feedbackFolder) ?? [] where name.hasSuffix(".json") {
            // A file that does not read is left for the store to quarantine, as it would be.
            guard let (data, _) = try POSIX.readFile(feedbackFolder + "/" + name),
                  let item = try? decoder.decode(FeedbackItem.self, from: data) else { continue }
            let themeTags = item.tags.filter { $0.hasPrefix(FeedbackAnnotations.themeTagPrefix) }
            guard item.sentiment != nil || !themeTags.isEmpty else { continue }
            if let score = item.sentiment { sentiment[item.id.rawValue] = score }
            for tag in themeTags { themes[tag, default: []].append(item.id.rawValue) }
            annotated.append((name, item))
        }
        var annotations = try existing(in: annotationsFolder)
            ?? FeedbackAnnotations(id: .make(), kind: Self.kind, acceptedAt: Date(), acceptedBy: "podium (schema 2)")
        if !sentiment.isEmpty { annotations.sentiment = (annotations.sentiment ?? [:]).merging(sentiment) { _, new in new } }
        if !themes.isEmpty {
            annotations.themes = (annotations.themes ?? [:]).merging(themes) { old, new in Array(Set(old + new)).sorted() }
                .mapValues { $0.sorted() }
        }
        guard annotations.sentiment != nil || annotations.themes != nil else { return }
        try AtomicFile.write(
            try RecordCodec.encode(annotations, what: "the migrated annotations"),
            to: annotationsFolder + "/" + annotations.id.rawValue + ".json", durable: true)
        for (name, item) in annotated {
            var stripped = item
            stripped.sentiment = nil
            stripped.tags = item.tags.filter { !$0.hasPrefix(FeedbackAnnotations.themeTagPrefix) }
            try AtomicFile.write(try RecordCodec.encode(stripped, what: "feedback item \(item.id)"),
                                 to: feedbackFolder + "/" + name, durable: false)
        }
    }

    /// The annotations an earlier run of this step wrote, if it stopped part way.
    private func existing(in folder: String) throws -> FeedbackAnnotations? {
        let decoder = RecordCodec.makeDecoder()
        for name in try POSIX.listDirectory(folder) ?? [] where name.hasSuffix(".json") {
            guard let (data, _) = try POSIX.readFile(folder + "/" + name),
                  let annotations = try? decoder.decode(FeedbackAnnotations.self, from: data),
                  annotations.kind == Self.kind else { continue }
            return annotations
        }
        return nil
    }
}
