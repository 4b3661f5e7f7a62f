import Foundation
import PodiumRender
import PodiumTUI
import Testing

/// The repository's Themes/ folder, found from this source file.
private let themesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Themes")

@Suite("Theme files")
struct ThemeFilesTests {
    @Test("each file in Themes/ is the built-in theme of its name", arguments: ["dark", "light", "high-contrast"])
    func matchesBuiltIn(name: String) throws {
        let file = themesFolder.appendingPathComponent(name + ".json")
        if ProcessInfo.processInfo.environment["PODIUM_RECORD_THEMES"] == "1", let theme = Themes.builtIn.first(where: { $0.name == name }) {
            try Data(Themes.json(theme).utf8).write(to: file)
        }
        let loaded = try Themes.load(file)
        #expect(loaded == Themes.builtIn.first { $0.name == name })
    }

    @Test("a bad theme file names the file and the field")
    func badTheme() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("podium-theme-\(UUID().uuidString.prefix(6))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("broken.json")
        try Data(#"{"roles": {"text": {"fg": 300}}}"#.utf8).write(to: file)
        #expect(throws: Themes.ThemeError(file: file.path, reason: "roles.text.fg must be 0–255 or \"default\"")) {
            try Themes.named("broken", searching: [folder])
        }
        try Data(#"{"roles": {"txt": {}}}"#.utf8).write(to: file)
        do {
            _ = try Themes.named("broken", searching: [folder])
            Issue.record("expected an error")
        } catch let error as Themes.ThemeError {
            #expect(error.reason.hasPrefix("unknown role \"txt\""))
        }
        #expect(throws: Themes.ThemeError.self) { try Themes.named("no-such-theme", searching: [folder]) }
    }
}
