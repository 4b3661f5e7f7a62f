import Foundation
import PodiumCore

/// The demo's product, stakeholders, experiments, decisions and communications.
enum DemoCatalog {
    static func product(reference: Date) -> Product {
        Product(
            name: "Fieldnote",
            vision: """
                Every trades business runs its day from one calm app: technicians finish the job, \
                the customer gets a clear report and an invoice before the van leaves, and the office \
                spends its time on customers instead of paperwork.
                """,
            productGoal: """
                Make Fieldnote dependable in the field: technicians can finish and invoice every job \
                on site, with or without signal, by the end of Q1 2027.
                """,
            goalMeasures: [
                GoalMeasure(name: "Jobs invoiced on site", baseline: 22, current: 31, target: 60, unit: "%"),
                GoalMeasure(name: "Sync failures per 1,000 jobs", baseline: 48, current: 35, target: 5),
                GoalMeasure(name: "App store rating", baseline: 3.6, current: 3.8, target: 4.4, unit: "★"),
            ],
            sprint: SprintCadence(firstSprintStart: Date(timeIntervalSince1970: 1_788_739_200), lengthInDays: 14),  // 2026-09-07
            updatedAt: reference.addingTimeInterval(-20 * 86_400))
    }

    static func stakeholders(reference: Date, _ generator: inout SeededGenerator) -> [Stakeholder] {
        let rows: [(String, String, Int, Int, String)] = [
            ("Dana Whitfield", "CEO", 5, 4, "Wants a credible Q1 story for the board: retention up, fewer churned small teams."),
            ("Marcus Oyelaran", "Head of Sales", 4, 5, "Lost two mid-market deals to competitors with QuickBooks sync; pushes for integrations."),
            ("Ingrid Solberg", "Head of Customer Success", 3, 5, "Offline sync is the top reason for escalations; asks for visible sync status."),
            ("Raj Patel", "Engineering Lead", 4, 4, "Offline sync rewrite is risky; wants it sliced into releasable steps."),
            ("Chloe Martin", "Design Lead", 2, 4, "Technicians skip the checklist screens; proposes a guided first job."),
            ("Peter Novak", "Finance Director", 4, 2, "Worried that moving invoicing to the Team plan cuts upgrade revenue."),
            ("Aisha Rahman", "Operations Manager, Metro Lift Services (key customer)", 3, 5, "Pilots every release; 60 technicians, needs crews on one job."),
            ("Leo Fischer", "Support Team Lead", 2, 4, "Weekend tickets doubled since spring; asks for weekend chat cover."),
        ]
        return rows.enumerated().map { index, row in
            let created = reference.addingTimeInterval(-Double(200 - index) * 86_400)
            return Stakeholder(
                id: RecordID(at: created, using: &generator), name: row.0, role: row.1, influence: row.2, interest: row.3,
                notes: row.4, createdAt: created, updatedAt: reference.addingTimeInterval(-Double(index * 3 + 2) * 86_400))
        }
    }

    static func experiments(
        backlog: [BacklogItem], feedbackByTag: [String: [FeedbackItem]], reference: Date, _ generator: inout SeededGenerator
    ) -> [Experiment] {
        func item(_ title: String) -> [RecordID<BacklogItem>] { backlog.filter { $0.title == title }.map(\.id) }
        func evidence(_ tag: String) -> [RecordID<FeedbackItem>] { Array((feedbackByTag[tag] ?? []).prefix(5)).map(\.id) }
        let day: Double = 86_400
        let rows: [(String, String, String, String, ExperimentStatus, Double, Double, String?, String, String)] = [
            ("Sync status banner", "We believe that showing the last-synced time to technicians will cut sync-related support tickets, because they will reconnect before leaving site.",
             "Sync-related tickets per week", "−30%", .running, -10, 18, nil, "Show last-synced time and pending changes", "offline-sync"),
            ("Invoice from the job screen (beta)", "We believe that letting technicians invoice from the job screen will raise on-site invoicing for small teams.",
             "Jobs invoiced on site", "≥ 45% in the beta group", .succeeded, -60, -30,
             "Beta group reached 52% on-site invoicing (control 29%) over 4 weeks; 11 of 14 beta teams kept using it.",
             "Send invoice from the job screen", "invoicing"),
            ("Pay-now link", "We believe a pay-now link on invoices will shorten days-to-paid by a week for small teams.",
             "Median days from invoice to payment", "−7 days", .proposed, 7, 35, nil, "Pay-now link on invoices", "invoicing"),
            ("Guided first job", "We believe that a guided first job will let new technicians complete a checklist without training.",
             "New technicians completing a checklist in week 1", "+20 points", .failed, -90, -62,
             "Completion rose 4 points (61% → 65%); most drop-offs happen at photo upload, not at the checklist.",
             "Guided first job for new technicians", "onboarding"),
            ("Seasonal seat pause", "We believe that letting customers pause seats in winter will reduce churn among small teams.",
             "Small-team churn, Nov–Feb", "−2 points", .proposed, 14, 120, nil, "Seasonal seat pricing", "pricing"),
        ]
        return rows.enumerated().map { index, row in
            let created = reference.addingTimeInterval(-Double(100 - index * 10) * day)
            return Experiment(
                id: RecordID(at: created, using: &generator), title: row.0, hypothesis: row.1, metric: row.2, target: row.3,
                status: row.4, startsAt: reference.addingTimeInterval(row.5 * day), endsAt: reference.addingTimeInterval(row.6 * day),
                result: row.7, linkedBacklog: item(row.8), linkedFeedback: evidence(row.9), createdAt: created)
        }
    }

    static func decisions(backlog: [BacklogItem], reference: Date, _ generator: inout SeededGenerator) -> [Decision] {
        func item(_ title: String) -> [RecordID<BacklogItem>] { backlog.filter { $0.title == title }.map(\.id) }
        let day: Double = 86_400
        let rows: [(String, String, [String], String, String, Double, Double?, String)] = [
            ("Offline sync before integrations", "Sales asks for QuickBooks sync; support escalations are dominated by offline sync failures.",
             ["Offline sync first", "QuickBooks sync first", "Split the team"], "Offline sync first",
             "Sync failures hit every segment and drive one-star reviews; integrations matter most to mid-market deals, which are fewer.",
             -45, 45, "Reliable offline sync for job data"),
            ("Ship invoicing from the job screen to everyone", "The beta reached 52% on-site invoicing against 29% in control.",
             ["Ship to all plans", "Ship to Team plan and up", "Extend the beta"], "Ship to all plans",
             "The product goal is on-site invoicing for every job; gating it would cap the measure we are steering by.",
             -25, 60, "Send invoice from the job screen"),
            ("Slice the sync rewrite into three releases", "Engineering rated the rewrite as high risk.",
             ["One big release", "Three releases behind a flag"], "Three releases behind a flag",
             "Each slice is usable on its own: status banner, photo queue, conflict handling.", -40, nil, "Reliable offline sync for job data"),
            ("No weekend chat this quarter", "Weekend tickets doubled but staffing is fixed until January.",
             ["Weekend chat now", "Better help articles and a bot first"], "Better help articles and a bot first",
             "Most weekend tickets are sync questions that the status banner should answer; revisit with data in January.",
             -12, 40, "Weekend chat support"),
            ("Keep per-technician pricing", "Finance fears revenue loss from seat pauses.",
             ["Flat team price", "Per technician with seasonal pause", "Per technician as is"], "Per technician with seasonal pause",
             "Test the pause with an experiment before changing the price list.", -8, 30, "Seasonal seat pricing"),
        ]
        return rows.enumerated().map { index, row in
            let decided = reference.addingTimeInterval(row.5 * day)
            return Decision(
                id: RecordID(at: decided, using: &generator), title: row.0, context: row.1, options: row.2, choice: row.3,
                rationale: row.4, decidedAt: decided, reviewAt: row.6.map { reference.addingTimeInterval($0 * day) },
                decidedBy: "Product Owner", linkedBacklog: item(row.7), createdAt: decided)
        }
    }

    static func communications(reference: Date, _ generator: inout SeededGenerator) -> [Communication] {
        let day: Double = 86_400
        let rows: [(String, String, CommunicationKind, String, CommunicationStatus, Double)] = [
            ("Sprint 5 update for leadership", "leadership", .stakeholderUpdate, """
                **What changed:** invoicing from the job screen is live for all plans; the Google Calendar \
                daylight-saving bug is fixed.

                **Decisions:** offline sync comes before integrations; the sync rewrite ships in three slices.

                **Next:** the sync status banner experiment starts this sprint.
                """, .sent, -18),
            ("Release notes 4.12", "all customers", .releaseNotes, """
                - Add your company logo to invoices and quotes.
                - Calendar sync no longer shifts jobs after the clock change.
                - Team invitations now arrive reliably.
                """, .sent, -11),
            ("Sprint 6 update for leadership", "leadership", .stakeholderUpdate, "", .draft, -1),
        ]
        return rows.map { row in
            let created = reference.addingTimeInterval(row.5 * day)
            return Communication(
                id: RecordID(at: created, using: &generator), title: row.0, audience: row.1, kind: row.2, body: row.3,
                status: row.4, sentAt: row.4 == .sent ? created : nil, createdAt: created)
        }
    }
}
