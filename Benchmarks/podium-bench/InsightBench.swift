import Foundation
import PodiumDemo
import PodiumInsight

/// Offline text analytics benchmark. `podium-bench insight` first prints the quality tables
/// (`ThemeBench`, `SentimentBench`: Podium next to tf-idf + k-means and VADER on the
/// hand-labelled sets), then this: for demo workspaces of the given sizes, the time to
/// find the themes of all feedback and to summarise it (3 sentences), plus key phrases
/// and sentiment for reference, and the process's peak memory after each size.
///
///   swift run -c release podium-bench insight [SIZES]   (default 1000,10000,100000)
///
/// Sizes run in the order given in one process, so peak memory is the peak so far: give
/// them in ascending order.
enum InsightBench {
    static func run(sizes: [Int]) {
        print("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores; one thread; peak memory is the process's so far")
        print("| items | cluster | summary | cluster + summary | themes found | unassigned | key phrases | sentiment (all items) | peak memory |")
        print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for size in sizes {
            let documents = DemoWorkspace(feedbackCount: size).makeContent().feedback
                .map { TextDocument(id: $0.id.rawValue, text: $0.text) }
            var clustering = ThemeClustering(themes: [], unassignedIDs: [])
            let clusterTime = elapsed { clustering = ThemeClusterer().cluster(documents) }
            var summary: [SummarySentence] = []
            let summaryTime = elapsed { summary = Summarizer().summarize(documents, maxSentences: 3) }
            let phraseTime = elapsed { _ = KeyPhraseExtractor.extract(from: documents, limit: 20) }
            let analyzer = SentimentAnalyzer()
            let sentimentTime = elapsed { for document in documents { _ = analyzer.score(document.text) } }
            precondition(summary.count == 3, "the summary should have 3 sentences")
            func ms(_ seconds: Double) -> String { String(format: "%.0f ms", seconds * 1000) }
            print("| \(size) | \(ms(clusterTime)) | \(ms(summaryTime)) | \(ms(clusterTime + summaryTime)) | "
                + "\(clustering.themes.count) | \(clustering.unassignedIDs.count) | \(ms(phraseTime)) | \(ms(sentimentTime)) | "
                + "\(String(format: "%.0f MiB", peakMemoryMiB())) |")
        }
    }
}
