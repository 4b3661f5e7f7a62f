/// The feedback themes of the demo product, Fieldnote: what customers say, and how.
///
/// Each theme has complaint and praise phrasings plus details that are combined to make
/// hundreds of different, realistic items. Backlog items point at themes by key, so the
/// demo's evidence links are real.
struct DemoTheme {
    var key: String
    var tag: String
    /// Share of feedback on this theme (relative weight).
    var weight: Int
    /// How often the theme is raised negatively, 0…1.
    var negativity: Double
    var complaints: [String]
    var praise: [String]
    var details: [String]
}

enum DemoThemes {
    static let all: [DemoTheme] = [
        DemoTheme(
            key: "offline", tag: "offline-sync", weight: 18, negativity: 0.85,
            complaints: [
                "The app lost my notes when I went out of signal at a customer's basement.",
                "Offline mode is unreliable: jobs I completed without coverage never synced.",
                "Sync conflicts keep duplicating my work orders after I reconnect.",
                "I had to redo a whole inspection because the offline copy was out of date.",
                "When there is no signal the job list is empty, which is exactly when I need it.",
                "Photos taken offline sit in the queue for hours and sometimes just vanish.",
                "Please make offline work properly, half our sites have no reception.",
                "Signatures captured offline were missing from the invoice later.",
            ],
            praise: [
                "Offline mode finally works for me since the last update, great job.",
                "Love that I can fill in checklists in the plant room without signal.",
            ],
            details: [
                "This happened three times this week.", "I'm on Android.", "Using an iPhone 13.",
                "Our techs are on rural routes.", "It cost us a billable hour.", "Support said they'd look into it.",
                "We have 12 technicians affected.", "",
            ]),
        DemoTheme(
            key: "invoicing", tag: "invoicing", weight: 14, negativity: 0.6,
            complaints: [
                "I can't send an invoice from the job screen, I have to retype everything in our accounting tool.",
                "Invoices don't support partial payments or deposits.",
                "The invoice PDF looks unprofessional and I can't add my logo.",
                "We need invoices to sync with QuickBooks, the CSV export is a pain.",
                "Taxes are calculated wrong for our region on multi-line invoices.",
                "Customers keep asking for a pay-now link on the invoice.",
                "Getting paid takes too long because invoices go out days after the job.",
            ],
            praise: [
                "Creating an invoice right after the job saves me an evening each week.",
                "The new invoice templates look great, customers noticed.",
            ],
            details: [
                "We send about 200 invoices a month.", "Our bookkeeper complains every Friday.", "We use Xero.",
                "We use QuickBooks Online.", "This is the main reason we'd consider switching.", "",
            ]),
        DemoTheme(
            key: "scheduling", tag: "scheduling", weight: 13, negativity: 0.55,
            complaints: [
                "Dragging jobs on the dispatch board is slow and sometimes drops them on the wrong day.",
                "There is no way to see travel time between jobs when scheduling.",
                "Recurring jobs break when a holiday falls on the schedule date.",
                "The calendar doesn't sync with Outlook, so our office double-books technicians.",
                "I need to assign two technicians to one job and the app won't let me.",
                "Rescheduling a job doesn't notify the customer.",
                "Google Calendar sync shows jobs an hour off after the time change.",
            ],
            praise: [
                "The dispatch board makes my mornings so much calmer.",
                "Recurring maintenance visits are set up in seconds now.",
            ],
            details: [
                "We dispatch 40 jobs a day.", "Our office manager asked me to write this.", "Two of us plan the week.",
                "We're in the UK.", "We're in Germany.", "",
            ]),
        DemoTheme(
            key: "performance", tag: "performance", weight: 11, negativity: 0.9,
            complaints: [
                "The job list takes forever to load in the morning.",
                "Opening a customer with a long history freezes the app for several seconds.",
                "Search is painfully slow once you have a few thousand customers.",
                "The app drains my battery by lunchtime.",
                "Uploading photos is slow and blocks the whole screen.",
                "Reports take minutes to generate and often time out.",
            ],
            praise: [
                "The app feels much snappier after the update.",
            ],
            details: [
                "We have about 8,000 customers.", "On a Samsung Galaxy A52.", "On older iPads.", "Every single morning.", "",
            ]),
        DemoTheme(
            key: "onboarding", tag: "onboarding", weight: 9, negativity: 0.65,
            complaints: [
                "Setting up our price list took a whole weekend; importing it failed twice.",
                "New technicians don't understand the checklist screens without training.",
                "The trial ended before we had finished importing our customers.",
                "It's not clear how to invite my team, the invitation emails went to spam.",
                "The setup wizard asks for things we don't know yet, like tax codes.",
            ],
            praise: [
                "Onboarding call with your team was excellent, we were live in two days.",
                "The sample data made it easy to understand how everything fits together.",
            ],
            details: [
                "We came from paper job sheets.", "We switched from a competitor.", "I'm not very technical.", "",
            ]),
        DemoTheme(
            key: "photos", tag: "photos-attachments", weight: 8, negativity: 0.5,
            complaints: [
                "I can't annotate photos, so I have to explain the problem in long notes.",
                "Attachments are limited to 10 MB, our inspection videos are bigger.",
                "Before and after photos get mixed up in the job report.",
                "Customers can't see the photos unless we email them separately.",
            ],
            praise: [
                "Being able to attach photos to the job report impresses our customers.",
                "Before/after photos in the report win us repeat business.",
            ],
            details: ["We do roof inspections.", "We're an HVAC company.", "We do pest control.", ""]),
        DemoTheme(
            key: "pricing", tag: "pricing", weight: 7, negativity: 0.8,
            complaints: [
                "The price jump to the Team plan is too steep for a company of three.",
                "Paying per technician hurts us in the winter when we have fewer staff.",
                "Essential features like invoicing shouldn't be locked in the top tier.",
                "The renewal price went up without any warning.",
            ],
            praise: [
                "Worth every penny, it pays for itself in saved admin time.",
            ],
            details: ["We are a family business.", "Our budget is tight this year.", "We're comparing three tools right now.", ""]),
        DemoTheme(
            key: "support", tag: "support", weight: 7, negativity: 0.2,
            complaints: [
                "Support took four days to answer a billing question.",
                "Chat support isn't available on weekends, which is when we work most.",
            ],
            praise: [
                "Your support team is fantastic, Maria solved our issue in minutes.",
                "Support answered on a Saturday and fixed our sync problem. Thank you!",
                "Great help from support during our migration.",
                "The help center articles are clear and have screenshots.",
            ],
            details: ["Five stars for the people.", "Please keep it that way.", ""]),
        DemoTheme(
            key: "reporting", tag: "reporting", weight: 6, negativity: 0.6,
            complaints: [
                "I can't see revenue per technician without exporting to Excel.",
                "The reports don't show first-time fix rate, which our contracts require.",
                "Management wants a weekly summary email and there is none.",
            ],
            praise: [
                "The job profitability report changed how we price our contracts.",
            ],
            details: ["Our owner asks for this every month.", "We bid on council contracts.", ""]),
        DemoTheme(
            key: "customer-portal", tag: "customer-portal", weight: 5, negativity: 0.4,
            complaints: [
                "Our customers want to book visits themselves online.",
                "Customers keep calling to ask when the technician arrives; an ETA link would help.",
                "There is no way for customers to approve quotes online.",
            ],
            praise: [
                "Customers love the arrival notification text.",
            ],
            details: ["Most of our customers are property managers.", "Our phone never stops ringing.", ""]),
    ]
}
