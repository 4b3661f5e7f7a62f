import Foundation
import PodiumCore
import PodiumEngine
import PodiumStore
import PodiumViewModels

/// The product by hand in the program: its name, vision and goal edited in $EDITOR, the goal
/// measures changed, and the undo of both.
extension Program {
    func editProduct(kept: String?) -> [Msg] {
        let product = store.snapshot.product
        var outcome: Result<String?, any Error> = .success(nil)
        let text = kept ?? ProductDocument.write(product)
        backend.runOutside { outcome = Result { try ExternalEditor.edit(text, name: "product") } }
        previous = nil
        do {
            // A kept text that comes back unchanged is still the user's edit to try again.
            guard let edited = try outcome.get() ?? kept else { return [.productEdited(.unchanged)] }
            let after: Product
            do {
                after = try ProductDocument.read(edited, into: product)
            } catch {
                return [.productEdited(.refused(reason: "\(error)", text: edited))]
            }
            guard after != product else { return [.productEdited(.unchanged)] }
            let summary = ProductEditor.describe(product, after)
            let before = try ProductEditor(store: store).change(summary: summary) { $0 = after }
            return [changed(nil), .productEdited(.saved(before: before, summary: summary))]
        } catch {
            return [.effectFailed("Not edited: \(error)")]
        }
    }

    func changeMeasure(_ change: MeasureChange, summary: String) -> [Msg] {
        do {
            try ProductEditor(store: store).change(summary: summary) { product in
                switch change {
                case let .add(measure):
                    product.goalMeasures.append(measure)
                case let .setCurrent(name, value):
                    guard let index = product.goalMeasures.firstIndex(where: { $0.name == name }) else {
                        throw EditFailure(description: "the measure “\(name)” is no longer there")
                    }
                    product.goalMeasures[index].current = value
                case let .remove(name):
                    product.goalMeasures.removeAll { $0.name == name }
                }
            }
            return [changed(nil)]
        } catch {
            return [.writeFailed("\(error)")]
        }
    }

    func restoreProduct(_ before: Product) -> [Msg] {
        do {
            try ProductEditor(store: store).restore(before)
            return [changed(nil)]
        } catch {
            return [.writeFailed("\(error)")]
        }
    }
}
