import PodiumCore
import PodiumEngine
import PodiumRender
import PodiumStore

/// A Product Owner for several teams: Ctrl-O lists the portfolio's products with their drafts
/// waiting, and Enter opens one in place of this one; each product keeps its pane and
/// selection for when it is opened again (`Place`).
extension AppState {
    /// Where the user is in a product: the focused pane and, per pane, the view shown and the
    /// selected row, so that coming back to a product finds it as it was left.
    public struct Place: Sendable, Equatable {
        public var focused: Int
        public var views: [Int]
        public var selectedIDs: [String?]
    }

    /// Where the user is now.
    public var place: Place {
        Place(focused: focused, views: panes.map(\.view),
              selectedIDs: panes.indices.map { index in
                  let pane = panes[index]
                  return pane.visible.indices.contains(pane.selected) ? contents[index].rows.id(at: pane.visible[pane.selected]) : nil
              })
    }

    /// Goes back to `place`: its pane, each pane's view and selected row (when the row is still there).
    public mutating func restore(_ place: Place) {
        for index in panes.indices where index < place.views.count {
            if place.views[index] != panes[index].view, Panes.all[index].views.indices.contains(place.views[index]) {
                panes[index].view = place.views[index]
                rebuildContent(index)
            }
            if let id = place.selectedIDs[index], let position = panes[index].visible.firstIndex(where: { contents[index].rows.id(at: $0) == id }) {
                panes[index].selected = position
            }
        }
        if Panes.all.indices.contains(place.focused) { focused = place.focused }
    }

    /// Ctrl-O: asks for the portfolio's products (unless this process has jobs running, which
    /// would be cut off).
    mutating func switchProduct() -> [Effect] {
        guard !hasWorkInProgress else {
            message = "Jobs are running here: let them finish (or c cancels one in 7) before opening another product."
            return []
        }
        message = "Reading the list of products…"
        return [.readPortfolio(.switcher)]
    }

    /// Keeps the portfolio as read (the All products view shows it) and, when Ctrl-O asked for
    /// it, shows the switcher.
    mutating func receivePortfolio(_ portfolio: PortfolioInbox, for request: PortfolioRequest) -> [Effect] {
        portfolioReading = false
        paneSettings.portfolio = portfolio
        guard request == .switcher else { return [] }
        if let problem = portfolio.problem {
            message = "The list of products cannot be read: " + Format.clean(problem)
            return []
        }
        openSwitcher(portfolio.products.filter(\.isListed).map(ProductChoice.init))
        return []
    }

    /// Shows the switcher, or says why there is nothing to switch to.
    mutating func openSwitcher(_ choices: [ProductChoice]) {
        guard choices.contains(where: { !$0.isCurrent }) else {
            message = choices.isEmpty ? "No products on the list yet: podium workspaces add PATH adds one (this one too)."
                : "Only this product is on the list: podium workspaces add PATH adds another."
            return
        }
        message = nil
        mode = .switcher(ProductSwitcher(choices: choices))
    }

    /// Keys of the switcher: type to filter, Up/Down choose, Enter opens, Esc cancels.
    mutating func handleSwitcher(_ key: Key, _ switcher: ProductSwitcher) -> [Effect] {
        var switcher = switcher
        let matches = switcher.matches
        switch key {
        case .escape:
            mode = .normal
            message = "Stayed in \(productName)."
            return []
        case .enter:
            guard matches.indices.contains(switcher.selected) else {
                message = "No product matches “\(Format.clean(switcher.query))”: Ctrl-U clears the filter."
                return []
            }
            let choice = matches[switcher.selected]
            if choice.isCurrent {
                mode = .normal
                message = "\(Format.clean(choice.name)) is the product open now."
                return []
            }
            guard choice.isOpenable else {
                message = "\(Format.clean(choice.name)): \(Format.clean(choice.state))"
                return []
            }
            mode = .normal
            message = "Opening \(Format.clean(choice.name))…"
            return [.openProduct(path: choice.path)]
        case .down, .control("n"):
            switcher.selected = min(switcher.selected + 1, max(0, matches.count - 1))
        case .up, .control("p"):
            switcher.selected = max(0, switcher.selected - 1)
        default:
            guard LineEditing.apply(key, to: &switcher.query) else { return [] }
            switcher.selected = 0
        }
        mode = .switcher(switcher)
        return []
    }
}
