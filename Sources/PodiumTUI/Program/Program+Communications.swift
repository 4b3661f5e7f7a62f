import Foundation
import PodiumCore
import PodiumEngine
import PodiumExchange
import PodiumStore
import PodiumViewModels

/// Closing the loop on communications in the program: marked sent (and its undo), copied to
/// the clipboard, exported to a file.
extension Program {
    func markSent(_ id: RecordID<Communication>, channel: String?, at date: Date) -> [Msg] {
        do {
            let before = try CommunicationEditor(store: store).markSent(id, channel: channel, at: date)
            return [changed([.communications, .audit]), .communicationSent(before: before)]
        } catch {
            return [.writeFailed("\(error)")]
        }
    }

    func restoreCommunication(_ before: Communication) -> [Msg] {
        do {
            try CommunicationEditor(store: store).restore(before)
            return [changed([.communications, .audit])]
        } catch {
            return [.writeFailed("\(error)")]
        }
    }

    /// Puts text on the clipboard every way this machine allows, and says which.
    func copyToClipboard(_ text: String, what: String) -> [Msg] {
        var ways: [String] = []
        if backend.copyToClipboard(text) { ways.append("through the terminal (OSC 52)") }
        if let tool = ClipboardTools.available(), ClipboardTools.copy(text, with: tool) { ways.append("with \(tool.name)") }
        guard !ways.isEmpty else {
            return [.effectFailed("Could not copy \(what): this terminal cannot be asked (OSC 52) and no clipboard program "
                + "(wl-copy, xclip, xsel, pbcopy) is installed. E exports it to a file instead.")]
        }
        return [.show("Copied \(what) to the clipboard " + ways.joined(separator: " and ") + ".")]
    }

    /// Writes a communication to `path` (plain text for .txt, else Markdown), private to the user.
    func exportCommunication(_ id: RecordID<Communication>, to path: String) -> [Msg] {
        guard let communication = store.snapshot.communications[id] else {
            return [.effectFailed("Cannot export: the communication is no longer in the workspace.")]
        }
        let expanded = (path as NSString).expandingTildeInPath
        let format = CommunicationText.Format.forFile(expanded)
        do {
            try AtomicFile.write(Data(CommunicationText.render(communication, as: format).utf8), to: expanded)
            return [.show("Exported “\(Format.clean(communication.title))” to \(Format.clean(expanded)) (\(format == .text ? "plain text" : "Markdown")).")]
        } catch {
            return [.effectFailed("Could not write \(Format.clean(expanded)): \(error)")]
        }
    }
}
