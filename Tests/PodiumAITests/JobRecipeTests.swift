import PodiumCore
@testable import PodiumAI
import Testing

/// The offline engine's registrations: `LocalProvider.kinds` is a set, so it cannot show a
/// kind registered twice (the second registration would be ignored); this list can.
@Suite("Recipe registrations")
struct JobRecipeTests {
    @Test("no kind is registered twice in JobRecipe.all")
    func eachKindOnce() {
        let kinds = JobRecipe.all.map(\.kind)
        let twice = Dictionary(grouping: kinds, by: { $0 }).filter { $0.value.count > 1 }.keys.map(\.rawValue).sorted()
        #expect(kinds.count == Set(kinds).count, "registered twice: \(twice.joined(separator: ", "))")
        #expect(JobRecipe.registered.count == kinds.count)
    }
}
