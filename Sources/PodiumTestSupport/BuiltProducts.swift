import Foundation

/// Finds the executables SwiftPM built next to the running test binary.
public enum BuiltProducts {
    /// The folder holding the built products (e.g. `.build/debug`).
    public static var folder: URL {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var candidates = [executable.deletingLastPathComponent()]
        #if os(macOS)
        candidates = Bundle.allBundles.filter { $0.bundlePath.hasSuffix(".xctest") }
            .map { $0.bundleURL.deletingLastPathComponent() } + candidates
        #endif
        candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
        for candidate in candidates where FileManager.default.fileExists(atPath: candidate.appendingPathComponent("podium").path) {
            return candidate
        }
        return candidates[0]
    }

    /// The path of the built executable `name`.
    public static func executable(_ name: String) -> URL {
        folder.appendingPathComponent(name)
    }
}
