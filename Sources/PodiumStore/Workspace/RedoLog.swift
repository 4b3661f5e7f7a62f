import Foundation

/// The intent of a transaction that touches several files, written durably before any
/// of them, so that a crash part way through is completed on the next open.
///
/// A transaction of one file needs no log: the atomic rename is enough.
struct RedoLog: Codable {
    /// One file to write (`content`) or remove (`content == nil`), relative to the root.
    struct Entry: Codable {
        var path: String
        var content: String?
    }

    var entries: [Entry]

    /// Writes the log durably.
    func save(to path: String) throws {
        let data = try JSONEncoder().encode(self)
        try AtomicFile.write(data, to: path, durable: true)
    }

    /// Reads a log left by a writer that did not finish; nil when there is none.
    static func load(from path: String) throws -> RedoLog? {
        guard let (data, _) = try POSIX.readFile(path) else { return nil }
        return try JSONDecoder().decode(RedoLog.self, from: data)
    }

    /// Applies every entry, flushes them, then removes the log.
    func apply(in layout: WorkspaceLayout) throws {
        for entry in entries {
            let target = layout.path(relative: entry.path)
            if let content = entry.content {
                try AtomicFile.write(Data(content.utf8), to: target, durable: false)
            } else {
                try POSIX.removeFile(target)
            }
        }
        try POSIX.syncFileSystem(containing: layout.rootPath)
        try POSIX.removeFile(layout.redoLog)
        try POSIX.syncDirectory(layout.localFolder)
    }
}
