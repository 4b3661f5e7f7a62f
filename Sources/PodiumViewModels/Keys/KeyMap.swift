import PodiumCore
import PodiumRender
/// Which keys do what. The defaults can be changed from the config file; the help screen and
/// the palette read this same map, so they always tell the truth.
public struct KeyMap: Sendable, Equatable {
    /// A key and the action it triggers; it works in the action's scope (one pane, or all).
    public struct Binding: Sendable, Equatable {
        public var key: Key
        public var action: Action

        public init(_ key: Key, _ action: Action) {
            self.key = key
            self.action = action
        }
    }

    public private(set) var bindings: [Binding]

    public init(bindings: [Binding]) {
        self.bindings = bindings
    }

    /// The action bound to `key` in the pane of `stance`: a key of that pane first, then a
    /// key of every pane.
    public func action(for key: Key, in stance: Stance? = nil) -> Action? {
        if let stance, let scoped = bindings.first(where: { $0.key == key && $0.action.scope == stance }) { return scoped.action }
        return bindings.first { $0.key == key && $0.action.scope == nil }?.action
    }

    /// The keys bound to `action`, in binding order.
    public func keys(for action: Action) -> [Key] {
        bindings.filter { $0.action == action }.map(\.key)
    }

    /// Binds `keys` to `action` instead of its current keys; a key taken from another
    /// action is taken away from it. Returns the actions that lost a key.
    @discardableResult
    public mutating func rebind(_ action: Action, to keys: [Key]) -> [Action] {
        func clashes(_ binding: Binding) -> Bool {
            keys.contains(binding.key) && (binding.action.scope == nil || action.scope == nil || binding.action.scope == action.scope)
        }
        let displaced = bindings.filter { clashes($0) && $0.action != action }.map(\.action)
        bindings.removeAll { $0.action == action || clashes($0) }
        bindings += keys.map { Binding($0, action) }
        return displaced
    }

    /// Keys bound to more than one action in one pane (none in a valid map). A pane's own
    /// key may not shadow a key of every pane either.
    public var conflicts: [Key] {
        var result: [Key] = []
        for (index, binding) in bindings.enumerated() {
            let clash = bindings[..<index].contains { other in
                other.key == binding.key
                    && (other.action.scope == nil || binding.action.scope == nil || other.action.scope == binding.action.scope)
            }
            if clash && !result.contains(binding.key) { result.append(binding.key) }
        }
        return result
    }

    /// The default keys: each job's key comes from its catalogue entry.
    public static let standard = KeyMap(bindings: [
        Binding(.tab, .nextPane), Binding(.backTab, .previousPane),
        Binding(.character("1"), .showVisionary), Binding(.character("2"), .showCollaborator),
        Binding(.character("3"), .showCustomer), Binding(.character("4"), .showDecision),
        Binding(.character("5"), .showExperimenter), Binding(.character("6"), .showInfluencer),
        Binding(.character("7"), .showOrchestrator),
        Binding(.down, .moveDown), Binding(.character("j"), .moveDown),
        Binding(.up, .moveUp), Binding(.character("k"), .moveUp),
        Binding(.right, .nextPane), Binding(.character("l"), .nextPane),
        Binding(.left, .previousPane), Binding(.character("h"), .previousPane),
        Binding(.pageDown, .pageDown), Binding(.control("d"), .pageDown),
        Binding(.pageUp, .pageUp), Binding(.control("u"), .pageUp),
        Binding(.character("g"), .moveToTop), Binding(.home, .moveToTop),
        Binding(.character("G"), .moveToBottom), Binding(.end, .moveToBottom),
        Binding(.enter, .openDetail), Binding(.character("O"), .openRecord), Binding(.escape, .close),
        Binding(.character("/"), .filter),
        Binding(.character("s"), .sortNext), Binding(.character("S"), .sortReverse), Binding(.character("v"), .switchView),
        Binding(.character("K"), .moveItemUp), Binding(.character("J"), .moveItemDown),
        Binding(.character("u"), .undo),
        Binding(.character(":"), .palette), Binding(.character("?"), .help), Binding(.function(1), .help),
        Binding(.control("r"), .refresh), Binding(.control("o"), .switchProduct),
        Binding(.character("q"), .quit), Binding(.control("c"), .quit),
        Binding(.character("D"), .reviewDrafts), Binding(.character("I"), .importFeedback),
    ]
    // Each pane's AI jobs (keys free in every pane, so none shadows a global key).
    + JobKindInfo.all.map { Binding(.character($0.key), .run($0.kind)) }
    + [
        Binding(.character("c"), .cancelJob), Binding(.character("r"), .retryJob),
        Binding(.character(" "), .markSelected), Binding(.character("a"), .acceptMarked),
        Binding(.character("x"), .rejectOrRemove), Binding(.character("+"), .addRule), Binding(.character("e"), .editRule),
        // The Customer Representative's links by hand.
        Binding(.character("L"), .linkToBacklog),
        Binding(.character("U"), .unlinkFromBacklog), Binding(.character("M"), .openAcceptedSummary),
        // The Customer Representative's triage.
        Binding(.character("N"), .toggleSeen), Binding(.character("x"), .dismissFeedback), Binding(.character("T"), .tagFeedback),
        // Stakeholders and experiments in $EDITOR.
        Binding(.character("n"), .newStakeholder), Binding(.character("e"), .editStakeholder),
        Binding(.character("n"), .newExperiment), Binding(.character("e"), .editExperiment),
        // The Visionary's product and goal measures.
        Binding(.character("e"), .editProduct), Binding(.character("+"), .addMeasure), Binding(.character("="), .setMeasure),
        Binding(.character("x"), .removeMeasure),
        // The Influencer's loop closed: sent, copied, exported.
        Binding(.character("P"), .markSent), Binding(.character("c"), .copyCommunication), Binding(.character("E"), .exportCommunication),
        // The Decision Maker's backlog by hand.
        Binding(.character("n"), .newBacklogItem), Binding(.character("e"), .editBacklogItem),
        Binding(.character("x"), .deleteBacklogItem), Binding(.delete, .deleteBacklogItem),
    ])
}
