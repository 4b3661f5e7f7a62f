import Foundation

/// Brings a workspace written with an older schema up to date, after backing it up.
struct Migrator {
    let layout: WorkspaceLayout
    let schema: Schema

    /// Migrates from `found` to `schema.version`; returns the backup folder it made.
    /// Call with the exclusive lock held.
    func migrate(from found: Int) throws -> String {
        let backup = try makeBackup(version: found)
        var version = found
        let context = MigrationContext(layout: layout)
        while version < schema.version {
            guard let step = schema.migrations.first(where: { $0.from == version }) else {
                throw StoreError.migrationFailed(
                    from: version, reason: "this podium has no migration from version \(version)", backup: backup)
            }
            do {
                try step.apply(context)
            } catch {
                throw StoreError.migrationFailed(from: version, reason: "\(error)", backup: backup)
            }
            version += 1
        }
        try POSIX.syncFileSystem(containing: layout.rootPath)
        try WorkspaceFiles.writeInfo(
            WorkspaceFiles.readInfo(layout).updating(schemaVersion: schema.version), layout)
        return backup
    }

    /// Copies everything but `.podium/` into `.podium/backups/schema-vN-<time>/`.
    private func makeBackup(version: Int) throws -> String {
        let stamp = ISO8601DateFormatter().string(from: Date()).replacingOccurrences(of: ":", with: "")
        let backup = layout.backupsFolder + "/schema-v\(version)-\(stamp)"
        try POSIX.makeDirectory(backup)
        let manager = FileManager.default
        for name in try POSIX.listDirectory(layout.rootPath) ?? [] where name != ".podium" {
            do {
                try manager.copyItem(atPath: layout.rootPath + "/" + name, toPath: backup + "/" + name)
            } catch {
                throw StoreError.migrationFailed(
                    from: version, reason: "backing up \(name) failed: \(error.localizedDescription)", backup: backup)
            }
        }
        try POSIX.syncFileSystem(containing: backup)
        return backup
    }
}

extension WorkspaceInfo {
    func updating(schemaVersion: Int) -> WorkspaceInfo {
        var copy = self
        copy.schemaVersion = schemaVersion
        return copy
    }
}
