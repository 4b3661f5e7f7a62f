import Foundation
import PodiumCore
import PodiumInsight
import Testing

@Suite("Backlog ranking")
struct BacklogRankerTests {
    static func item(_ name: String, order: Int, status: BacklogStatus = .ready, rice: RICEInputs = RICEInputs(),
                     wsjf: WSJFInputs = WSJFInputs()) -> BacklogItem {
        BacklogItem(id: RecordID(name), title: name, status: status, order: order, rice: rice, wsjf: wsjf,
                    createdAt: Date(timeIntervalSince1970: 0))
    }

    static let items = [
        item("a", order: 2, rice: RICEInputs(reach: 1000, impact: 2, confidence: 0.8, effort: 4)),  // 400
        item("b", order: 3, rice: RICEInputs(reach: 500, impact: 3, confidence: 1, effort: 2)),  // 750
        item("c", order: 4, rice: RICEInputs(reach: 200, impact: 1, confidence: 0.5, effort: 1)),  // 100 × 1.5
        item("d", order: 1, rice: RICEInputs(reach: 10, impact: 1, confidence: 1)),  // no effort
        item("e", order: 0, status: .done, rice: RICEInputs(reach: 9999, impact: 3, confidence: 1, effort: 1)),
        item("f", order: 0, status: .proposed),  // nothing
        item("g", order: 5, status: .dropped, rice: RICEInputs(reach: 9999, impact: 3, confidence: 1, effort: 1)),
    ]

    @Test("RICE order: scored items by score × demand, then unscored items in backlog order; done and dropped left out")
    func riceOrder() {
        let demand = [RecordID<BacklogItem>("c"): Demand(linkedCount: 50, negativeShare: 1)]
        let ranked = BacklogRanker.rank(Self.items, demand: demand, method: .rice)
        #expect(ranked.map(\.id.rawValue) == ["b", "a", "c", "f", "d"])
        #expect(ranked.map(\.baseScore) == [750, 400, 100, nil, nil])
        #expect(ranked[2].demandFactor == 1.5)
        #expect(ranked[2].score == 150)
        #expect(ranked[0].demandFactor == 1)
        #expect(ranked[3].score == 0)
    }

    @Test("demand factor: 1 + 0.5 × ln(1 + linked) ÷ ln(1 + most linked) × (0.5 + 0.5 × negative share)")
    func demandFactor() {
        let factor = BacklogRanker.demandFactor(Demand(linkedCount: 5, negativeShare: 0.5), mostLinked: 50)
        #expect(abs(factor - (1 + 0.5 * log(6.0) / log(51.0) * 0.75)) < 1e-12)
        #expect(abs(factor - 1.170891) < 1e-6)
        #expect(BacklogRanker.demandFactor(Demand(linkedCount: 0, negativeShare: 1), mostLinked: 50) == 1)
        #expect(BacklogRanker.demandFactor(Demand(linkedCount: 50, negativeShare: 0), mostLinked: 50) == 1.25)
    }

    @Test("demand can lift a close second past the first, but by at most 50%")
    func demandLifts() {
        let items = [
            Self.item("h", order: 0, rice: RICEInputs(reach: 140, impact: 1, confidence: 1, effort: 1)),
            Self.item("i", order: 1, rice: RICEInputs(reach: 100, impact: 1, confidence: 1, effort: 1)),
            Self.item("j", order: 2, rice: RICEInputs(reach: 160, impact: 1, confidence: 1, effort: 1)),
        ]
        let demand = [RecordID<BacklogItem>("i"): Demand(linkedCount: 12, negativeShare: 1)]
        let ranked = BacklogRanker.rank(items, demand: demand, method: .rice)
        #expect(ranked.map(\.id.rawValue) == ["j", "i", "h"])
    }

    @Test("rationales give the numbers that decided the rank")
    func rationales() {
        let demand = [RecordID<BacklogItem>("c"): Demand(linkedCount: 50, negativeShare: 1)]
        let ranked = BacklogRanker.rank(Self.items, demand: demand, method: .rice)
        #expect(ranked[1].rationale
            == "RICE 400 (reach 1000 × impact 2 × confidence 80% ÷ effort 4) × demand 1 (no linked feedback) = 400.")
        #expect(ranked[2].rationale
            == "RICE 100 (reach 200 × impact 1 × confidence 50% ÷ effort 1) × demand 1.5 (50 linked feedback, 100% negative) = 150.")
        #expect(ranked[4].rationale == "No RICE score: needs effort; ranked after the scored items, in backlog order.")
    }

    @Test("WSJF uses cost of delay ÷ job size")
    func wsjf() {
        let items = [
            Self.item("w1", order: 0, wsjf: WSJFInputs(businessValue: 8, timeCriticality: 5, riskReduction: 3, jobSize: 4)),
            Self.item("w2", order: 1, wsjf: WSJFInputs(businessValue: 3, timeCriticality: 8, riskReduction: 2, jobSize: 2)),
            Self.item("w3", order: 2, wsjf: WSJFInputs(businessValue: 3, timeCriticality: 8, riskReduction: 2)),
        ]
        let ranked = BacklogRanker.rank(items, demand: [:], method: .wsjf)
        #expect(ranked.map(\.id.rawValue) == ["w2", "w1", "w3"])
        #expect(ranked.map(\.score) == [6.5, 4, 0])
        #expect(ranked[1].rationale == "WSJF 4 (cost of delay 16 = value 8 + time criticality 5 + risk reduction 3, "
            + "÷ job size 4) × demand 1 (no linked feedback) = 4.")
        #expect(ranked[2].rationale == "No WSJF score: needs job size; ranked after the scored items, in backlog order.")
    }

    @Test("equal scores keep backlog order")
    func ties() {
        let items = [
            Self.item("late", order: 9, rice: RICEInputs(reach: 10, impact: 1, confidence: 1, effort: 1)),
            Self.item("early", order: 1, rice: RICEInputs(reach: 10, impact: 1, confidence: 1, effort: 1)),
        ]
        #expect(BacklogRanker.rank(items, demand: [:], method: .rice).map(\.id.rawValue) == ["early", "late"])
    }
}
