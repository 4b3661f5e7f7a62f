import ArgumentParser
import Foundation
import PodiumCurses
import PodiumEngine
import PodiumExchange
import PodiumRender
import PodiumStore
import PodiumTUI
import PodiumViewModels

/// Options that choose how the dashboard looks.
struct DisplayOptions: ParsableArguments {
    @Option(help: "The theme: dark, light, high-contrast, monochrome, or a file NAME.json in ~/.config/podium/themes.")
    var theme: String?
}

/// Starts the terminal dashboard on a workspace.
enum Dashboard {
    /// The theme and keys to use, from the option, the config file and the environment.
    /// Problems with the config or theme are printed, and the first one is also shown in
    /// the dashboard's status bar (the terminal's own output is hidden while it runs).
    static func settings(themeOption: String?) -> (Theme, UserConfig, noColor: Bool, warning: String?) {
        let config = UserConfig.load()
        var warnings = config.warnings
        let noColor = !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        let name = themeOption ?? config.theme ?? "dark"
        var theme = Themes.dark
        do {
            theme = try Themes.named(name, searching: [UserConfig.folder().appendingPathComponent("themes")])
        } catch {
            warnings.append("\(error)")
        }
        for warning in warnings { Console.warning(warning) }
        let summary = warnings.first.map { warnings.count > 1 ? "\($0) (and \(warnings.count - 1) more)" : $0 }
        return (noColor ? .monochrome : theme, config, noColor, summary)
    }

    /// Runs the dashboard on an open workspace until the user quits (or on the products the
    /// user switches to with Ctrl-O).
    static func open(_ store: WorkspaceStore, themeOption: String?) throws {
        let (theme, config, noColor, warning) = settings(themeOption: themeOption)
        try withTerminal(noColor: noColor) { terminal in
            let program = Program(store: store, backend: terminal, theme: theme, keyMap: config.keyMap, message: warning)
            try runSwitching(program, store: store, config: config, terminal: terminal, theme: theme)
        }
    }

    /// Shows the dashboard at once and opens the workspace at `location` behind a loading
    /// screen, then runs it until the user quits.
    static func open(at location: URL, themeOption: String?) throws {
        guard FileManager.default.fileExists(atPath: location.appendingPathComponent("workspace.json").path) else {
            throw StoreError.notAWorkspace(path: location.standardizedFileURL.path)
        }
        let (theme, config, noColor, warning) = settings(themeOption: themeOption)
        try withTerminal(noColor: noColor) { terminal in
            guard let (store, initial) = try Program.load(location, backend: terminal, theme: theme, keyMap: config.keyMap) else { return }
            var state = initial
            if let warning, state.message == nil { _ = state.update(.show("Config: " + warning)) }
            try runSwitching(Program(store: store, state: state, backend: terminal, theme: theme), store: store, config: config,
                             terminal: terminal, theme: theme)
        }
    }

    /// Runs `program`, then each product the user opens with Ctrl-O in its place (behind the
    /// loading screen), on the same terminal; a product opened again finds its pane and
    /// selection as the user left them.
    private static func runSwitching(_ first: Program, store: WorkspaceStore, config: UserConfig, terminal: CursesTerminal, theme: Theme) throws {
        var program = first
        var store = store
        var places: [String: AppState.Place] = [:]
        while true {
            program.portfolio = { [current = store.layout.rootPath] in readPortfolio(current: current) }
            try run(program, store: store, config: config)
            guard let next = program.nextWorkspace else { return }
            places[store.layout.rootPath] = program.state.place
            let loaded: (WorkspaceStore, AppState)?
            guard FileManager.default.fileExists(atPath: next.appendingPathComponent("workspace.json").path) else {
                // Moved or deleted since the list was read: this product stays open, saying so.
                var state = program.state
                _ = state.update(.show("\(next.path) is no longer there (moved, deleted, or on a disk not plugged in): Ctrl-O lists the products again.".sanitizedForTerminal()))
                program = Program(store: store, state: state, backend: terminal, theme: theme)
                continue
            }
            do {
                loaded = try Program.load(next, backend: terminal, theme: theme, keyMap: config.keyMap)
            } catch {
                // The product stays open, saying why the other one could not be.
                var state = program.state
                _ = state.update(.show("Could not open \(next.path): \(error)".sanitizedForTerminal()))
                program = Program(store: store, state: state, backend: terminal, theme: theme)
                continue
            }
            guard let (opened, initial) = loaded else { return }
            var state = initial
            if let place = places[opened.layout.rootPath] { state.restore(place) }
            if let draft = program.nextDraft {
                state.review(arrivingAt: draft, listedAs: program.state.paneSettings.portfolio?.product(at: opened.layout.rootPath)?.name)
            }
            store = opened
            program = Program(store: opened, state: state, backend: terminal, theme: theme)
        }
    }

    /// The portfolio's products with their drafts waiting and jobs running, for the switcher
    /// and the All products view (a list that cannot be read shows as no list).
    static func readPortfolio(current: String) -> PortfolioInbox {
        do {
            return PortfolioInbox.read(try Portfolio.load(from: UserConfig.folder()), current: current)
        } catch {
            var inbox = PortfolioInbox.read(Portfolio.empty(in: UserConfig.folder()), current: current)
            inbox.problem = "\(error)".sanitizedForTerminal()
            return inbox
        }
    }

    /// Runs the program with a job engine; jobs still running at the end are saved as
    /// interrupted, and jobs an earlier crash left behind are marked so first.
    private static func run(_ program: Program, store: WorkspaceStore, config: UserConfig) throws {
        let config = config.forWorkspace(store.layout.root)
        if let warning = config.warnings.first { program.show("Config: " + warning) }
        let providers = config.providers
        let session = try JobSession(store: store, providers: providers, trust: config.automation.trust, concurrency: config.jobsAtOnce, quiet: true)
        program.useProviders { kind, stance in providers.info(for: providers.providerName(for: kind, stance: stance)) }
        program.attach(session.engine)
        defer { session.engine.shutdown() }
        // Automation while the dashboard is open: the inbox folder and the rules that fall due.
        let inbox = InboxFolder(folder: config.automation.inboxFolder(workspace: store.layout.root))
        let unsafe = InboxFolder.unsafeReason(inbox.folder, workspace: store.layout.root, home: ProcessInfo.processInfo.environment["HOME"])
        let watched = store.readOnlyReason == nil && unsafe == nil && (try? inbox.prepare()) != nil
        if let unsafe { program.show("Config: inbox not watched: \(unsafe)") }
        program.useSettings(PaneSettings(minutesSaved: config.automation.minutesSaved, trust: config.automation.trust,
                                         inboxPath: watched ? Program.shortPath(inbox.folder.path) : nil))
        let runner = AutomationRunner(store: store, engine: session.engine) { kind, stance in
            providers.info(for: providers.providerName(for: kind, stance: stance))
        }
        // A read-only workspace is only read: no rule runs, no inbox is watched.
        let loop = store.readOnlyReason == nil ? AutomationLoop(store: store, runner: runner, inbox: watched ? inbox : nil) : nil
        if let loop { program.startAutomation(loop) }
        defer { loop?.stop() }
        program.run()
    }

    /// Runs `body` with the terminal taken over, and gives it back however `body` ends.
    private static func withTerminal(noColor: Bool, _ body: (CursesTerminal) throws -> Void) throws {
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal(noColor: noColor)
        } catch {
            throw CommandFailure(message: "\(error)")
        }
        do {
            try body(terminal)
        } catch {
            terminal.close()
            throw error
        }
        let signal = terminal.stopSignal
        terminal.close()
        // Stopped by a signal: the terminal is restored; exit as a process killed by it would.
        if let signal { Foundation.exit(128 + signal) }
    }
}
