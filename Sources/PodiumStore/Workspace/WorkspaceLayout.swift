import Foundation

/// Where each part of a workspace lives on disk.
///
/// ```
/// workspace.json         schema version and creation facts
/// product.json           name, vision, product goal
/// feedback/<id>.json     one file per record, in each collection folder
/// .gitignore             keeps .podium/ out of git
/// .podium/               this machine's state: lock, change feed, journal,
///                        open cache, quarantine of corrupt files, backups before migrations
/// ```
public struct WorkspaceLayout: Sendable, Hashable {
    public let root: URL

    public init(root: URL) {
        self.root = root.standardizedFileURL
    }

    public var rootPath: String { root.path }
    public var workspaceFile: String { rootPath + "/workspace.json" }
    public var productFile: String { rootPath + "/" + Self.productFileName }
    public var gitignoreFile: String { rootPath + "/.gitignore" }
    public var localFolder: String { rootPath + "/.podium" }
    public var lockFile: String { localFolder + "/lock" }
    public var changeFeed: String { localFolder + "/changes.log" }
    public var journal: String { localFolder + "/journal" }
    public var quarantineFolder: String { localFolder + "/quarantine" }
    public var backupsFolder: String { localFolder + "/backups" }

    /// The open cache of a large collection (disposable; see `OpenCache`).
    func cacheFile(_ collection: RecordCollection) -> String {
        localFolder + "/cache/" + collection.folder + ".bin"
    }

    /// The key index of a collection for one kind of key (disposable; see `KeyIndexFile`).
    func keyIndexFile(_ collection: RecordCollection, format: String) -> String {
        localFolder + "/cache/" + collection.folder + "." + format + ".keys"
    }

    static let productFileName = "product.json"

    /// The folder of a collection.
    public func folder(_ collection: RecordCollection) -> String {
        rootPath + "/" + collection.folder
    }

    /// A path relative to the root, as the change feed and the journal record it.
    func path(relative: String) -> String {
        rootPath + "/" + relative
    }

    /// The relative path of a record's file.
    static func relativePath(_ collection: RecordCollection, id: String) -> String {
        collection.folder + "/" + id + ".json"
    }

    /// Whether `id` can safely be used as a file name.
    static func isSafeID(_ id: String) -> Bool {
        guard !id.isEmpty, id.count <= 128, !id.hasPrefix(".") else { return false }
        return id.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || scalar == "-" || scalar == "_" || scalar == ".")
        }
    }
}

/// The facts in `workspace.json`.
struct WorkspaceInfo: Codable, Sendable {
    var schemaVersion: Int
    var createdAt: Date
    var createdWith: String?
}
