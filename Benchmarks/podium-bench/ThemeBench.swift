import Foundation
import PodiumCore
import PodiumInsight
import PodiumTestSupport

/// Themes on the hand-labelled sets (`themes.json`): Podium's clusterer, not told how many
/// themes there are, against a plain tf-idf + spherical k-means told the true number of
/// top-level themes, in the same run. Purity, coverage and the number of themes are the
/// figures (see `ThemeScore`).
///
///   swift run -c release podium-bench themes
enum ThemeBench {
    static func run() throws {
        print("| set | items | true themes | podium: themes | purity | coverage | time | k-means (true k): purity | coverage |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
        for name in ThemeLabels.setNames {
            let set = try EvidenceSet(named: name)
            guard let labels = try ThemeLabels(set) else { continue }
            let texts = try FeedbackTexts.byExportID(set)
            let documents = labels.items.compactMap { item in texts[item.feedback].map { TextDocument(id: item.feedback, text: $0) } }
            var clustering = ThemeClustering(themes: [], unassignedIDs: [])
            let time = elapsed { clustering = ThemeClusterer().cluster(documents) }
            let ours = ThemeScore(found: clustering.themes.map(\.memberIDs), labels: labels)
            let peer = ThemeScore(found: KMeansPeer.cluster(documents, k: labels.themes.count), labels: labels)
            print(String(format: "| %@ | %d | %d | %d | %.3f | %.3f | %.0f ms | %.3f | %.3f |", name, documents.count, labels.themes.count,
                         ours.themes, ours.purity, ours.coverage, time * 1000, peer.purity, peer.coverage))
            for theme in clustering.themes.prefix(14) {
                print("  - \(theme.label) (\(theme.memberIDs.count))" + (theme.subthemes.isEmpty ? "" : ": " + theme.subthemes.map { "\($0.label) (\($0.memberIDs.count))" }.joined(separator: ", ")))
            }
        }
    }
}

/// The peer: tf-idf vectors and spherical k-means with k given, seeded k-means++-style by a
/// fixed generator, 20 iterations.
enum KMeansPeer {
    static func cluster(_ documents: [TextDocument], k: Int) -> [[String]] {
        let terms = documents.map { Tokenizer.terms($0.text) }
        var frequency: [String: Int] = [:]
        for list in terms { for term in Set(list) { frequency[term, default: 0] += 1 } }
        let n = Double(documents.count)
        let vectors: [[String: Double]] = terms.map { list in
            var counts: [String: Double] = [:]
            for term in list { counts[term, default: 0] += 1 }
            var vector = counts.mapValues { $0 }
            for (term, count) in counts { vector[term] = count * log(n / Double(frequency[term] ?? 1)) }
            let length = vector.values.reduce(0) { $0 + $1 * $1 }.squareRoot()
            return length > 0 ? vector.mapValues { $0 / length } : vector
        }
        func dot(_ a: [String: Double], _ b: [String: Double]) -> Double { a.reduce(0) { $0 + $1.value * (b[$1.key] ?? 0) } }
        var generator = SeededGenerator(seed: 42)
        var centres = [vectors[Int(generator.next() % UInt64(vectors.count))]]
        while centres.count < k {
            let distances = vectors.map { vector in 1 - (centres.map { dot(vector, $0) }.max() ?? 0) }
            let total = distances.reduce(0, +)
            var pick = Double(generator.next() % 1_000_000) / 1_000_000 * total
            var chosen = 0
            for (index, distance) in distances.enumerated() {
                pick -= distance
                if pick <= 0 { chosen = index; break }
            }
            centres.append(vectors[chosen])
        }
        var assignment = [Int](repeating: 0, count: vectors.count)
        for _ in 0..<20 {
            assignment = vectors.map { vector in centres.indices.max { dot(vector, centres[$0]) < dot(vector, centres[$1]) } ?? 0 }
            centres = centres.indices.map { index in
                var sum: [String: Double] = [:]
                for (member, theme) in assignment.enumerated() where theme == index { for (term, weight) in vectors[member] { sum[term, default: 0] += weight } }
                let length = sum.values.reduce(0) { $0 + $1 * $1 }.squareRoot()
                return length > 0 ? sum.mapValues { $0 / length } : centres[index]
            }
        }
        return centres.indices.map { index in assignment.indices.filter { assignment[$0] == index }.map { documents[$0].id } }.filter { !$0.isEmpty }
    }
}
