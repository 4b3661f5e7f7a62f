import Foundation
import PodiumCore
import PodiumRender
import PodiumStore
@testable import PodiumViewModels
import Testing

/// The Orchestrator from the keyboard: bulk review of marked low-risk drafts, automation
/// rules, the metrics and the audit log with its filters.
@Suite("Orchestrator keys")
struct OrchestratorKeysTests {
    /// The demo with two pending low-risk drafts, one high-impact draft, a rule and audit entries.
    private func state() -> (AppState, [Draft], AutomationRule) {
        var snapshot = demoSnapshot()
        let drafts = [
            Draft(kind: .tagSentiment, stance: .customerRepresentative, title: "Sentiment of 3 items", content: "-"),
            Draft(kind: .clusterThemes, stance: .customerRepresentative, title: "4 themes", content: "-"),
            Draft(kind: .orderBacklog, stance: .decisionMaker, title: "A new order", content: "-"),
        ]
        for draft in drafts { snapshot.drafts[draft.id] = draft }
        let rule = try! AutomationRule.validated(trigger: .on("import"), job: .tagSentiment, autoAccept: true)
        snapshot.rules[rule.id] = rule
        let byRule = AuditEntry(actor: "automation", action: .accept, summary: "Accepted “Sentiment” by rule",
                                details: ["kind": "tag-sentiment", "stance": "customer-representative", "automation": "rule \(rule.id.short)"])
        let byUser = AuditEntry(actor: "ana", action: .reject, summary: "Rejected “Order”", details: ["kind": "order-backlog", "stance": "decision-maker"])
        snapshot.audit[byRule.id] = byRule
        snapshot.audit[byUser.id] = byUser
        // Files another process (podium watch) took from the inbox.
        let imported = AuditEntry(actor: "ana", action: .importData, summary: "Imported 2 feedback items from a.csv",
                                  details: ["automation": "inbox", "file": "a.csv", "imported": "2"])
        let failed = AuditEntry(at: Date().addingTimeInterval(1), actor: "automation", action: .importData, summary: "b.csv could not be imported",
                                details: ["automation": "inbox", "file": "b.csv", "imported": "0", "failed": "b.csv"])
        snapshot.audit[imported.id] = imported
        snapshot.audit[failed.id] = failed
        var state = AppState(snapshot: snapshot, location: "~/ws")
        _ = state.update(.resized(width: 120, height: 40))
        _ = state.press(.character("7"))
        return (state, drafts, rule)
    }

    private func select(_ id: RecordID<Draft>, in state: inout AppState) {
        let found = state.selectInOrchestrator(id)
        #expect(found)
    }

    @Test("space marks low-risk drafts only; a accepts the marked ones in one effect, and they can be undone together")
    func bulkAccept() {
        var (state, drafts, _) = state()
        #expect(state.press(.character("a")).isEmpty)
        #expect(state.message?.contains("Mark low-risk drafts with Space first") == true)
        select(drafts[2].id, in: &state)
        _ = state.press(.character(" "))
        #expect(state.message?.contains("order-backlog is high risk: review it on its own") == true)
        for draft in drafts.prefix(2) {
            select(draft.id, in: &state)
            _ = state.press(.character(" "))
        }
        #expect(state.message?.contains("2 marked") == true)
        #expect(state.visibleRows(state.focused).filter { $0.cells[0] == "✓ draft" }.count == 2)
        // Marked drafts a filter hides are left alone.
        _ = state.press(.character("/"))
        state.type("kind:nothing-like-this")
        _ = state.press(.enter)
        #expect(state.press(.character("a")).isEmpty)
        #expect(state.message?.contains("The 2 marked drafts are hidden by the filter") == true)
        _ = state.press(.escape)
        let effects = state.press(.character("a"))
        #expect(effects == [.bulkReview(accept: true, ids: drafts.prefix(2).map(\.id).sorted(), reason: nil)])
        #expect(state.visibleRows(state.focused).allSatisfy { $0.cells[0] != "✓ draft" }, "marks are cleared")

        _ = state.update(.orchestrated(.bulkReviewed(accepted: drafts.prefix(2).map(\.id), rejected: [], failures: [])))
        #expect(state.message == "Accepted 2 drafts · u undoes")
        do { let effects = state.press(.character("u")); #expect(effects == [.write(.undoAcceptances(drafts.prefix(2).map(\.id)), summary: "Undo: accepted 2 drafts")]) }
    }

    @Test("x rejects the marked drafts; marking twice unmarks")
    func bulkReject() {
        var (state, drafts, _) = state()
        select(drafts[0].id, in: &state)
        _ = state.press(.character(" "))
        select(drafts[0].id, in: &state)
        _ = state.press(.character(" "))
        #expect(state.message?.contains("Unmarked") == true)
        select(drafts[1].id, in: &state)
        _ = state.press(.character(" "))
        // x asks why first (Esc keeps them), like rejecting one draft.
        _ = state.press(.character("x"))
        #expect(state.mode == .prompt(AppState.Prompt(purpose: .bulkRejectReason(draftIDs: [drafts[1].id]), text: "")))
        state.type("duplicates")
        do { let effects = state.press(.enter); #expect(effects == [.bulkReview(accept: false, ids: [drafts[1].id], reason: "duplicates")]) }
        // u then takes back the rejection, not some earlier acceptance.
        _ = state.update(.reviewed(.accepted(draftID: drafts[0].id, title: "Earlier", effect: "applied", changed: 1)))
        _ = state.update(.orchestrated(.bulkReviewed(accepted: [], rejected: [drafts[1].id], failures: [])))
        #expect(state.message == "Rejected 1 draft · u undoes")
        do {
            let effects = state.press(.character("u"))
            #expect(effects == [.write(.undoRejections([drafts[1].id]), summary: "Undo: rejected 1 draft")])
        }
    }

    @Test("in the rules view: + asks for a rule, space switches it, x removes it, e edits it; u puts a removed rule back")
    func rules() {
        var (state, _, rule) = state()
        _ = state.press(.character("v"), .character("v"))
        #expect(state.focusedContent.title == "Orchestrator — automation rules")
        #expect(state.focusedContent.summary.contains { $0.text == "Inbox, last files: b.csv failed (failed/b.csv.reason) · a.csv imported 2" && $0.tone == .warning },
                "what podium watch did shows here too, from the audit log")
        #expect(state.visibleRows(state.focused).first?.cells.prefix(5) == [rule.id.short, "on", "on import", "tag-sentiment", "auto-accept"])
        do { let effects = state.press(.character(" ")); #expect(effects == [.rule(.setEnabled(rule.id, false))]) }
        do { let effects = state.press(.character("e")); #expect(effects == [.rule(.edit(rule.id))]) }
        do { let effects = state.press(.character("x")); #expect(effects == [.rule(.remove(rule.id))]) }
        _ = state.update(.orchestrated(.ruleChanged(summary: "Removed rule", undo: .restore(rule, change: "removed"))))
        do { let effects = state.press(.character("u")); #expect(effects == [.write(.restoreRule(rule), summary: "Undo: removed rule \(rule.id.short)")]) }

        _ = state.press(.character("+"))
        state.type("every fri 15:00 stakeholder-update for leadership")
        do { let effects = state.press(.enter); #expect(effects == [.rule(.add("every fri 15:00 stakeholder-update for leadership"))]) }
        // A refused rule comes back to the prompt with the reason, to be corrected.
        _ = state.update(.orchestrated(.ruleRefused(reason: "Not added: order-backlog is high risk", text: "on import order-backlog auto-accept")))
        #expect(state.mode == .prompt(AppState.Prompt(purpose: .rule, text: "on import order-backlog auto-accept", note: "Not added: order-backlog is high risk")))
        #expect(state.message == "Not added: order-backlog is high risk")
    }

    @Test("rules typed as in the shell, with or without dashes; mistakes are named")
    func ruleSpec() throws {
        let rule = try RuleSpec.parse("every fri 15:00 stakeholder-update for leadership")
        #expect(rule.trigger == .schedule(.weekly(weekdays: [6], hour: 15, minute: 0)))
        #expect(rule.job == .stakeholderUpdate && rule.parameters == ["audience": "leadership"] && !rule.autoAccept)
        let dashed = try RuleSpec.parse("--on import --job tag-sentiment --auto-accept")
        #expect(dashed.trigger == .event(.imported) && dashed.job == .tagSentiment && dashed.autoAccept)
        #expect(try RuleSpec.parse("on sprint-end sprint-review-pack").trigger == .schedule(.sprintEnd))
        #expect(throws: AutomationRule.Invalid.self) { try RuleSpec.parse("on import order-backlog auto-accept") }
        #expect { try RuleSpec.parse("on lunch tag-sentiment") } throws: { "\($0)".contains("--on lunch") }
        #expect { try RuleSpec.parse("on import") } throws: { "\($0)".contains("say which job") }
        #expect { try RuleSpec.parse("tag-sentiment please") } throws: { "\($0)".contains("\"please\" is not part of a rule") }
        // An audience ends at the next part of the rule; a second trigger or job is a mistake, not more audience.
        let team = try RuleSpec.parse("every mon 9:00 stakeholder-update for leadership team")
        #expect(team.parameters == ["audience": "leadership team"])
        #expect { try RuleSpec.parse("every fri 15:00 stakeholder-update for leadership on import order-backlog") } throws: {
            "\($0)".contains("one trigger, not both every fri 15:00 and on import")
        }
        #expect { try RuleSpec.parse("on import tag-sentiment cluster-themes") } throws: { "\($0)".contains("one job, not both tag-sentiment and cluster-themes") }
        #expect(try RuleTrigger.every("every fri 15:00") == RuleTrigger.every("fri 15:00"), "--every takes the word every too")
        let question = try RuleSpec.parse("on import ask question what do customers say on sync")
        #expect(question.parameters["question"] == "what do customers say on sync", "a question is free text")
        #expect(question.summary == "on import → ask “what do customers say on sync”", "lists show the question")
    }

    @Test("Ctrl-W deletes a word and Ctrl-U the whole line in prompts, the filter and the palette")
    func lineEditing() {
        var (state, _, _) = state()
        _ = state.press(.character("v"), .character("v"))
        _ = state.update(.orchestrated(.ruleRefused(reason: "Not added: order-backlog is high risk", text: "on import order-backlog auto-accept")))
        _ = state.press(.control("w"))
        #expect(state.mode == .prompt(AppState.Prompt(purpose: .rule, text: "on import order-backlog ", note: "Not added: order-backlog is high risk")))
        _ = state.press(.control("u"))
        guard case let .prompt(prompt) = state.mode else { Issue.record("the prompt stays open"); return }
        #expect(prompt.text.isEmpty && prompt.note == nil, "a cleared line drops the old refusal")
        _ = state.press(.escape, .character("/"), .character("a"), .character("b"), .control("u"), .character("c"))
        #expect(state.panes[state.focused].filter == "c")
        _ = state.press(.escape, .character(":"), .character("q"), .character("u"), .control("w"))
        #expect(state.mode == .palette(query: "", selected: 0))
    }

    @Test("the audit log filters by who, stance and kind; the metrics view lists every stance")
    func auditAndMetrics() {
        var (state, drafts, _) = state()
        // One draft accepted by automation (its audit entry), one by a person.
        var snapshot = state.snapshot
        for (index, draft) in drafts.prefix(2).enumerated() {
            var accepted = draft
            accepted.status = .accepted
            accepted.reviewedAt = Date()
            snapshot.drafts[draft.id] = accepted
            let entry = AuditEntry(actor: index == 0 ? "automation" : "ana", action: .accept, subject: ArtifactReference(.draft, draft.id),
                                   summary: "Accepted", details: index == 0 ? ["automation": "trust policy"] : [:])
            snapshot.audit[entry.id] = entry
        }
        _ = state.update(.workspaceChanged(snapshot, changes: nil, generation: 99))
        _ = state.press(.character("v"), .character("v"), .character("v"))
        #expect(state.focusedContent.title == "Orchestrator — time won back and stance balance")
        #expect(state.visibleRows(state.focused).map(\.cells[0]) == Stance.allCases.map(\.title))
        #expect(state.focusedContent.summary.contains { $0.text.hasPrefix("Drafts accepted: 2 (1 by automation) · you accepted 100% of the 1 you judged") },
                "\(state.focusedContent.summary.map(\.text))")
        _ = state.press(.character("v"))
        #expect(state.focusedContent.title == "Orchestrator — audit log")
        let all = state.visibleRows(state.focused).count
        _ = state.press(.character("/"))
        state.type("who:rule")
        _ = state.press(.enter)
        #expect(state.visibleRows(state.focused).map(\.cells[3]) == ["tag-sentiment"])
        _ = state.press(.escape)
        _ = state.press(.character("/"))
        state.type("who:user stance:decision kind:order")
        _ = state.press(.enter)
        #expect(state.visibleRows(state.focused).map { $0.cells[1] } == ["user ana"])
        _ = state.press(.escape)
        _ = state.press(.character("/"))
        state.type("who:auto stance:customer-representative")
        _ = state.press(.enter)
        #expect(state.visibleRows(state.focused).map(\.cells[3]) == ["tag-sentiment"], "the stance as stored matches its title")
        _ = state.press(.escape)
        _ = state.press(.character("/"))
        state.type("who:nobody")
        _ = state.press(.enter)
        #expect(state.visibleRows(state.focused).isEmpty)
        _ = state.press(.escape)
        #expect(state.visibleRows(state.focused).count == all)

        // In the jobs and drafts view, a name that is no column matches anywhere in the row.
        _ = state.press(.character("v"))
        _ = state.press(.character("/"))
        state.type("kind:Sentiment")
        _ = state.press(.enter)
        #expect(state.visibleRows(state.focused).map(\.cells[4]) == ["Sentiment of 3 items"])
    }
}

extension OrchestratorKeysTests {
    @Test("u in a draft's review is about that draft: on a pending one it undoes nothing made elsewhere")
    func undoInDraftReview() {
        var (state, drafts, _) = state()
        _ = state.update(.reviewed(.accepted(draftID: drafts[0].id, title: "Elsewhere", effect: "applied", changed: 1)))
        select(drafts[1].id, in: &state)
        _ = state.press(.enter)
        #expect(state.openDraft?.id == drafts[1].id)
        #expect(state.press(.character("u")).isEmpty)
        #expect(state.message?.contains("there is no review of it to undo") == true)
        #expect(state.undoStack.count == 1, "the change made elsewhere is still there to undo")
    }
}
