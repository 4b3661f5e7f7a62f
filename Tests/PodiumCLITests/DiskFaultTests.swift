import Foundation
import PodiumCore
import PodiumStore
import PodiumTestSupport
import Testing

/// Real file-system faults, through the built binary: a read-only bind mount and a full
/// tmpfs. They need `mount` (root); where it is refused the tests show as skipped.
@Suite("Read-only and full disks", .serialized)
struct DiskFaultTests {
    /// Whether this process may mount (tried once, on a scratch folder).
    static let canMount: Bool = {
        guard let folder = try? TemporaryDirectory("podium-mount-probe") else { return false }
        let target = folder.url.path + "/m"
        try? FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        guard (try? run(URL(fileURLWithPath: "/bin/mount"), ["-t", "tmpfs", "-o", "size=64k", "tmpfs", target]))?.status == 0 else { return false }
        _ = try? run(URL(fileURLWithPath: "/bin/umount"), [target])
        return true
    }()

    private func podium(_ arguments: [String], home: URL) throws -> ProcessResult {
        try run(BuiltProducts.executable("podium"), arguments,
                environment: ["HOME": home.path, "XDG_DATA_HOME": "", "PODIUM_WORKSPACE": "", "COLUMNS": "120"])
    }

    private func mount(_ arguments: [String]) throws {
        let result = try run(URL(fileURLWithPath: "/bin/mount"), arguments)
        #expect(result.status == 0, "mount \(arguments): \(result.standardError)")
    }

    private func unmount(_ path: String) {
        _ = try? run(URL(fileURLWithPath: "/bin/umount"), [path])
    }

    private func files(_ root: String) -> [String] {
        (FileManager.default.subpaths(atPath: root) ?? []).sorted()
    }

    @Test("a workspace on a read-only mount: list, snapshot and export work; an import is refused with the reason, and the dashboard says READ-ONLY",
          .enabled(if: canMount, "needs mount (root)"))
    func readOnlyMount() throws {
        let home = try TemporaryDirectory("podium-read-only")
        let source = home.url.path + "/ws", mounted = home.url.path + "/ro"
        #expect(try podium(["demo", "--no-open", "--bare", "--size", "60", "--workspace", source], home: home.url).status == 0)
        try FileManager.default.createDirectory(atPath: mounted, withIntermediateDirectories: true)
        try mount(["--bind", source, mounted])
        defer { unmount(mounted) }
        try mount(["-o", "remount,bind,ro", mounted])
        let before = files(source)

        let list = try podium(["list", "feedback", "--json", "--workspace", mounted], home: home.url)
        #expect(list.status == 0, "\(list.standardError)")
        #expect(try WorkspaceJSON.decoder().decode([FeedbackItem].self, from: Data(list.standardOutput.utf8)).count == 60)
        #expect(try podium(["snapshot", "--workspace", mounted], home: home.url).status == 0)
        let export = try podium(["export", "--workspace", mounted, "-o", home.url.path + "/out"], home: home.url)
        #expect(export.status == 0, "\(export.standardError)")

        let csv = home.url.path + "/new.csv"
        try "text\nA new complaint\n".write(toFile: csv, atomically: true, encoding: .utf8)
        let imported = try podium(["import", "feedback", csv, "--workspace", mounted], home: home.url)
        #expect(imported.status == 1)
        #expect(imported.standardError.contains("is open read-only (it is on a read-only file system): nothing was written"), "\(imported.standardError)")
        #expect(files(source) == before)

        let tmux = try TmuxSession(command: "\(BuiltProducts.executable("podium").path) --workspace \(mounted)", width: 140, height: 30,
                                   environment: ["HOME": home.url.path])
        _ = try tmux.waitFor("Read-only: it is on a read-only file system. Everything can be read; changes are refused.")
        try tmux.send("4", "j", "K")  // move the second item up: refused, with the reason
        _ = try tmux.waitFor("is open read-only (it is on a read-only file system): nothing was written")
        try tmux.send("Escape", "j")
        _ = try tmux.waitFor("READ-ONLY · ")
        try tmux.send("q")
        #expect(files(source) == before)
    }

    @Test("a full disk: a change the journal took is reported as saved, reading works meanwhile, and it is finished once there is room",
          .enabled(if: canMount, "needs mount (root)"))
    func fullDisk() throws {
        let home = try TemporaryDirectory("podium-full-disk")
        let disk = home.url.path + "/disk"
        try FileManager.default.createDirectory(atPath: disk, withIntermediateDirectories: true)
        try mount(["-t", "tmpfs", "-o", "size=1m", "tmpfs", disk])
        defer { unmount(disk) }
        let workspace = disk + "/ws"
        #expect(try podium(["init", "--workspace", workspace], home: home.url).status == 0)
        let csv = home.url.path + "/feedback.csv"
        try (["text,date"] + (0..<200).map { "Feedback \($0) about the export being slow,2026-01-01T00:00:00Z" })
            .joined(separator: "\n").write(toFile: csv, atomically: true, encoding: .utf8)

        // Fill the disk but for 300 KiB: the journal (about 20 KiB) fits, 200 files of a page each do not.
        let free = try #require((try FileManager.default.attributesOfFileSystem(forPath: disk))[.systemFreeSize] as? Int)
        FileManager.default.createFile(atPath: disk + "/filler", contents: Data(count: free - 300 * 1024))

        let imported = try podium(["import", "feedback", csv, "--workspace", workspace], home: home.url)
        #expect(imported.status == 1)
        #expect(imported.standardError.contains("the change was saved in the workspace's journal"), "\(imported.standardError)")
        #expect(imported.standardError.contains("Nothing is lost"))

        let whileFull = try podium(["list", "feedback", "--json", "--workspace", workspace], home: home.url)
        #expect(whileFull.status == 0, "\(whileFull.standardError)")
        #expect(whileFull.standardError.contains("an unfinished change cannot be completed now"), "\(whileFull.standardError)")

        // A bigger change than the journal can take is refused whole, and says so.
        let big = home.url.path + "/big.csv"
        try (["text"] + (0..<20_000).map { "Another item \($0) with enough words to need some room on the disk" })
            .joined(separator: "\n").write(toFile: big, atomically: true, encoding: .utf8)

        try FileManager.default.removeItem(atPath: disk + "/filler")
        let after = try podium(["list", "feedback", "--json", "--workspace", workspace], home: home.url)
        #expect(after.status == 0, "\(after.standardError)")
        #expect(try WorkspaceJSON.decoder().decode([FeedbackItem].self, from: Data(after.standardOutput.utf8)).count == 200)
        let refused = try podium(["import", "feedback", big, "--workspace", workspace], home: home.url)
        #expect(refused.status == 1)
        #expect(refused.standardError.contains("nothing was saved in the workspace"), "\(refused.standardError)")
        let still = try podium(["list", "feedback", "--json", "--workspace", workspace], home: home.url)
        #expect(try WorkspaceJSON.decoder().decode([FeedbackItem].self, from: Data(still.standardOutput.utf8)).count == 200)
    }
}
