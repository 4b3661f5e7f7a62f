import Foundation
import PodiumInsight
import Testing

@Suite("Vectors")
struct VectorTests {
    @Test("sparse vectors sort their entries, add repeats, drop zeros; dot and norm")
    func sparse() {
        let a = SparseVector([(index: 5, weight: 2), (index: 1, weight: 1), (index: 5, weight: 1), (index: 3, weight: 0)])
        #expect(a.indices == [1, 5])
        #expect(a.weights == [1, 3])
        let b = SparseVector([(index: 5, weight: 2), (index: 7, weight: 4)])
        #expect(a.dot(b) == 6)
        #expect(b.dot(a) == 6)
        #expect(abs(b.norm - 20.0.squareRoot()) < 1e-12)
        #expect(SparseVector.zero.norm == 0)
    }

    @Test("a term in every document weighs 0; others weigh ln(N/df), scaled to unit length")
    func tfidf() {
        let model = TFIDFModel(documents: [["app", "crash"], ["app", "slow"], ["app", "crash", "sync"]])
        #expect(model.vocabularySize == 4)
        #expect(model.vector(for: ["app"]).isZero)
        let crashOnly = model.vector(for: ["app", "crash"])
        #expect(crashOnly.count == 1)
        #expect(abs(crashOnly.weights[0] - 1) < 1e-12)
        let mixed = model.vector(for: ["crash", "slow"])
        let crash = log(3.0 / 2.0), slow = log(3.0)
        let length = (crash * crash + slow * slow).squareRoot()
        #expect(abs(mixed.weights[0] - crash / length) < 1e-12)  // "crash" sorts before "slow"
        #expect(abs(mixed.weights[1] - slow / length) < 1e-12)
        #expect(abs(mixed.norm - 1) < 1e-12)
    }

    @Test("term frequency is sublinear (1 + ln tf) and unknown terms are ignored")
    func frequency() {
        let model = TFIDFModel(documents: [["crash"], ["slow"], ["sync"]])
        let vector = model.vector(for: ["crash", "crash", "crash", "slow", "unknown"])
        let ratio = vector.weights[0] / vector.weights[1]
        #expect(abs(ratio - (1 + log(3.0))) < 1e-12)
        #expect(vector.count == 2)
    }
}
