import PodiumCore

/// The trackers' export layouts Podium recognises, most specific first. docs/IMPORT.md
/// lists them with their columns and status tables.
extension BacklogFormat {
    static let known: [BacklogFormat] = [jira, azureDevOps, linear, gitHubIssues]

    /// Jira's "Export Excel CSV (all fields)": one "Labels" column per label (read as one list).
    static let jira = BacklogFormat(
        name: "Jira issues",
        signature: [["Issue key"], ["Summary"], ["Issue Type", "Issue id"]],
        fields: [
            .key: ["Issue key"], .title: ["Summary"], .description: ["Description"], .status: ["Status"],
            .estimate: ["Custom field (Story Points)", "Custom field (Story point estimate)", "Story Points", "Story point estimate"],
            .tags: ["Labels"],
        ],
        statuses: [
            .proposed: ["To Do", "Open", "Backlog", "New", "Reopened"],
            .ready: ["Selected for Development", "Ready", "Ready for Development"],
            .inProgress: ["In Progress", "In Review", "In Development", "Code Review"],
            .done: ["Done", "Closed", "Resolved"],
            .dropped: ["Won't Do", "Won't Fix", "Cancelled", "Canceled", "Declined", "Rejected", "Duplicate"],
        ])

    /// Azure Boards' query results exported as CSV (Scrum, Agile, CMMI and Basic processes).
    static let azureDevOps = BacklogFormat(
        name: "Azure DevOps work items",
        signature: [["ID"], ["Work Item Type"], ["Title"], ["State"]],
        fields: [
            .key: ["ID"], .title: ["Title"], .description: ["Description"], .status: ["State"],
            .estimate: ["Effort", "Story Points", "Size"], .tags: ["Tags"],
        ],
        statuses: [
            .proposed: ["New", "Proposed", "To Do"],
            .ready: ["Approved"],
            // "Resolved" is in Azure's Resolved category, before Completed: not done yet.
            .inProgress: ["Committed", "Active", "Doing", "Resolved"],
            .done: ["Done", "Closed"],
            .dropped: ["Removed"],
        ])

    /// Linear's CSV export (Settings → Import/Export).
    static let linear = BacklogFormat(
        name: "Linear issues",
        signature: [["ID"], ["Team"], ["Title"], ["Status"]],
        fields: [
            .key: ["ID"], .title: ["Title"], .description: ["Description"], .status: ["Status"], .estimate: ["Estimate"],
            .tags: ["Labels"],
        ],
        statuses: [
            .proposed: ["Backlog", "Triage"],
            .ready: ["Todo"],
            .inProgress: ["In Progress", "In Review"],
            .done: ["Done"],
            .dropped: ["Canceled", "Cancelled", "Duplicate"],
        ])

    /// `gh issue list --json number,title,body,state,labels`: a JSON array; each label an
    /// object with a "name".
    static let gitHubIssues = BacklogFormat(
        name: "GitHub issues",
        signature: [["number"], ["title"], ["state"]],
        fields: [.key: ["number"], .title: ["title"], .description: ["body"], .status: ["state"], .tags: ["labels"]],
        keyPrefix: "#",
        statuses: [.proposed: ["open"], .done: ["closed"]])
}
