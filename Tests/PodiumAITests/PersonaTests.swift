import Foundation
import PodiumAI
import PodiumCore
import PodiumStore
import PodiumTestSupport
import Testing

/// Personas on a labelled product that is not the demo (Ledgerly: Zendesk tickets with a
/// plan per ticket, Solo, Team or Business): distinct by what each segment complains
/// about more than the others, every pain and goal a customer's own sentence with its source.
@Suite("Personas on labelled feedback")
struct PersonaTests {
    @Test("one persona per plan; pains and goals are quoted sentences of the segment's own customers; top pains differ or the draft says they are shared")
    func personas() throws {
        let folder = try TemporaryDirectory("podium-personas")
        let set = try EvidenceSet(named: "ledgerly")
        let imported = try set.makeWorkspace(at: folder.path("ledgerly"))
        let labels = try #require(try ThemeLabels(set))
        let snapshot = imported.store.snapshot
        let truth = Dictionary(uniqueKeysWithValues: labels.items.compactMap { item in imported.feedback[item.feedback].map { ($0, item.sentiment) } })
        let output = try LocalProvider().run(JobRequest(job: Job(kind: .buildPersonas, stance: .customerRepresentative), snapshot: snapshot),
                                             context: JobContext())
        let personas = try #require(output.proposal?.personas)
        #expect(Set(personas.compactMap(\.segment)) == ["Solo", "Team", "Business"], "\(personas.map(\.name))")
        for persona in personas {
            #expect(!persona.pains.isEmpty, "\(persona.name)")
            for line in persona.pains + persona.goals {
                // A customer's sentence, with the record it comes from; never a label of two stems.
                let cite = try #require(line.firstMatch(of: /“(.+)” \[#([0-9a-f]{8})\]/), "\(line)")
                let source = try #require(snapshot.feedback.values.first { $0.id.short == String(cite.2) })
                #expect(source.segment == persona.segment, "\(persona.name): \(line)")
                #expect(source.text.contains(String(cite.1).replacingOccurrences(of: "…", with: "").prefix(30)))
                #expect(!line.contains(" · "))
            }
            // A pain is quoted from a complaint, never from praise.
            for line in persona.pains {
                let short = String(try #require(line.firstMatch(of: /\[#([0-9a-f]{8})\]/)).1)
                let id = try #require(snapshot.feedback.values.first { $0.id.short == short }?.id)
                #expect(truth[id] != "positive", "\(persona.name): \(line)")
            }
        }
        let firstPains = personas.compactMap { $0.pains.first.flatMap { $0.firstMatch(of: /“(.+)”/).map { String($0.1) } } }
        #expect(Set(firstPains).count == firstPains.count, "two personas lead with the same complaint")
        let tops = personas.map(\.summary)
        #expect(tops.allSatisfy { $0.contains("complaints") && $0.contains("requests") && $0.contains("praise") })
    }

    @Test("a segment column of company names (Canny's Company) makes no persona per company: the draft says why it does not group by it")
    func companyNamesAreNoSegments() throws {
        let folder = try TemporaryDirectory("podium-personas-companies")
        let imported = try EvidenceSet(named: "parcelpoint").makeWorkspace(at: folder.path("parcelpoint"))
        let snapshot = imported.store.snapshot
        let companies = Set(snapshot.feedback.values.compactMap(\.segment))
        #expect(companies.count > 50, "the Canny export names each post's company: \(companies.count)")
        let output = try LocalProvider().run(JobRequest(job: Job(kind: .buildPersonas, stance: .customerRepresentative), snapshot: snapshot),
                                             context: JobContext())
        let personas = try #require(output.proposal?.personas)
        #expect(personas.allSatisfy { $0.segment == nil }, "\(personas.map(\.name))")
        #expect(!personas.contains { persona in companies.contains { persona.name.contains($0) } }, "\(personas.map(\.name))")
        #expect(output.content.contains("company names rather than plans or tiers"), "\(output.content.prefix(500))")
    }
}
