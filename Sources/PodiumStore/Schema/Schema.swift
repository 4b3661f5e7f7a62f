import Foundation

/// The workspace schema this build reads and writes, and how to bring older ones up to it.
public struct Schema: Sendable {
    /// The version written into `workspace.json`.
    public var version: Int
    /// Steps from older versions, one per version, applied in order.
    public var migrations: [Migration]

    public init(version: Int, migrations: [Migration]) {
        self.version = version
        self.migrations = migrations
    }

    /// The schema of this build of Podium.
    public static let current = Schema(version: 2, migrations: [.annotationsOutOfFeedback])
}

/// One step that rewrites a workspace from schema version `from` to `from + 1`.
///
/// A step must be idempotent: if Podium stops part way, the step runs again on the next
/// open (a backup of the workspace from before the first step is kept either way).
public struct Migration: Sendable {
    public var from: Int
    public var summary: String
    public var apply: @Sendable (MigrationContext) throws -> Void

    public init(from: Int, summary: String, apply: @escaping @Sendable (MigrationContext) throws -> Void) {
        self.from = from
        self.summary = summary
        self.apply = apply
    }
}

/// What a migration step may do to the workspace: rewrite records as plain JSON objects.
public struct MigrationContext: Sendable {
    public let layout: WorkspaceLayout

    /// Rewrites every record of `collection`; the closure edits the JSON object in place.
    public func transformRecords(
        in collection: RecordCollection, _ transform: (inout [String: Any]) throws -> Void
    ) throws {
        let folder = layout.folder(collection)
        for name in try POSIX.listDirectory(folder) ?? [] where name.hasSuffix(".json") {
            try transformFile(folder + "/" + name, transform)
        }
    }

    /// Rewrites `product.json` as a JSON object.
    public func transformProduct(_ transform: (inout [String: Any]) throws -> Void) throws {
        try transformFile(layout.productFile, transform)
    }

    private func transformFile(_ path: String, _ transform: (inout [String: Any]) throws -> Void) throws {
        guard let (data, _) = try POSIX.readFile(path),
            var object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return }
        try transform(&object)
        var output = try JSONSerialization.data(
            withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        output.append(0x0A)
        try AtomicFile.write(output, to: path, durable: false)
    }
}
