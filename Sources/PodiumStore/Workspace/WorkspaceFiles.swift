import Foundation
import PodiumCore

/// Reading and writing the two single files of a workspace: `workspace.json` and `product.json`.
enum WorkspaceFiles {
    /// Reads `workspace.json`, refusing anything that is not a workspace description.
    static func readInfo(_ layout: WorkspaceLayout) throws -> WorkspaceInfo {
        guard let (data, _) = try POSIX.readFile(layout.workspaceFile) else {
            throw StoreError.notAWorkspace(path: layout.rootPath)
        }
        do {
            return try RecordCodec.makeDecoder().decode(WorkspaceInfo.self, from: data)
        } catch {
            throw StoreError.unreadableWorkspaceFile(
                path: layout.workspaceFile,
                reason: RecordCodec.describe(error, data: data) + "; fix it by hand or restore it from git (nothing was changed)")
        }
    }

    static func writeInfo(_ info: WorkspaceInfo, _ layout: WorkspaceLayout) throws {
        try AtomicFile.write(RecordCodec.encode(info, what: "workspace.json"), to: layout.workspaceFile)
    }

    /// The contents of a new workspace's `.gitignore`: this machine's state stays local.
    static let gitignore = """
        # Podium: lock, change feed, quarantine and backups belong to this machine only.
        .podium/
        # Files dropped in the inbox folder, and the done/ and failed/ ones.
        inbox/

        """
}
