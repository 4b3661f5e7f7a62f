import Foundation
import PodiumCore
import PodiumEngine

/// The Visionary's product by hand: e edits the name, vision and goal in $EDITOR, + adds a
/// goal measure, = records a new value for the selected one, x removes it; u undoes each.
extension AppState {
    mutating func visionAction(_ action: Action) -> [Effect] {
        guard focusedStance == .visionary else {
            message = "That key works in the Visionary pane (1)."
            return []
        }
        let product = snapshot.product
        let selected = selectedRow.flatMap { row in product.goalMeasures.first { $0.name == row.id } }
        switch action {
        case .editProduct:
            return [.editProduct(kept: keptProductText)]
        case .addMeasure:
            mode = .prompt(Prompt(purpose: .newMeasure, text: ""))
        case .setMeasure:
            guard let selected else {
                message = "No goal measure is selected: + adds one."
                return []
            }
            mode = .prompt(Prompt(purpose: .measureValue(selected.name, was: Format.number(selected.current) + selected.unit), text: ""))
        default:
            guard let selected else {
                message = "No goal measure is selected."
                return []
            }
            return changeMeasure(.remove(name: selected.name), summary: "Removed the goal measure “\(selected.name)”")
        }
        return []
    }

    mutating func addMeasure(_ text: String, prompt: inout Prompt) -> [Effect] {
        do {
            let measure = try MeasureText.read(text)
            guard !snapshot.product.goalMeasures.contains(where: { $0.name.caseInsensitiveCompare(measure.name) == .orderedSame }) else {
                prompt.note = "there is a measure “\(measure.name)” already: = records a new value for it"
                mode = .prompt(prompt)
                return []
            }
            mode = .normal
            return changeMeasure(.add(measure), summary: "Added the goal measure “\(measure.name)”")
        } catch {
            prompt.note = "\(error)"
            mode = .prompt(prompt)
            return []
        }
    }

    mutating func setMeasure(_ name: String, _ text: String, prompt: inout Prompt) -> [Effect] {
        guard let value = MeasureText.number(text.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "★", with: "")) else {
            prompt.note = "“\(text)” is not a number"
            mode = .prompt(prompt)
            return []
        }
        mode = .normal
        return changeMeasure(.setCurrent(name: name, value: value), summary: "\(name): now \(Format.number(value))")
    }

    /// A change to the measures, with `u` ready to put the product back as it is now.
    private mutating func changeMeasure(_ change: MeasureChange, summary: String) -> [Effect] {
        pushUndo(UndoEntry(description: summary.prefix(1).lowercased() + summary.dropFirst(), restore: .restoreProduct(snapshot.product)))
        message = Format.clean(summary) + " · u undoes"
        return [.write(.changeMeasure(change), summary: summary)]
    }

    /// Shows how an edit of the product ended; a refused edit's text waits for the next `e`.
    mutating func finishProductEdit(_ outcome: ProductEditOutcome) {
        switch outcome {
        case let .saved(before, summary):
            keptProductText = nil
            pushUndo(UndoEntry(description: summary.prefix(1).lowercased() + summary.dropFirst(), restore: .restoreProduct(before)))
            message = summary + " · u undoes"
        case .unchanged:
            keptProductText = nil
            message = "The product is unchanged."
        case let .refused(reason, text):
            keptProductText = text
            message = "Not saved: \(reason). e opens your text again."
        }
    }
}
