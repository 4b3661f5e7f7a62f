import Foundation
import PodiumAI
import PodiumCore
import PodiumEngine
import PodiumStore
import Testing

/// The catalogue (`JobKindInfo.all`) is the one place a kind is described, and the
/// registrations of PodiumAI (recipe and prompt) cover exactly its kinds.
@Suite("Job catalogue and registrations")
struct JobCatalogTests {
    private static let catalogued = JobKindInfo.all.map(\.kind)

    @Test("one entry per kind, and every kind has a recipe, a prompt of its own and a minutes estimate")
    func everyKindIsComplete() {
        #expect(Set(Self.catalogued).count == Self.catalogued.count, "no kind is catalogued twice")
        #expect(LocalProvider.kinds == Set(Self.catalogued), "a recipe for each kind, none for a kind outside the catalogue")
        #expect(PromptTemplates.builtInKinds == Set(Self.catalogued), "a prompt for each kind")
        let generic = PromptTemplates.builtIn("from-a-newer-podium")
        for info in JobKindInfo.all {
            #expect(PromptTemplates.builtIn(info.kind) != generic, "\(info.kind) has a prompt of its own")
            #expect(info.minutesSaved > 0, "\(info.kind)")
            #expect(!info.title.isEmpty && !info.shortTitle.isEmpty && !info.summary.isEmpty && !info.onAccept.isEmpty, "\(info.kind)")
        }
    }

    @Test("the engine's tables are read from the catalogue")
    func derivedTables() {
        #expect(AutomationSettings.defaultMinutesSaved == Dictionary(uniqueKeysWithValues: JobKindInfo.all.map { ($0.kind, $0.minutesSaved) }))
        #expect(RulePlanner.batchKinds == Set(JobKindInfo.all.filter(\.runsInBatches).map(\.kind)))
    }

    @Test("tagging sentiment and summarizing feedback run in batches")
    func batchKinds() {
        #expect(RulePlanner.batchKinds.isSuperset(of: [.tagSentiment, .summarizeFeedback]))
    }

    @Test("what a kind asks for is one it can be asked: a prompt only with a parameter asked first")
    func promptsHaveTheirParameter() {
        for info in JobKindInfo.all where info.prompt != nil {
            #expect(info.askedFirst != nil, "\(info.kind) has a prompt label but asks for nothing")
        }
        #expect(JobKindInfo.kinds(taking: .question).map(\.kind) == [.ask])
        #expect(JobKindInfo.kinds(taking: .audience).map(\.kind) == [.stakeholderUpdate, .releaseNotes])
        // Enter alone: an update is for leadership, release notes are for customers.
        #expect(JobKind.stakeholderUpdate.info?.valueWhenBlank(.audience) == "leadership")
        #expect(JobKind.releaseNotes.info?.valueWhenBlank(.audience) == "customers")
    }

    @Test("a kind from a newer Podium: unknownKind offline, the generic prompt for a model")
    func unknownKind() {
        let request = JobRequest(job: Job(kind: "from-a-newer-podium", stance: .orchestrator), snapshot: WorkspaceSnapshot(product: Product(name: "P", vision: "", productGoal: "")))
        #expect(throws: JobError.unknownKind("from-a-newer-podium")) { try LocalProvider().run(request, context: JobContext()) }
        #expect(PromptTemplates.builtIn("from-a-newer-podium").contains("Help the Product Owner with the data below."))
    }
}
