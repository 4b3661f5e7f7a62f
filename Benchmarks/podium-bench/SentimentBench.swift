import Foundation
import PodiumCore
import PodiumInsight
import PodiumTestSupport

/// Sentiment against VADER (PyPI `vaderSentiment`, run in the same run, never shipped): the
/// three-class and polar accuracy of Podium's analyzer and of VADER (compound ±0.05) on
/// the hand-labelled product-feedback sets (`themes.json`) and, when given, an outside
/// human-labelled set (JSON Lines of `text` and `label`, e.g. from
/// scripts/external-sentiment-set.py). The differences are the figures.
///
///   swift run -c release podium-bench sentiment [EXTERNAL.jsonl]
enum SentimentBench {
    static func run(external: String?) throws {
        print("| set | items | podium: three-class | polar | VADER: three-class | polar | difference: three-class | polar |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|")
        var sets: [(String, [(text: String, truth: String)])] = []
        for name in ThemeLabels.setNames {
            let set = try EvidenceSet(named: name)
            guard let labels = try ThemeLabels(set) else { continue }
            let texts = try FeedbackTexts.byExportID(set)
            sets.append((name, labels.items.compactMap { item in texts[item.feedback].map { ($0, item.sentiment) } }))
        }
        if let external {
            let lines = try String(contentsOfFile: external, encoding: .utf8).split(separator: "\n")
            let rows = lines.compactMap { line -> (String, String)? in
                guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                      let text = object["text"] as? String, let label = object["label"] as? String else { return nil }
                return (text, label)
            }
            sets.append(((external as NSString).lastPathComponent, rows.map { (text: $0.0, truth: $0.1) }))
        }
        let analyzer = SentimentAnalyzer()
        for (name, rows) in sets {
            var ours = SentimentAgreement(), peer = SentimentAgreement()
            let compounds = try vader(rows.map(\.text))
            for (row, compound) in zip(rows, compounds) {
                ours.add(truth: row.truth, predicted: analyzer.score(row.text).threeClass)
                peer.add(truth: row.truth, predicted: compound >= 0.05 ? "positive" : compound <= -0.05 ? "negative" : "neutral")
            }
            print(String(format: "| %@ | %d | %.3f | %.3f | %.3f | %.3f | %+.3f | %+.3f |", name, rows.count, ours.accuracy, ours.polarAccuracy,
                         peer.accuracy, peer.polarAccuracy, ours.accuracy - peer.accuracy, ours.polarAccuracy - peer.polarAccuracy))
        }
    }

    /// VADER's compound score for each text, from Python.
    static func vader(_ texts: [String]) throws -> [Double] {
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("podium-vader-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: input) }
        try texts.map { String(decoding: try JSONSerialization.data(withJSONObject: [$0]), as: UTF8.self) }.joined(separator: "\n")
            .write(to: input, atomically: true, encoding: .utf8)
        let script = """
            import json, sys
            from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
            analyzer = SentimentIntensityAnalyzer()
            for line in open(sys.argv[1], encoding='utf-8'):
                print(analyzer.polarity_scores(json.loads(line)[0])['compound'])
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, input.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let values = output.split(separator: "\n").compactMap { Double($0) }
        guard values.count == texts.count else {
            throw NSError(domain: "podium-bench", code: 1, userInfo: [NSLocalizedDescriptionKey: "VADER did not run (pip install vaderSentiment)"])
        }
        return values
    }
}
