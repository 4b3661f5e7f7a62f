import Foundation
import PodiumCore

/// The demo's Product Backlog: about forty items with RICE and WSJF inputs, linked to the
/// feedback of their theme.
enum DemoBacklog {
    /// title, description, theme tag, status, reach, impact, confidence, effort, BV, TC, RR, size
    typealias Row = (String, String, String, BacklogStatus, Double, Double, Double, Double, Double, Double, Double, Double)

    static let rows: [Row] = [
        ("Reliable offline sync for job data", "Queue edits locally and replay them in order; resolve conflicts per field.", "offline-sync", .inProgress, 4200, 3, 0.8, 5, 13, 13, 8, 13),
        ("Offline photo queue that survives restarts", "Persist the upload queue; retry with backoff; show what is pending.", "offline-sync", .ready, 3100, 2, 0.8, 2, 8, 8, 5, 5),
        ("Show last-synced time and pending changes", "A small banner telling technicians what has not reached the office yet.", "offline-sync", .ready, 4200, 1, 1, 0.5, 5, 5, 3, 2),
        ("Capture signatures offline", "Store signatures with the job and attach them on sync.", "offline-sync", .proposed, 1800, 2, 0.5, 1, 5, 3, 3, 3),
        ("Send invoice from the job screen", "One tap turns a completed job into an invoice with its line items.", "invoicing", .ready, 3600, 2, 0.8, 3, 13, 8, 3, 8),
        ("QuickBooks Online sync", "Two-way sync of customers, invoices and payments.", "invoicing", .proposed, 1500, 2, 0.5, 5, 8, 5, 2, 13),
        ("Xero sync", "Push invoices and pull payment status.", "invoicing", .proposed, 900, 2, 0.5, 4, 5, 3, 2, 13),
        ("Pay-now link on invoices", "Card payment link through our payment partner.", "invoicing", .proposed, 2800, 2, 0.8, 2, 8, 5, 2, 5),
        ("Partial payments and deposits", "Record deposits and show the balance due.", "invoicing", .proposed, 1200, 1, 0.8, 2, 5, 2, 1, 5),
        ("Company logo on invoice PDFs", "Upload a logo in settings; use it on invoices and quotes.", "invoicing", .done, 3000, 0.5, 1, 0.5, 3, 1, 1, 1),
        ("Regional tax rules for multi-line invoices", "Per-line tax codes; fix rounding.", "invoicing", .proposed, 700, 1, 0.8, 2, 5, 5, 5, 5),
        ("Faster dispatch board drag and drop", "Render the board incrementally; fix the wrong-day drop.", "scheduling", .ready, 2500, 1, 0.8, 2, 5, 3, 2, 5),
        ("Travel time between jobs on the board", "Estimate drive time between consecutive jobs.", "scheduling", .proposed, 2500, 2, 0.5, 3, 8, 3, 2, 8),
        ("Outlook calendar sync", "Publish technician calendars to Outlook / Microsoft 365.", "scheduling", .proposed, 1400, 1, 0.8, 3, 5, 3, 3, 8),
        ("Fix Google Calendar daylight-saving offset", "Jobs shift by an hour after the clock change.", "scheduling", .done, 1100, 1, 1, 0.5, 3, 8, 3, 1),
        ("Multiple technicians per job", "Assign a crew; split time entries.", "scheduling", .proposed, 1600, 2, 0.8, 3, 8, 3, 2, 8),
        ("Recurring jobs skip holidays", "Holiday calendars per region; move or skip visits.", "scheduling", .proposed, 800, 1, 0.8, 1, 3, 2, 2, 3),
        ("Notify customers when a job is rescheduled", "Text and email on change, with opt-out.", "scheduling", .proposed, 2200, 1, 0.8, 1, 5, 3, 1, 3),
        ("Job list loads in under a second", "Paginate and cache the morning job list.", "performance", .inProgress, 5200, 2, 0.8, 2, 8, 8, 5, 5),
        ("Fast customer search", "Server-side search index for large customer bases.", "performance", .ready, 2000, 1, 0.8, 2, 5, 3, 3, 5),
        ("Background photo uploads", "Do not block the screen while photos upload.", "performance", .proposed, 3100, 1, 0.8, 1, 5, 3, 2, 3),
        ("Battery use audit", "Profile location and sync; cut wake-ups.", "performance", .proposed, 4200, 1, 0.5, 2, 3, 2, 3, 5),
        ("Reports that don't time out", "Generate large reports asynchronously and email a link.", "performance", .proposed, 900, 1, 0.8, 2, 3, 2, 2, 5),
        ("Price list import that explains errors", "Row-by-row errors and a preview before import.", "onboarding", .ready, 1300, 2, 0.8, 1, 5, 5, 3, 3),
        ("Guided first job for new technicians", "An interactive walkthrough of the checklist screens.", "onboarding", .proposed, 2000, 1, 0.5, 1, 3, 2, 2, 3),
        ("Extend trial while importing", "Pause the trial clock during a data import.", "onboarding", .proposed, 600, 1, 0.8, 0.5, 3, 3, 1, 1),
        ("Team invitations that reach the inbox", "Authenticated sending domain; resend and copy-link options.", "onboarding", .done, 1500, 1, 1, 0.5, 3, 5, 2, 2),
        ("Photo annotation", "Draw arrows and circles on photos before attaching them.", "photos-attachments", .proposed, 1900, 1, 0.8, 2, 5, 2, 1, 5),
        ("Larger attachments and short videos", "Raise the limit to 100 MB with resumable uploads.", "photos-attachments", .proposed, 700, 1, 0.5, 3, 3, 1, 1, 8),
        ("Before/after photo pairs in reports", "Label photos and keep pairs together.", "photos-attachments", .proposed, 1200, 1, 0.8, 1, 3, 2, 1, 3),
        ("Share job photos with the customer", "Include a photo gallery link in the job report email.", "photos-attachments", .proposed, 1600, 1, 0.8, 1, 5, 2, 1, 3),
        ("Seasonal seat pricing", "Let customers pause technician seats for up to three months.", "pricing", .proposed, 900, 2, 0.5, 2, 8, 5, 3, 5),
        ("Invoicing in the Team plan", "Move basic invoicing out of the top tier.", "pricing", .proposed, 1800, 2, 0.5, 0.5, 8, 5, 2, 2),
        ("Renewal notice 30 days ahead", "Email account owners before renewal with the new price.", "pricing", .done, 2500, 0.5, 1, 0.25, 2, 3, 5, 1),
        ("Weekend chat support", "Staff chat on Saturdays; bot triage on Sundays.", "support", .proposed, 1200, 1, 0.8, 3, 5, 2, 2, 8),
        ("Revenue per technician report", "A report with filters by period and job type.", "reporting", .proposed, 1100, 1, 0.8, 1, 5, 2, 1, 3),
        ("First-time fix rate metric", "Track revisits within 30 days per job type.", "reporting", .proposed, 600, 2, 0.8, 1, 5, 3, 2, 3),
        ("Weekly summary email for owners", "Jobs done, revenue, overdue invoices.", "reporting", .proposed, 1500, 1, 0.8, 1, 3, 2, 1, 2),
        ("Technician ETA link for customers", "A live arrival link sent by text.", "customer-portal", .proposed, 2600, 2, 0.8, 3, 8, 5, 2, 8),
        ("Online booking page", "Customers request visits in open slots.", "customer-portal", .proposed, 1400, 2, 0.5, 5, 8, 2, 2, 13),
        ("Online quote approval", "Customers approve quotes with a click; the job is created.", "customer-portal", .proposed, 1000, 2, 0.8, 2, 5, 3, 2, 5),
    ]

    static func items(
        feedbackByTag: [String: [FeedbackItem]], reference: Date, _ generator: inout SeededGenerator
    ) -> [BacklogItem] {
        var items: [BacklogItem] = []
        var linkedSoFar: [String: Int] = [:]
        for (index, row) in rows.enumerated() {
            let (title, description, tag, status, reach, impact, confidence, effort, value, time, risk, size) = row
            let created = reference.addingTimeInterval(-Double(150 - index) * 86_400)
            // Spread a theme's feedback over its items, most to the first.
            let pool = feedbackByTag[tag] ?? []
            let start = linkedSoFar[tag, default: 0]
            let take = min(pool.count - min(start, pool.count), max(2, pool.count / (start == 0 ? 3 : 8)))
            // Praise of the area is validation, kept apart: it is no reason to work on it.
            let taken = Array(pool.dropFirst(start).prefix(take))
            let praise = Set(DemoThemes.all.first { $0.tag == tag }?.praise ?? [])
            let isPraise = { (item: FeedbackItem) in praise.contains { item.text.hasPrefix($0) } }
            let linked = taken.filter { !isPraise($0) }.map(\.id)
            let validating = taken.filter(isPraise).map(\.id)
            linkedSoFar[tag] = start + take
            items.append(BacklogItem(
                id: RecordID(at: created, using: &generator), title: title, description: description, status: status,
                order: index + 1,
                rice: RICEInputs(reach: reach, impact: impact, confidence: confidence, effort: effort),
                wsjf: WSJFInputs(businessValue: value, timeCriticality: time, riskReduction: risk, jobSize: size),
                linkedFeedback: linked, validatingFeedback: validating, tags: [tag], createdAt: created,
                doneAt: status == .done ? reference.addingTimeInterval(-Double(index % 5 + 1) * 86_400) : nil))
        }
        return items
    }
}
