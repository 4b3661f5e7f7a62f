import Foundation
import PodiumCore
import PodiumStore

/// What the routine work handed to AI came to: the balance of attention across the seven
/// stances, the time won back per week, and how often each kind's drafts are accepted,
/// edited or rejected. The Orchestrator pane and `podium metrics` show the same figures.
public struct WorkMetrics: Sendable, Encodable {
    /// What one stance got over the last 7 and 30 days.
    public struct StanceBalance: Sendable, Encodable, Equatable {
        public var stance: Stance
        public var acceptedDrafts7: Int
        public var acceptedDrafts30: Int
        /// Records of the stance created or changed (feedback imported, items moved, updates written…).
        public var itemsTouched7: Int
        public var itemsTouched30: Int
        /// Activity (accepted drafts and touched items) per week, the last five weeks, oldest first.
        public var weekly: [Int]
        public var lastActivity: Date?
        /// Set when the stance has been neglected, e.g. "no experiment started or changed for 3 weeks".
        public var hint: String?
    }

    /// Minutes won back in one week (from its Monday): each kind counts once a day.
    public struct WeekSaved: Sendable, Encodable, Equatable {
        public var weekStart: Date
        public var acceptedDrafts: Int
        public var minutes: Double
    }

    /// How the drafts of one kind fared in review.
    ///
    /// The rates are over the drafts a person judged: accepted by a person, rejected, or
    /// auto-accepted and then undone (taken back, like a rejection). A draft automation
    /// accepted and nobody looked at again says nothing of its quality.
    public struct KindRates: Sendable, Encodable, Equatable {
        public var kind: JobKind
        /// Accepted, by a person or by automation.
        public var accepted: Int
        /// Accepted or rejected after the reviewer changed the text.
        public var edited: Int
        public var rejected: Int
        public var pending: Int
        /// Accepted by a rule or the trust policy, without a person.
        public var autoAccepted: Int
        /// Accepted by automation, then taken back by a person.
        public var undone: Int
        public var minutesSaved: Double

        /// Accepted by a person.
        public var acceptedByPerson: Int { accepted - autoAccepted }
        /// Drafts a person judged: accepted, rejected, or an automatic acceptance undone.
        public var decided: Int { acceptedByPerson + rejected + undone }
        public var acceptRate: Double? { decided == 0 ? nil : Double(acceptedByPerson) / Double(decided) }
        public var editRate: Double? { decided == 0 ? nil : Double(edited) / Double(decided) }
        public var rejectRate: Double? { decided == 0 ? nil : Double(rejected + undone) / Double(decided) }
        /// Whether so few drafts are accepted that the prompt or engine needs work (3+ decided, under half accepted).
        public var needsWork: Bool { decided >= 3 && (acceptRate ?? 1) < 0.5 }

        private enum CodingKeys: String, CodingKey {
            case kind, accepted, edited, rejected, pending, autoAccepted, undone, minutesSaved, acceptRate, editRate, rejectRate, needsWork
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(kind, forKey: .kind)
            try container.encode(accepted, forKey: .accepted)
            try container.encode(edited, forKey: .edited)
            try container.encode(rejected, forKey: .rejected)
            try container.encode(pending, forKey: .pending)
            try container.encode(autoAccepted, forKey: .autoAccepted)
            try container.encode(undone, forKey: .undone)
            try container.encode(minutesSaved, forKey: .minutesSaved)
            try container.encodeIfPresent(acceptRate, forKey: .acceptRate)
            try container.encodeIfPresent(editRate, forKey: .editRate)
            try container.encodeIfPresent(rejectRate, forKey: .rejectRate)
            try container.encode(needsWork, forKey: .needsWork)
        }
    }

    public var generatedAt: Date
    /// Drafts reviewed from this date count toward time won back and the rates (nil: all).
    public var since: Date?
    public var stances: [StanceBalance]
    public var decisions7: Int
    public var decisions30: Int
    public var experiments7: Int
    public var experiments30: Int
    public var weeks: [WeekSaved]
    public var minutesSaved: Double
    public var kinds: [KindRates]

    /// The stances that need attention, one line each.
    public var hints: [String] {
        stances.compactMap { balance in balance.hint.map { "\(balance.stance.title): \($0)" } }
            + kinds.filter(\.needsWork).map { "\($0.kind): you accepted only \(Format.percent($0.acceptRate ?? 0)) of the \($0.decided) drafts you judged; the prompt or engine needs work" }
    }

    /// Days without activity after which a stance is called neglected, and what is missing.
    static let neglect: [Stance: (days: Int, missing: String)] = [
        .visionary: (90, "change to the vision or goal"), .collaborator: (30, "stakeholder input"),
        .customerRepresentative: (14, "new feedback"), .decisionMaker: (21, "backlog or decision change"),
        .experimenter: (21, "experiment started or changed"), .influencer: (14, "stakeholder update"),
    ]

    /// Works the figures out from the workspace at `now`.
    public static func compute(
        _ snapshot: WorkspaceSnapshot, now: Date = Date(), since: Date? = nil,
        minutesSaved: [JobKind: Double] = AutomationSettings.defaultMinutesSaved, calendar: Calendar = WorkMetrics.weekCalendar
    ) -> WorkMetrics {
        let day: TimeInterval = 86_400
        let activity = activityDates(snapshot)
        let accepted = snapshot.drafts.values.filter { $0.status == .accepted }
        let stances = Stance.allCases.map { stance -> StanceBalance in
            let drafts = accepted.filter { $0.stance == stance }.compactMap(\.reviewedAt)
            let touched = activity[stance] ?? []
            func count(_ dates: [Date], days: Double) -> Int { dates.filter { $0 <= now && now.timeIntervalSince($0) < days * day }.count }
            let weekly = (0..<5).reversed().map { back -> Int in
                let end = now.addingTimeInterval(-Double(back) * 7 * day)
                return (drafts + touched).filter { $0 <= end && end.timeIntervalSince($0) < 7 * day }.count
            }
            let last = (drafts + touched).filter { $0 <= now }.max()
            var hint: String?
            if let rule = neglect[stance] {
                // A stance is judged by its own records (new feedback, stakeholder input, …), not
                // by accepted drafts: a scheduled summary is no new feedback. The Influencer by
                // stakeholder updates alone (release notes go out anyway).
                let judged = stance == .influencer ? lastStakeholderUpdate(snapshot, now: now) : touched.filter { $0 <= now }.max()
                let quiet = judged.map { now.timeIntervalSince($0) / day } ?? .infinity
                if quiet >= Double(rule.days) {
                    hint = "no \(rule.missing) " + (judged.map { "for \(Self.span(now.timeIntervalSince($0)))" } ?? "yet")
                }
            }
            return StanceBalance(stance: stance, acceptedDrafts7: count(drafts, days: 7), acceptedDrafts30: count(drafts, days: 30),
                                 itemsTouched7: count(touched, days: 7), itemsTouched30: count(touched, days: 30),
                                 weekly: weekly, lastActivity: last, hint: hint)
        }
        func within(_ date: Date, _ days: Double) -> Bool { date <= now && now.timeIntervalSince(date) < days * day }
        let decisionDates = snapshot.decisions.values.map(\.decidedAt)
        let experimentDates = snapshot.experiments.values.map(\.updatedAt)

        // Time won back and rates: drafts reviewed since `since`.
        let reviewed = snapshot.drafts.values.filter { draft in
            guard let at = draft.reviewedAt else { return draft.status == .pending }
            return since.map { at >= $0 } ?? true
        }
        // A kind's routine is saved once a day: clustering themes again after each small
        // import, or a second update the same day, is not another hour won back.
        var weekly: [Date: WeekSaved] = [:]
        var savedByKind: [JobKind: Double] = [:]
        var counted = Set<String>()
        for draft in reviewed.filter({ $0.status == .accepted }).sorted(by: { ($0.reviewedAt ?? .distantPast) < ($1.reviewedAt ?? .distantPast) }) {
            guard let at = draft.reviewedAt, let start = calendar.dateInterval(of: .weekOfYear, for: at)?.start else { continue }
            let day = calendar.startOfDay(for: at)
            let saves = counted.insert("\(draft.kind.rawValue)|\(day.timeIntervalSince1970)").inserted ? minutesSaved[draft.kind] ?? 0 : 0
            var week = weekly[start] ?? WeekSaved(weekStart: start, acceptedDrafts: 0, minutes: 0)
            week.acceptedDrafts += 1
            week.minutes += saves
            weekly[start] = week
            savedByKind[draft.kind, default: 0] += saves
        }
        var weeks: [WeekSaved] = []
        // Every week from `since` (the last 4 when there is none), those with nothing accepted as zero.
        if let current = calendar.dateInterval(of: .weekOfYear, for: now)?.start {
            let first = since.flatMap { calendar.dateInterval(of: .weekOfYear, for: $0)?.start }
                ?? calendar.date(byAdding: .weekOfYear, value: -3, to: current) ?? current
            var filled: [WeekSaved] = []
            var cursor = first
            while cursor <= current {
                filled.append(weekly[cursor] ?? WeekSaved(weekStart: cursor, acceptedDrafts: 0, minutes: 0))
                guard let next = calendar.date(byAdding: .weekOfYear, value: 1, to: cursor) else { break }
                cursor = next
            }
            weeks = filled
        }
        let automatic = AutoAcceptance.drafts(in: snapshot)
        let undone = AutoAcceptance.undone(in: snapshot).filter { id, at in
            // Taken back since `since`, and not judged again since (a person's accept or reject counts as that).
            let status = snapshot.drafts[id]?.status
            return (since.map { at >= $0 } ?? true) && status != .accepted && status != .rejected
        }
        let kinds = JobKindInfo.all.map(\.kind).map { kind -> KindRates in
            let ofKind = reviewed.filter { $0.kind == kind }
            let acceptedCount = ofKind.filter { $0.status == .accepted }.count
            return KindRates(
                kind: kind, accepted: acceptedCount,
                edited: ofKind.filter { ($0.status == .accepted || $0.status == .rejected) && !$0.edits.isEmpty }.count,
                rejected: ofKind.filter { $0.status == .rejected }.count, pending: ofKind.filter { $0.status == .pending }.count,
                autoAccepted: ofKind.filter { automatic.contains($0.id) }.count,
                undone: undone.keys.filter { snapshot.drafts[$0]?.kind == kind }.count,
                minutesSaved: savedByKind[kind] ?? 0)
        }
        return WorkMetrics(
            generatedAt: now, since: since, stances: stances,
            decisions7: decisionDates.filter { within($0, 7) }.count, decisions30: decisionDates.filter { within($0, 30) }.count,
            experiments7: experimentDates.filter { within($0, 7) }.count, experiments30: experimentDates.filter { within($0, 30) }.count,
            weeks: weeks, minutesSaved: kinds.map(\.minutesSaved).reduce(0, +), kinds: kinds)
    }

    /// Weeks from Monday (ISO 8601) in the user's time zone, whatever the locale says.
    public static var weekCalendar: Calendar {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = .current
        return calendar
    }

    /// When the last stakeholder update was written or accepted.
    private static func lastStakeholderUpdate(_ snapshot: WorkspaceSnapshot, now: Date) -> Date? {
        let written = snapshot.communications.values.filter { $0.kind == .stakeholderUpdate }.map(\.updatedAt)
        let accepted = snapshot.drafts.values.filter { $0.kind == .stakeholderUpdate && $0.status == .accepted }.compactMap(\.reviewedAt)
        return (written + accepted).filter { $0 <= now }.max()
    }

    /// When each stance's records were created or changed.
    private static func activityDates(_ snapshot: WorkspaceSnapshot) -> [Stance: [Date]] {
        var dates: [Stance: [Date]] = [:]
        if !snapshot.product.vision.isEmpty || !snapshot.product.productGoal.isEmpty { dates[.visionary] = [snapshot.product.updatedAt] }
        dates[.collaborator] = snapshot.stakeholders.values.map(\.updatedAt)
        dates[.customerRepresentative] = snapshot.feedback.values.map { $0.importedAt ?? $0.createdAt } + snapshot.personas.values.map(\.updatedAt)
        dates[.decisionMaker] = snapshot.backlog.values.map(\.updatedAt) + snapshot.decisions.values.map(\.decidedAt)
        dates[.experimenter] = snapshot.experiments.values.map(\.updatedAt)
        dates[.influencer] = snapshot.communications.values.map(\.updatedAt)
        dates[.orchestrator] = snapshot.jobs.values.map(\.createdAt)
        return dates
    }

    /// "3 weeks", "9 days", "4 months".
    static func span(_ seconds: TimeInterval) -> String {
        let days = Int(seconds / 86_400)
        if days >= 60 { return "\(days / 30) months" }
        if days >= 14 { return "\(days / 7) weeks" }
        return "\(days) day\(days == 1 ? "" : "s")"
    }

    /// Counts as a sparkline (`Format.sparkline`).
    public static func sparkline(_ values: [Int]) -> String { Format.sparkline(values) }
}
