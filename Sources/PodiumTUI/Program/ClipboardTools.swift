import Foundation

/// The system's clipboard programs, for when the terminal cannot be asked (or as well as
/// it): wl-copy on Wayland, xclip or xsel on X11, pbcopy on macOS; only those installed, and
/// only when their display is there.
enum ClipboardTools {
    /// The first usable tool: its name and how to run it.
    static func available(environment: [String: String] = ProcessInfo.processInfo.environment) -> (name: String, path: String, arguments: [String])? {
        let wayland = environment["WAYLAND_DISPLAY"].map { !$0.isEmpty } ?? false
        let x11 = environment["DISPLAY"].map { !$0.isEmpty } ?? false
        let candidates: [(name: String, arguments: [String], usable: Bool)] = [
            ("wl-copy", [], wayland), ("xclip", ["-selection", "clipboard"], x11), ("xsel", ["--clipboard", "--input"], x11),
            ("pbcopy", [], true),
        ]
        let folders = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        for candidate in candidates where candidate.usable {
            for folder in folders {
                let path = folder + "/" + candidate.name
                if FileManager.default.isExecutableFile(atPath: path) { return (candidate.name, path, candidate.arguments) }
            }
        }
        return nil
    }

    /// Gives `text` to the tool on its standard input; false when it failed.
    static func copy(_ text: String, with tool: (name: String, path: String, arguments: [String])) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool.path)
        process.arguments = tool.arguments
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
            input.fileHandleForWriting.write(Data(text.utf8))
            try input.fileHandleForWriting.close()
            process.waitUntilExit()
            return process.terminationStatus == 0
        } catch {
            return false
        }
    }
}
