import PodiumRender
/// Which keys do what. The defaults can be changed from the config file; the help screen and
/// the palette read this same map, so they always tell the truth.
public struct KeyMap: Sendable, Equatable {
    /// A key and the action it triggers, with the scope it works in.
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

    /// The action bound to `key`, if any.
    public func action(for key: Key) -> Action? {
        bindings.first { $0.key == key }?.action
    }

    /// The keys bound to `action`, in binding order.
    public func keys(for action: Action) -> [Key] {
        bindings.filter { $0.action == action }.map(\.key)
    }

    /// Binds `keys` to `action` instead of its current keys; a key taken from another
    /// action is taken away from it. Returns the actions that lost a key.
    @discardableResult
    public mutating func rebind(_ action: Action, to keys: [Key]) -> [Action] {
        let displaced = bindings.filter { keys.contains($0.key) && $0.action != action }.map(\.action)
        bindings.removeAll { $0.action == action || keys.contains($0.key) }
        bindings += keys.map { Binding($0, action) }
        return displaced
    }

    /// Keys bound to more than one action (none in a valid map).
    public var conflicts: [Key] {
        var seen = Set<Key>()
        return bindings.compactMap { seen.insert($0.key).inserted ? nil : $0.key }
    }

    /// The default keys.
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
        Binding(.enter, .openDetail), Binding(.escape, .close),
        Binding(.character("/"), .filter),
        Binding(.character("s"), .sortNext), Binding(.character("S"), .sortReverse), Binding(.character("v"), .switchView),
        Binding(.character("K"), .moveItemUp), Binding(.character("J"), .moveItemDown),
        Binding(.character("u"), .undo),
        Binding(.character(":"), .palette), Binding(.character("?"), .help), Binding(.function(1), .help),
        Binding(.control("r"), .refresh),
        Binding(.character("q"), .quit), Binding(.control("c"), .quit),
    ])
}
