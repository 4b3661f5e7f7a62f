#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// llama.cpp's own HTTP server on 127.0.0.1 with a tiny random-weight model written by
/// `scripts/make-tiny-model.py`, run by `scripts/llama-server.py` (Python packages
/// xllamacpp, gguf and numpy; `.ci/run` installs them). Stopped when released.
public final class LlamaServer: @unchecked Sendable {
    public let port: Int
    private let pid: pid_t

    /// Why the server could not start, with what to do about it.
    public struct Unavailable: Error, CustomStringConvertible {
        public var description: String
    }

    /// The repository's root (found from this file's location).
    public static var repository: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    public init(folder: URL) throws {
        let model = folder.appendingPathComponent("tiny.gguf")
        let made = try run(URL(fileURLWithPath: "/usr/bin/env"),
                           ["python3", Self.repository.appendingPathComponent("scripts/make-tiny-model.py").path, model.path])
        guard made.status == 0 else {
            throw Unavailable(description: "could not write the tiny model (pip install gguf numpy): \(made.standardError.suffix(400))")
        }
        let log = folder.appendingPathComponent("llama-server.log")
        for attempt in 0..<5 {
            let port = Int.random(in: 20_000...40_000)
            var pid: pid_t = 0
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 1, log.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
            let arguments = ["/usr/bin/env", "python3", Self.repository.appendingPathComponent("scripts/llama-server.py").path, model.path, String(port)]
            let argv = arguments.map { strdup($0) } + [nil]
            let spawned = posix_spawn(&pid, arguments[0], &actions, nil, argv, environ)
            argv.forEach { free($0) }
            posix_spawn_file_actions_destroy(&actions)
            guard spawned == 0 else { throw Unavailable(description: "could not start python3") }
            for _ in 0..<300 {
                let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
                if text.contains("ready") {
                    self.port = port
                    self.pid = pid
                    return
                }
                var status: Int32 = 0
                if waitpid(pid, &status, WNOHANG) == pid { break }  // it exited (port taken, module missing…)
                usleep(100_000)
            }
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            if text.contains("No module named") || attempt == 4 {
                throw Unavailable(description: "llama.cpp's server did not start (pip install xllamacpp gguf numpy): \(text.suffix(600))")
            }
        }
        throw Unavailable(description: "llama.cpp's server did not start")
    }

    deinit {
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
    }

    public var baseURL: String { "http://127.0.0.1:\(port)/v1" }
}
