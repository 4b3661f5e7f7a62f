#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// A real terminal for end-to-end tests: a detached tmux session on its own server socket,
/// driven with `send-keys` and read with `capture-pane`.
public final class TmuxSession: @unchecked Sendable {
    public let socket: String
    public let name = "podium"

    /// Where tmux is; nil when it is not installed (CI installs it).
    public static var executable: URL? {
        for folder in ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"] {
            let url = URL(fileURLWithPath: folder + "/tmux")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }

    /// Starts `command` (a shell command line) in a new session of `width`×`height`.
    public init(command: String, width: Int, height: Int, environment: [String: String] = [:]) throws {
        socket = "podium-test-\(UUID().uuidString.prefix(8))"
        let exports = environment.map { "export \($0.key)='\($0.value)';" }.joined(separator: " ")
        try tmux(["new-session", "-d", "-s", name, "-x", String(width), "-y", String(height), "sh -c \"\(exports) \(command)\""])
        serverPID = (try? tmux(["display-message", "-p", "#{pid}"])).flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    /// The tmux server's process, killed outright if `kill-server` does not end it (a server
    /// whose shell went through job control has been seen to outlive it).
    private var serverPID: Int32?

    deinit {
        _ = try? tmux(["kill-server"])
        if let serverPID, kill(serverPID, 0) == 0 {
            usleep(100_000)
            if kill(serverPID, 0) == 0 { kill(serverPID, SIGKILL) }
        }
    }

    /// Sends keys as tmux names them ("q", "Enter", "Escape", "Tab", "BTab", "C-c").
    /// Runs a tmux command on this session's server, e.g. `["show-buffer"]` (what a program
    /// put on the clipboard with OSC 52, once `set-clipboard` is on).
    @discardableResult
    public func run(_ arguments: [String]) throws -> String {
        try tmux(arguments)
    }

    public func send(_ keys: String...) throws {
        for key in keys { try tmux(["send-keys", "-t", name, key]) }
    }

    /// Sends text literally, one key per character.
    public func type(_ text: String) throws {
        try tmux(["send-keys", "-t", name, "-l", text])
    }

    /// Changes the terminal's size.
    public func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", name, "-x", String(width), "-y", String(height)])
    }

    /// A tmux format evaluated for the pane, e.g. "#{keypad_cursor_flag}" (whether the
    /// program left the cursor keys in application mode).
    public func format(_ text: String) throws -> String {
        try tmux(["display-message", "-p", "-t", name, text]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The screen as text.
    public func screen() throws -> String {
        try tmux(["capture-pane", "-p", "-t", name])
    }

    /// Waits until the screen contains `text` (a liveness limit, not a timing check); returns the screen.
    @discardableResult
    public func waitFor(_ text: String, timeout: TimeInterval = 15) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if last.contains(text) { return last }
            usleep(50_000)
        }
        struct NotShown: Error, CustomStringConvertible {
            var description: String
        }
        throw NotShown(description: "the screen never showed \"\(text)\"; it shows:\n\(last)")
    }

    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        guard let executable = Self.executable else {
            struct Missing: Error {}
            throw Missing()
        }
        // Spawned directly and waited for with waitpid: tmux's first command starts a server
        // that keeps inherited descriptors, which makes Foundation's Process wait forever.
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("\(socket)-\(UUID().uuidString.prefix(6)).out")
        defer { try? FileManager.default.removeItem(at: output) }
        let status = spawnAndWait(executable.path, ["-L", socket, "-f", "/dev/null"] + arguments, output: output.path)
        let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
        guard status == 0 else {
            struct Failed: Error, CustomStringConvertible {
                var description: String
            }
            throw Failed(description: "tmux \(arguments.joined(separator: " ")): \(text)")
        }
        return text
    }
}

/// Runs a program with its output in `output` and no input, and returns its exit status.
func spawnAndWait(_ path: String, _ arguments: [String], output: String) -> Int32 {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)
    let argv = ([path] + arguments).map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var pid: pid_t = 0
    guard posix_spawn(&pid, path, &actions, nil, argv, environ) == 0 else { return -1 }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    return (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
}
