import Foundation
import PodiumDemo
import PodiumCore
import PodiumRender
import PodiumStore
import PodiumTestSupport
import PodiumTUI
import PodiumViewModels
import Testing

@Suite("Pane registry")
struct PaneRegistryTests {
    /// The built-in themes with colors (monochrome styles by attributes only, so it leaves panes' roles out).
    static let colorThemes = Themes.builtIn.filter { $0 != .monochrome }

    /// Changes to one collection.
    private func changes(to collection: RecordCollection) -> WorkspaceChanges {
        var changes = WorkspaceChanges()
        changes.records[collection] = ["some-id"]
        return changes
    }

    private func index(_ stance: Stance) throws -> Int {
        try #require(Panes.index(of: stance))
    }

    @Test("one pane per stance, in the stances' order, each with its own name, role and show action")
    func onePerStance() {
        #expect(Panes.all.map(\.stance) == Stance.allCases)
        #expect(Set(Panes.all.map(\.name)).count == Panes.all.count)
        #expect(Set(Panes.all.map(\.themeRole)).count == Panes.all.count)
        #expect(Panes.all.indices.allSatisfy { Panes.all[$0].showAction.paneIndex == $0 })
    }

    @Test("every pane has a view, named views, titles, and a theme role every built-in color theme styles")
    func complete() {
        for pane in Panes.all {
            #expect(!pane.views.isEmpty, "\(pane.name) has a view")
            #expect(pane.viewNames.allSatisfy { !$0.isEmpty }, "\(pane.name): v names each of its views")
            #expect(Set(pane.viewNames).count == pane.views.count, "\(pane.name)'s views have names of their own")
            #expect(!pane.title.isEmpty && !pane.shortTitle.isEmpty && !pane.tinyTitle.isEmpty, "\(pane.name) has titles")
            #expect(!ThemeRole.generic.contains(pane.themeRole), "\(pane.name) has a role of its own")
            #expect(Themes.roles.contains(pane.themeRole), "theme files may set \(pane.name)'s role")
            for theme in Self.colorThemes {
                #expect(theme.styles[pane.themeRole] != nil, "\(theme.name) styles \(pane.name)")
            }
        }
    }

    @Test("views are told apart by their ids; each job input and the backlog's order are offered by the one view that lists those records")
    func viewCapabilities() throws {
        let views = Panes.all.flatMap(\.views)
        #expect(Set(views.map(\.id)).count == views.count, "every view has an id of its own")
        func offering(_ inputs: JobInputs) -> [PaneViewID] { views.filter { $0.jobInputs.contains(inputs) }.map(\.id) }
        #expect(offering(.filteredFeedback) == [.feedback])
        #expect(offering(.selectedBacklogItem) == [.backlog])
        #expect(offering(.selectedExperiment) == [.experiments])
        #expect(views.filter(\.reordersBacklog).map(\.id) == [.backlog])
        #expect(Panes.all.filter(\.isInbox).map(\.stance) == [.orchestrator])
        let orchestrator = try #require(Panes.pane(for: .orchestrator))
        #expect(orchestrator.viewIndex(of: .rules).map { orchestrator.view(at: $0).id } == .rules)
        #expect(orchestrator.viewIndex(of: .feedback) == nil)
    }

    @Test("a change rebuilds the panes whose descriptors show it", arguments: RecordCollection.allCases)
    func affectedMatchesDescriptors(collection: RecordCollection) {
        let expected = Panes.all.indices.filter {
            Panes.all[$0].collections.contains(collection) || (collection == .drafts && Panes.all[$0].showsPendingDrafts)
        }
        #expect(AppState.panes(affectedBy: changes(to: collection)) == expected)
    }

    @Test("a change to the backlog rebuilds the Visionary's (roadmap), the Decision Maker's and the Experimenter's panes (releases are on the signals' timeline); a draft every pane; the product the Visionary's")
    func affectedExamples() throws {
        #expect(AppState.panes(affectedBy: changes(to: .backlog)) == [try index(.visionary), try index(.decisionMaker), try index(.experimenter)])
        #expect(AppState.panes(affectedBy: changes(to: .decisions)) == [try index(.decisionMaker)])
        #expect(AppState.panes(affectedBy: changes(to: .feedback)) == [try index(.customerRepresentative), try index(.decisionMaker), try index(.experimenter)])
        #expect(AppState.panes(affectedBy: changes(to: .stakeholders)) == [try index(.collaborator)])
        #expect(AppState.panes(affectedBy: changes(to: .rules)) == [try index(.orchestrator)])
        #expect(AppState.panes(affectedBy: changes(to: .drafts)) == Array(Panes.all.indices))
        var product = WorkspaceChanges()
        product.productChanged = true
        #expect(AppState.panes(affectedBy: product) == [try index(.visionary)])
        #expect(AppState.panes(affectedBy: WorkspaceChanges()).isEmpty)
        #expect(AppState.panes(affectedBy: nil) == Array(Panes.all.indices))
    }

    @Test("v cycles through the registry's views and says their names")
    func switchViewReadsRegistry() throws {
        var state = AppState(snapshot: demoSnapshot(), location: "~/demo")
        _ = state.update(.focus(pane: try index(.orchestrator)))
        let names = Panes.all[state.focused].viewNames
        for step in 1...names.count {
            _ = state.update(.key(.character("v")))
            #expect(state.panes[state.focused].view == step % names.count)
            #expect(state.message == "Showing the \(names[step % names.count])")
        }
    }

    @Test("a pane's detail finds a row of any of its views")
    func detailFromAnyView() throws {
        let snapshot = demoSnapshot()
        let decisions = try #require(Panes.pane(for: .decisionMaker))
        for view in decisions.views.indices {
            let row = try #require(decisions.content(view: view, in: snapshot).rows.first)
            #expect(!decisions.detail(of: row.id, in: snapshot).isEmpty, "\(decisions.viewNames[view])")
        }
    }

    @Test("while the large collections are still read, the panes that show them say so instead of counting too few; the others show their data")
    func loadingCounts() throws {
        let folder = try TemporaryDirectory("podium-loading")
        let written = try DemoWorkspace(feedbackCount: 300).create(at: folder.path("ws"))
        let store = try WorkspaceStore.open(at: written.layout.root, deferring: WorkspaceStore.largeCollections)
        let customer = try #require(Panes.pane(for: .customerRepresentative)).content(in: store.snapshot)
        #expect(customer.counts == "loading…" && customer.rows.isEmpty)
        #expect(customer.summary.contains { $0.text.contains("Still reading the feedback") })
        let decisions = try #require(Panes.pane(for: .decisionMaker)).content(in: store.snapshot)
        #expect(!decisions.rows.isEmpty, "the backlog is read in the first step")
        try store.finishLoading()
        let whole = try #require(Panes.pane(for: .customerRepresentative)).content(in: store.snapshot)
        #expect(whole.rows.count == 300 && whole.counts != "loading…")
    }
}
