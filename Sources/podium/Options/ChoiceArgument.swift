import ArgumentParser
import PodiumCore
import PodiumExchange

/// Something a command line names from a known list: a job kind, a scoring method.
protocol NamedChoice {
    /// Every name, for help and shell completion.
    static var names: [String] { get }
    /// What a name stands for; nil for a name not on the list.
    init?(name: String)
}

/// A name from a known list as typed on the command line. Help and completion offer the
/// list; any word parses, so that `validate()` answers a wrong one in the user's terms (the
/// nearest name, the choices) rather than with the parser's generic message.
struct ChoiceArgument<Choice: NamedChoice>: ExpressibleByArgument, CustomStringConvertible {
    /// The word as typed.
    var name: String

    init?(argument: String) { name = argument }

    /// What the word names; nil when it is not on the list.
    var choice: Choice? { Choice(name: name) }

    var description: String { name }
    static var allValueStrings: [String] { Choice.names }
    static var defaultCompletionKind: CompletionKind { .list(Choice.names) }
}

/// Job kinds, named as in the catalogue.
extension JobKindInfo: NamedChoice {
    static var names: [String] { all.map(\.kind.rawValue) }

    init?(name: String) {
        guard let info = JobKind(rawValue: name).info else { return nil }
        self = info
    }
}

/// The stances, named as in the workspace's files: customer-representative, decision-maker…
extension Stance: NamedChoice {
    static var names: [String] { allCases.map(\.rawValue) }

    init?(name: String) { self.init(rawValue: name) }
}

/// rice or wsjf, in any case.
extension ScoringMethod: NamedChoice {
    static var names: [String] { allCases.map(\.rawValue) }
}

extension CommunicationText.Format: NamedChoice {
    static var names: [String] { allCases.map(\.rawValue) }
    init?(name: String) { self.init(rawValue: name.lowercased()) }
}
