import PodiumCore
import PodiumRender
import PodiumStore

/// The Influencer's pane: stakeholder updates and release notes, sent and in progress.
public struct InfluencerPane: Pane {
    public var stance: Stance { .influencer }
    public var name: String { "influencer" }
    public var views: [any PaneView] { [CommunicationsView()] }
    public var shortTitle: String { "Influencer" }
    public var tinyTitle: String { "Influence" }
    public var themeRole: ThemeRole { .influencer }
    public var showAction: Action { .showInfluencer }
    public var collections: Set<RecordCollection> { [.communications] }
}

extension ThemeRole {
    /// The Influencer pane's tab.
    public static let influencer = ThemeRole(rawValue: "influencer")
}

/// The communications, newest first; those not sent yet stand out.
struct CommunicationsView: PaneView {
    var name: String { "updates and release notes" }
    var id: PaneViewID { .communications }

    func content(in snapshot: WorkspaceSnapshot, settings: PaneSettings) -> PaneContent {
        let messages = snapshot.communications.values.sorted { $0.createdAt > $1.createdAt }
        return PaneContent(
            title: "Influencer — updates and release notes",
            summary: [.init("\(messages.filter { $0.status == .sent }.count) sent · \(messages.filter { $0.status != .sent }.count) in progress", .muted)],
            columns: [.init("STATUS", width: 6), .init("KIND", width: 18), .init("AUDIENCE", width: 14), .init("TITLE")],
            rows: messages.map { message in
                .init(id: message.id.rawValue,
                      cells: [message.status.rawValue, message.kind.rawValue, Format.clean(message.audience), Format.clean(message.title)],
                      tone: message.status == .sent ? .muted : .accent)
            },
            emptyMessage: "No communications yet: w drafts a stakeholder update, r release notes", hints: "Enter read · P sent · c copy · E export",
            counts: "\(messages.count) communications")
    }

    func detail(of id: String, in snapshot: WorkspaceSnapshot, evidence: EvidenceIndex, settings: PaneSettings) -> [PaneContent.Line] {
        guard let message = snapshot.communications[RecordID(id)] else { return [] }
        var lines: [PaneContent.Line] = [.init(Format.clean(message.title), .accent),
                                         .init("\(message.kind.rawValue) for \(Format.clean(message.audience)) · \(message.status.rawValue)"
                                               + (message.sentAt.map { " \(Format.day($0))" } ?? "") + (message.channel.map { " by \(Format.clean($0))" } ?? "")
                                               + (message.evidence.map { " · rests on \($0.count) record\($0.count == 1 ? "" : "s")" } ?? ""), .muted),
                                         .init("")]
        guard !message.body.isEmpty else { return lines + [.init("(empty: not written yet)", .muted)] }
        // The body as the draft review shows it: headings stand out, no Markdown marks.
        lines += MarkdownLines.lines(message.body).map { .init($0.text, $0.style == .heading ? .accent : $0.style == .rule ? .muted : .normal) }
        return lines
    }
}

extension PaneViewID {
    /// The Influencer's updates and release notes.
    public static let communications = PaneViewID(rawValue: "communications")
}
