import PodiumCore
import PodiumRender
import PodiumViewModels
import Testing

/// The dashboard's job actions and keys are made from the catalogue: a kind needs no edit
/// of `Action` or `KeyMap`.
@Suite("Job actions from the catalogue")
struct JobActionTests {
    @Test("every kind has an action and its default key, bound in its own pane")
    func everyKindIsBound() {
        for info in JobKindInfo.all {
            let action = Action.run(info.kind)
            #expect(Action.allCases.contains(action), "\(info.kind)")
            #expect(action.scope == info.stance, "\(info.kind)")
            #expect(KeyMap.standard.keys(for: action) == [.character(info.key)], "\(info.kind)")
            #expect(KeyMap.standard.action(for: .character(info.key), in: info.stance) == action, "\(info.kind)")
        }
        #expect(Action.allCases.compactMap(\.jobKind) == JobKindInfo.all.map(\.kind), "in catalogue order")
    }

    @Test("no two kinds of one pane share a key, and no job key shadows a key of every pane")
    func keysAreFreeInTheirPane() {
        for stance in Stance.allCases {
            let keys = JobKindInfo.kinds(for: stance).map(\.key)
            #expect(Set(keys).count == keys.count, "\(stance)")
        }
        #expect(KeyMap.standard.conflicts.isEmpty)
    }

    @Test("action names read back: the config file's run-KIND names keep working")
    func namesRoundTrip() {
        for action in Action.allCases { #expect(Action(rawValue: action.rawValue) == action, "\(action.rawValue)") }
        #expect(Action(rawValue: "run-tag-sentiment") == .run(.tagSentiment))
        #expect(Action(rawValue: "run-from-a-newer-podium") == nil, "only catalogued kinds are actions")
        #expect(Set(Action.allCases.map(\.rawValue)).count == Action.allCases.count)
    }
}
