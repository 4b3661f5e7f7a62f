import Foundation
import PodiumCore
import PodiumEngine
import PodiumExchange

/// The Influencer's loop closed: P marks the selected communication sent (by what, and when),
/// c copies it to the clipboard as plain text, E exports it to a file; u undoes a P.
extension AppState {
    mutating func communicationAction(_ action: Action) -> [Effect] {
        guard focusedView.id == .communications else {
            message = "That key works in the Influencer pane (\((Panes.index(of: .influencer) ?? 5) + 1))."
            return []
        }
        guard let communication = selectedRow.flatMap({ snapshot.communications[RecordID($0.id)] }) else {
            message = "No update or release notes is selected."
            return []
        }
        switch action {
        case .markSent:
            if communication.body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                message = "“\(Format.clean(communication.title))” has no text yet: accept or write its draft first (7 lists the drafts)."
                return []
            }
            if communication.status == .sent {
                message = "“\(Format.clean(communication.title))” was sent already" + (communication.sentAt.map { " on \(Format.day($0))" } ?? "")
                    + (communication.channel.map { " by \(Format.clean($0))" } ?? "") + "."
                return []
            }
            mode = .prompt(Prompt(purpose: .communicationSent(communication.id), text: communication.channel ?? ""))
        case .copyCommunication:
            message = "Copying “\(Format.clean(communication.title))”…"
            return [.copyToClipboard(text: CommunicationText.plain(communication), what: "“\(Format.clean(communication.title))”")]
        default:
            mode = .prompt(Prompt(purpose: .exportPath(communication.id), text: "./" + Self.fileName(communication.title) + ".md"))
        }
        return []
    }

    /// Reads "email" or "Slack #product 2026-12-05" and marks the communication sent.
    mutating func sent(_ id: RecordID<Communication>, typed text: String, prompt: inout Prompt) -> [Effect] {
        guard let (channel, date) = CommunicationEditor.parse(text, today: now()) else {
            prompt.note = "“\(text.split(separator: " ").last ?? "")” is not a date: YYYY-MM-DD, e.g. 2026-12-05"
            mode = .prompt(prompt)
            return []
        }
        mode = .normal
        return [.write(.markCommunicationSent(id, channel: channel, date: date), summary: "Mark sent")]
    }

    /// Lets u take back marking a communication sent.
    mutating func finishSent(_ before: Communication) {
        let title = Format.clean(before.title)
        pushUndo(UndoEntry(description: "marked “\(title)” sent", restore: .restoreCommunication(before)))
        message = "Marked “\(title)” sent · u undoes"
    }

    /// A file name from a title: "Stakeholder update (leadership)" → "stakeholder-update-leadership".
    static func fileName(_ title: String) -> String {
        let words = title.lowercased().split { !$0.isLetter && !$0.isNumber }.prefix(8)
        return words.isEmpty ? "communication" : words.joined(separator: "-")
    }
}
