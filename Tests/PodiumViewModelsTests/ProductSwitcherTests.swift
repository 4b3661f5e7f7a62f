import Foundation
import PodiumCore
import PodiumEngine
import PodiumRender
import PodiumViewModels
import Testing

@Suite("Product switcher")
struct ProductSwitcherTests {
    let products = [
        PortfolioInbox.Product(name: "Fieldnote", path: "/w/a", state: "ok", isCurrent: true,
                               drafts: (1...3).map { Draft(kind: .summarizeFeedback, stance: .customerRepresentative, title: "S\($0)", content: "-") }),
        PortfolioInbox.Product(name: "Ledgerly", path: "/w/b", state: "ok (git clone)", isCurrent: false, drafts: [],
                               jobs: [Job(kind: .tagSentiment, stance: .customerRepresentative), Job(kind: .clusterThemes, stance: .customerRepresentative)]),
        PortfolioInbox.Product(name: "Trailmix", path: "/w/c", state: "missing (moved, deleted or on a disk not plugged in)", isCurrent: false, drafts: nil),
    ]
    var choices: [ProductChoice] { products.map(ProductChoice.init) }

    func read(_ products: [PortfolioInbox.Product]) -> Msg {
        .portfolioRead(PortfolioInbox(products: products, readAt: Date()), for: .switcher)
    }

    @Test("Ctrl-O asks for the products; the list starts on another product, filters as typed, opens with Enter; a missing one says why")
    func switching() {
        var state = AppState(snapshot: demoSnapshot(), location: "/w/a")
        #expect(state.press(.control("o")) == [.readPortfolio(.switcher)])
        _ = state.update(read(products))
        guard case let .switcher(switcher) = state.mode else {
            Issue.record("no switcher: \(state.mode)")
            return
        }
        #expect(switcher.selected == 1)
        #expect(ProductSwitcher.line(choices[0]) == "Fieldnote (open now) · 3 drafts waiting · ok")
        #expect(ProductSwitcher.line(choices[1]) == "Ledgerly · no drafts waiting · 2 jobs running · ok (git clone)")
        state.type("trail")
        #expect(state.press(.enter).isEmpty)
        #expect(state.message == "Trailmix: missing (moved, deleted or on a disk not plugged in)")
        _ = state.press(.control("u"))
        state.type("ledg")
        #expect(state.press(.enter) == [.openProduct(path: "/w/b", draft: nil)])
        #expect(state.mode == .normal)
    }

    @Test("nothing to switch to is said plainly; Esc stays")
    func nothingToSwitchTo() {
        var state = AppState(snapshot: demoSnapshot(), location: "/w/a")
        _ = state.update(read([]))
        #expect(state.message?.hasPrefix("No products on the list yet: podium workspaces add PATH") == true)
        var unlisted = products[0]
        unlisted.isListed = false
        _ = state.update(read([unlisted]))
        #expect(state.message?.hasPrefix("No products on the list yet") == true, "the product open now, not on the list, is not a list")
        _ = state.update(read([products[0]]))
        #expect(state.message?.hasPrefix("Only this product is on the list") == true)
        var damaged = PortfolioInbox(products: [products[0]], readAt: Date())
        damaged.problem = "workspaces.json is not a list of workspaces"
        _ = state.update(.portfolioRead(damaged, for: .switcher))
        #expect(state.message == "The list of products cannot be read: workspaces.json is not a list of workspaces")
        #expect(state.mode == .normal)
        _ = state.update(read(products))
        _ = state.press(.escape)
        #expect(state.mode == .normal && state.message == "Stayed in Fieldnote.")
    }

    @Test("a product's place — pane, each pane's view and selected row — comes back when it is opened again")
    func place() {
        var state = AppState(snapshot: demoSnapshot(), location: "/w/a")
        _ = state.press(.character("4"), .character("j"), .character("j"), .character("3"), .character("v"), .character("4"))
        let place = state.place
        let selected = state.selectedRow?.id
        var reopened = AppState(snapshot: demoSnapshot(), location: "/w/a")
        reopened.restore(place)
        #expect(reopened.focusedStance == .decisionMaker)
        #expect(reopened.selectedRow?.id == selected && selected != nil)
        #expect(reopened.panes[2].view == 1, "the Customer pane still shows its second view")
    }
}
