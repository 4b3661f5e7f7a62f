import Foundation
import PodiumViewModels

/// Another product in place: the portfolio is read off the main loop (opening several
/// workspaces to count their drafts takes a moment), and comes back as `Msg.productsLoaded`.
extension Program {
    func loadProducts() -> [Msg] {
        guard let products else { return [.productsLoaded([])] }
        DispatchQueue.global(qos: .userInitiated).async { [mailbox] in
            mailbox.post(outcomes: [.productsLoaded(products())])
        }
        return []
    }
}
