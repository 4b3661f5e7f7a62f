import PodiumCore

/// The export layouts Podium recognises, most specific first. docs/IMPORT.md lists them
/// with their columns.
extension FeedbackFormat {
    static let known: [FeedbackFormat] = [
        googlePlay, intercom, freshdesk, zendeskCSV, zendesk, canny, userVoice, productboard, delighted, wootric,
        surveyMonkey, typeform, googleForms, appReviews,
    ]

    // MARK: App reviews

    static let googlePlay = FeedbackFormat(
        name: "Google Play Console reviews",
        signature: [["Package Name"], ["Star Rating"], ["Review Text"]],
        fields: [
            .title: ["Review Title"], .text: ["Review Text"], .rating: ["Star Rating"],
            .date: ["Review Submit Millis Since Epoch", "Review Submit Date and Time"],
            .version: ["App Version Name", "App Version Code"], .origin: ["Review Link"], .externalID: ["Review Link"],
        ],
        source: .review, ratingScale: .stars5, idNamespace: "google-play")

    /// Exports of review tools (AppFollow, Appbot, AppFigures…): a title, a review, a star
    /// rating, and the app's version or store.
    static let appReviews = FeedbackFormat(
        name: "App Store / review tool export",
        signature: [["Title", "Review Title", "Subject"], ["Review", "Content", "Body", "Review Text", "Text"],
                    ["Rating", "Stars", "Star Rating"], ["Version", "App Version", "Store", "Country", "Territory"]],
        fields: [
            .title: ["Title", "Review Title", "Subject"], .text: ["Review", "Content", "Body", "Review Text", "Text"],
            .rating: ["Rating", "Stars", "Star Rating"], .version: ["Version", "App Version"],
            .author: ["Author", "Reviewer", "User Name", "Nickname", "User"],
            .date: ["Date", "Review Date", "Created At", "Updated At"], .origin: ["Link", "URL", "Review Link"],
            .segment: ["Country", "Territory"],
        ],
        source: .review, ratingScale: .stars5)

    // MARK: NPS tools

    static let delighted = FeedbackFormat(
        name: "Delighted (NPS)",
        signature: [["Score"], ["Comment"], ["Response ID", "Delighted Source", "Permalink", "Survey Type"]],
        fields: [
            .text: ["Comment"], .rating: ["Score"], .author: ["Name", "Email"], .date: ["Created At", "Created"],
            .origin: ["Permalink"], .segment: ["Plan", "Person Properties: Plan", "Properties: plan", "Segment"], .tags: ["Tags"],
        ],
        source: .survey, ratingScale: .nps)

    static let wootric = FeedbackFormat(
        name: "Wootric / InMoment (NPS)",
        signature: [["Score"], ["Text", "Comment", "Response"], ["End User Email", "End User ID", "End User External ID", "end_user.email"]],
        fields: [
            .text: ["Text", "Comment", "Response"], .rating: ["Score"],
            .author: ["End User Email", "end_user.email", "End User External ID"], .date: ["Created At", "Date", "Survey Date"],
            .segment: ["Plan", "end_user.properties.plan", "Segment"], .tags: ["Tags"],
        ],
        source: .survey, ratingScale: .nps)

    // MARK: Surveys

    static let surveyMonkey = FeedbackFormat(
        name: "SurveyMonkey responses",
        signature: [["Respondent ID"], ["Collector ID"]],
        fields: [.date: ["End Date", "Start Date"], .author: ["Email Address"]],
        source: .survey, hasQuestions: true,
        metadata: ["Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address", "Email Address",
                   "First Name", "Last Name", "Custom Data 1", "Custom Data"])

    static let typeform = FeedbackFormat(
        name: "Typeform responses",
        signature: [["Submit Date (UTC)", "Submitted At"], ["Network ID", "Token", "#"]],
        fields: [.date: ["Submit Date (UTC)", "Submitted At"], .tags: ["Tags"]],
        source: .survey, hasQuestions: true,
        metadata: ["#", "Response Type", "Start Date (UTC)", "Stage Date (UTC)", "Submit Date (UTC)", "Network ID", "Tags",
                   "Token", "Submitted At", "Landed At", "Ending", "Other"])

    /// Google Forms: a "Timestamp" first, then one column per question.
    static let googleForms = FeedbackFormat(
        name: "Google Forms responses",
        signature: [["Timestamp"]],
        accepts: { columns in
            FeedbackFormat.normalize(columns.first ?? "") == "timestamp"
                && columns.dropFirst().contains { $0.contains("?") || $0.split(separator: " ").count >= 4 }
        },
        fields: [.date: ["Timestamp"], .author: ["Email Address"]],
        source: .survey, hasQuestions: true, metadata: ["Timestamp", "Email Address", "Score"])

    // MARK: Help desks

    /// Zendesk's CSV export has no ticket body: the subject is the text.
    static let zendeskCSV = FeedbackFormat(
        name: "Zendesk tickets (CSV)",
        signature: [["Requester"], ["Subject"], ["Via"], ["Ticket type", "Requester email"]],
        fields: [
            .text: ["Subject"], .author: ["Requester", "Requester email"], .date: ["Created at"], .tags: ["Tags"],
            // A plan or tier custom field ("Plan [list]") is the segment; the organization only without one.
            .segment: ["Plan [list]", "Plan", "Tier [list]", "Segment [list]", "Organization"], .externalID: ["Id", "Ticket ID"],
        ],
        source: .support, ignores: [.source], spaceSeparatedTags: true, idNamespace: "zendesk")

    static let zendesk = FeedbackFormat(
        name: "Zendesk tickets (JSON)",
        signature: [["Subject", "subject"], ["Description", "description"],
                    ["Requester", "requester_id", "Requester id", "Requester email", "via.channel", "Via"]],
        fields: [
            .title: ["Subject"], .text: ["Description"],
            .author: ["Requester name", "requester.name", "Requester", "Requester email", "requester_id"],
            .date: ["Created at", "created_at"], .tags: ["Tags"], .origin: ["url", "URL"],
            .segment: ["Organization", "organization.name", "organization_id"], .externalID: ["id", "Ticket ID"],
        ],
        source: .support, ignores: [.source], idNamespace: "zendesk")

    /// Intercom's conversation and CSAT datasets: no message bodies; the text is the
    /// rating remark, else the AI issue summary, else the title. Date headers carry the
    /// workspace's time zone: "Conversation started at (Europe/Berlin)".
    static let intercom = FeedbackFormat(
        name: "Intercom conversations",
        signature: [["Conversation ID", "conversation_id"]],
        fields: [
            .text: ["Conversation rating remark", "Last teammate rating remark", "AI Issue summary", "Title", "Conversation body",
                    "First message", "source.body"],
            .author: ["User name", "User email", "Contact name", "Contact email"],
            .date: ["Conversation started at*", "Conversation created at*", "Updated at*", "Created at*"],
            .rating: ["Conversation rating", "Last teammate rating"], .tags: ["Conversation tag", "Topics", "Tags"],
            .origin: ["Conversation URL"], .segment: ["Company plan", "Company name"],
            .externalID: ["Conversation ID", "conversation_id"],
        ],
        source: .support, ratingScale: .stars5, ignores: [.source], idNamespace: "intercom")

    static let freshdesk = FeedbackFormat(
        name: "Freshdesk tickets",
        signature: [["Ticket ID", "Ticket Id"], ["Subject"]],
        fields: [
            .title: ["Subject"], .text: ["Description", "Description text"],
            .author: ["Full name", "Requester name", "Contact name", "Email", "Requester email"],
            .date: ["Created time", "Created at", "Created date"], .tags: ["Tags"],
            .segment: ["Company Name", "Company"], .externalID: ["Ticket ID"],
        ],
        source: .support, ignores: [.source], idNamespace: "freshdesk")

    // MARK: Feature-request boards

    static let canny = FeedbackFormat(
        name: "Canny posts",
        signature: [["Title"], ["Details"], ["Votes", "Score", "Vote Count"]],
        fields: [
            .title: ["Title"], .text: ["Details"], .votes: ["Votes", "Score", "Vote Count"],
            .author: ["Author Name", "Author", "Author Email"], .date: ["Created", "Created At", "Date"],
            .origin: ["URL", "Link", "Post URL"], .tags: ["Tags", "Category"], .segment: ["Company", "Company Name"],
            .externalID: ["Post ID", "ID", "URL", "Post URL"],
        ],
        source: "feature-request", idNamespace: "canny")

    /// UserVoice's full export has one row per voter: the same idea repeats, and the
    /// repeats are reported as duplicates.
    static let userVoice = FeedbackFormat(
        name: "UserVoice ideas",
        signature: [["Idea Title", "Suggestion Title", "Title"], ["Idea Description", "Suggestion Description", "Description"],
                    ["Voters Count", "Votes", "Supporters", "Supporter Count", "Vote Count"]],
        fields: [
            .title: ["Idea Title", "Suggestion Title", "Title"], .text: ["Idea Description", "Suggestion Description", "Description"],
            .votes: ["Voters Count", "Votes", "Supporters", "Supporter Count", "Vote Count"],
            .author: ["Idea Creator Name", "Idea Creator Email Address", "Creator Name", "Creator Email"],
            .date: ["Created Timestamp", "Created At", "Created"], .origin: ["URL", "Link"],
            .tags: ["Labels", "Category Name", "Category"], .segment: ["Forum Name"],
        ],
        source: "feature-request")

    static let productboard = FeedbackFormat(
        name: "Productboard notes",
        signature: [["Note text", "Note content", "Content", "Note"], ["Title", "Note title"],
                    ["Customer email", "Company name", "Company domain", "User email", "Note ID", "Source origin"]],
        fields: [
            .title: ["Title", "Note title"], .text: ["Note text", "Note content", "Content", "Note"],
            .author: ["Customer name", "User name", "Customer email", "User email"],
            .date: ["Created at", "Created"], .tags: ["Tags", "Features"], .origin: ["Source URL", "Display URL", "URL", "Link"],
            .segment: ["Company name", "Company"],
        ],
        source: "feature-request")
}
