import PodiumCore
import Testing

/// The trust policy: auto-accept only for low-risk kinds (groundwork of the automation issue).
@Suite("Trust policy")
struct TrustPolicyTests {
    @Test("low-risk kinds may be auto-accepted; high-impact ones never, with the reason")
    func policy() throws {
        var policy = TrustPolicy()
        #expect(!policy.autoAccepts(.tagSentiment), "always review by default")
        try policy.allowAutoAccept(.tagSentiment)
        try policy.allowAutoAccept(.clusterThemes)
        #expect(policy.autoAccepts(.tagSentiment) && policy.autoAccepts(.clusterThemes))
        for kind in [JobKind.orderBacklog, .visionNarrative, .decisionRecord, .stakeholderUpdate, .releaseNotes, .buildPersonas] {
            #expect(throws: TrustPolicy.Refusal.self) { try policy.allowAutoAccept(kind) }
            #expect(!policy.autoAccepts(kind))
        }
        #expect {
            try policy.allowAutoAccept(.orderBacklog)
        } throws: { "\($0)".contains("order-backlog is high risk") && "\($0)".contains("tag-sentiment") }
        policy.requireReview(.tagSentiment)
        #expect(!policy.autoAccepts(.tagSentiment))
    }
}
