import Foundation
import PodiumCore
import PodiumEngine
import PodiumStore
import PodiumTestSupport
import Testing

/// Stakeholders, experiments and decisions as documents: they round-trip, and a wrong field
/// is refused with its name and what it takes.
@Suite("Records as documents")
struct RecordDocumentTests {
    static let now = Date(timeIntervalSince1970: 1_796_000_000)

    @Test("each kind round-trips through its document")
    func roundTrip() throws {
        let stakeholder = Stakeholder(name: "Ana Ruiz", role: "Finance Director", influence: 5, interest: 2, notes: "Wary of moving invoicing into a cheaper plan.")
        #expect(try RecordDocument.read(RecordDocument.write(stakeholder), into: stakeholder, now: stakeholder.updatedAt) == stakeholder)
        let decision = Decision(title: "Ship the sync rewrite in slices", context: "Offline sync fails", options: ["One release", "Three slices"],
                                choice: "Three slices", rationale: "Less risk", decidedAt: Self.now, reviewAt: Self.now.addingTimeInterval(86_400 * 30))
        let read = try RecordDocument.read(RecordDocument.write(decision), into: decision, now: decision.updatedAt)
        #expect(read.options == decision.options && read.choice == decision.choice && Format.day(read.reviewAt!) == Format.day(decision.reviewAt!))
    }

    @Test("a decision recorded today is dated now, so that it counts among the last 7 days at once")
    func today() throws {
        let decision = Decision.blank(now: Self.now)
        let text = RecordDocument.write(decision).replacingOccurrences(of: "# Title\n<!-- required -->\n", with: "# Title\nKeep pricing\n")
            .replacingOccurrences(of: "# Choice\n<!-- required: what was decided -->\n", with: "# Choice\nPer technician\n")
        #expect(try RecordDocument.read(text, into: decision, now: Self.now).decidedAt == Self.now)
    }

    @Test("a stakeholder's influence must be 1 to 5; a decision needs a choice; a date must be a date")
    func refusals() throws {
        let stakeholder = Stakeholder(name: "Ana Ruiz")
        let high = RecordDocument.write(stakeholder).replacingOccurrences(of: "\n3\n", with: "\nhigh\n")
        #expect(throws: EditFailure(description: "Influence: “high” is not a whole number from 1 to 5")) { try RecordDocument.read(high, into: stakeholder) }
        let decision = Decision(title: "T", choice: "C", decidedAt: Self.now)
        let noChoice = RecordDocument.write(decision).replacingOccurrences(of: "\nC\n", with: "\n\n")
        #expect(throws: EditFailure(description: "Choice is required")) { try RecordDocument.read(noChoice, into: decision) }
        let badDay = RecordDocument.write(decision).replacingOccurrences(of: Format.day(Self.now), with: "next week")
        #expect(throws: EditFailure(description: "Decided on: “next week” is not a date: YYYY-MM-DD, e.g. 2026-12-05")) { try RecordDocument.read(badDay, into: decision) }
        let renamed = RecordDocument.write(decision).replacingOccurrences(of: "# Rationale", with: "# Why")
        #expect(throws: EditFailure.self) { try RecordDocument.read(renamed, into: decision) }
    }

    @Test("an experiment starts when set running and ends when concluded; an end before the start is refused")
    func experimentLifecycle() throws {
        let proposed = Experiment(title: "Sync banner", hypothesis: "h", metric: "m", target: "t")
        let running = try RecordDocument.read(RecordDocument.write(proposed).replacingOccurrences(of: "\nproposed\n", with: "\nrunning\n"),
                                              into: proposed, now: Self.now)
        #expect(running.status == .running && running.startsAt == Self.now && running.endsAt == nil)
        let later = Self.now.addingTimeInterval(14 * 86_400)
        let done = try RecordDocument.read(RecordDocument.write(running).replacingOccurrences(of: "\nrunning\n", with: "\nsucceeded\n")
            .replacingOccurrences(of: "# Result\n<!-- what was measured and what it means -->\n\n", with: "# Result\n\nSupport tickets down 31%\n"), into: running, now: later)
        #expect(done.status == .succeeded && done.endsAt == later && done.result == "Support tickets down 31%")
        let backwards = RecordDocument.write(done).replacingOccurrences(of: "# Ends\n<!-- YYYY-MM-DD (empty: not planned) -->\n\n\(Format.day(later))",
                                                                         with: "# Ends\n\n2020-01-01")
        #expect(throws: EditFailure.self) { try RecordDocument.read(backwards, into: done) }
    }

    @Test("saved with an audit entry; restore puts it back or removes a new one")
    func saveAndRestore() throws {
        let (folder, store) = try makeWorkspace()
        let editor = RecordEditor<Stakeholder>(store: store, stance: .collaborator, actor: "po")
        let ana = Stakeholder(name: "Ana Ruiz")
        #expect(try editor.save(ana) == nil)
        var changed = ana
        changed.interest = 5
        #expect(try editor.save(changed) == ana)
        var other = changed
        other.role = "Changed in another window"
        try editor.save(other)
        #expect(throws: EditFailure.self) { try editor.restore(ana.id, to: ana, expecting: changed) }
        #expect(store.snapshot.stakeholders[ana.id] == other, "an undo never overwrites a change made since")
        try editor.restore(ana.id, to: ana)
        #expect(store.snapshot.stakeholders[ana.id] == ana)
        try editor.restore(ana.id, to: nil)
        #expect(store.snapshot.stakeholders.isEmpty)
        #expect(Set(store.snapshot.audit.all.map(\.summary)).isSuperset(of: ["Added the stakeholder “Ana Ruiz”", "Edited the stakeholder “Ana Ruiz”"]))
        withExtendedLifetime(folder) {}
    }
}
