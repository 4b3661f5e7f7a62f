import Foundation
import PodiumCore
import PodiumStore

/// What the program reports back: the outcome of each effect it carried out, and the work
/// done in the background. Nothing else writes the state.
extension AppState {
    /// How long a key's answer stays before a notice replaces it (a later notice follows it).
    static let answerReadingTime: TimeInterval = 3

    mutating func receiveOutcome(_ msg: Msg) -> [Effect] {
        switch msg {
        case let .show(text):
            message = text.sanitizedForTerminal()
        case let .notices(notices):
            show(notices)
        case let .draftReady(id):
            pendingSelection = id
            selectPendingDraft()
        case let .refreshed(snapshot, generation, changed):
            replaceSnapshot(snapshot, changes: nil, generation: generation)
            selectPendingDraft()
            message = changed ? "Reloaded." : "Up to date."
        case let .reloadFailed(reason):
            message = "Reload failed: \(reason)"
        case let .imported(summary):
            message = summary
        case let .importFailed(reason):
            message = "Not imported: \(reason.split(separator: "\n").first ?? "")"
        case let .effectFailed(reason):
            message = reason
        case let .scrollLimit(limit):
            clampScroll(to: limit)
        case var .settingsChanged(settings):
            settings.portfolio = settings.portfolio ?? paneSettings.portfolio
            paneSettings = settings
        case let .providersChosen(providers):
            providerForKind = providers
        case .key, .resized, .focus, .workspaceChanged, .workspacePrepared, .writeFailed, .jobActivity, .jobText, .reviewed, .backlogEdited, .fieldEdited, .communicationSent, .productEdited, .background, .documentEdited,
             .importPreviewed, .orchestrated, .portfolioRead, .portfolioReviewed, .tick:
            break  // handled by `update`
        }
        return []
    }

    /// Shows notices in order. What was shown a moment ago (a key's answer, an import) stays
    /// readable: what arrives just after follows it instead of replacing it.
    private mutating func show(_ notices: [Notice]) {
        guard !notices.isEmpty else { return }
        let pointer = focusedPane.isInbox ? nil : notices.compactMap(\.pointer).last
        let text = notices.map(\.text).joined(separator: " · ") + (pointer.map { " · " + $0 } ?? "")
        if let shown = message, now().timeIntervalSince(messageShownAt) < Self.answerReadingTime, shown.count < 400 {
            let wasNotice = messageIsNotice
            message = shown + " · " + text
            messageIsNotice = wasNotice
        } else {
            notify(text)
            messageShownAt = now()
        }
    }

    /// Selects the newest draft in the Orchestrator once its row is there.
    mutating func selectPendingDraft() {
        guard let id = pendingSelection, selectInOrchestrator(id) else { return }
        pendingSelection = nil
    }

    /// Stops the open text's scroll at `limit` (help, a detail, a draft).
    private mutating func clampScroll(to limit: Int) {
        switch mode {
        case let .help(scroll) where scroll > limit: mode = .help(scroll: limit)
        case let .detail(scroll) where scroll > limit: mode = .detail(scroll: limit)
        case var .draft(view) where view.scroll > limit:
            view.scroll = limit
            mode = .draft(view)
        case var .record(trail) where trail.current.scroll > limit:
            trail.current.scroll = limit
            mode = .record(trail)
        default: break
        }
    }
}

extension Msg {
    /// Whether the message answers something the user did (a key, or the outcome of what a key
    /// asked for), rather than reporting work done in the background.
    var answersTheUser: Bool {
        switch self {
        case .key, .reviewed, .importPreviewed, .orchestrated, .refreshed, .imported, .importFailed, .effectFailed, .writeFailed,
             .backlogEdited, .fieldEdited, .communicationSent, .productEdited, .documentEdited, .portfolioReviewed: true
        case .background: false
        case .resized, .focus, .workspaceChanged, .workspacePrepared, .jobActivity, .jobText, .show, .notices, .draftReady, .reloadFailed,
             .scrollLimit, .settingsChanged, .providersChosen, .tick: false
        case let .portfolioRead(_, request): request == .switcher
        }
    }
}
