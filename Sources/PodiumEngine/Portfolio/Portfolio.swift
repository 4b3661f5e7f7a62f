import Foundation
import PodiumCore
import PodiumStore

/// The products a Product Owner looks after: named workspace folders, kept in the user's
/// config folder (`workspaces.json`), never inside a workspace. A workspace still works
/// alone; taking one off the list never touches its folder.
public struct Portfolio: Sendable, Equatable {
    /// One product on the list.
    public struct Entry: Codable, Sendable, Hashable {
        public var name: String
        /// The workspace folder, absolute.
        public var path: String
        public var addedAt: Date

        public init(name: String, path: String, addedAt: Date = Date()) {
            self.name = name
            self.path = path
            self.addedAt = addedAt
        }
    }

    /// Why a change to the list cannot be made.
    public struct Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        public var description: String
        public init(_ description: String) { self.description = description }
    }

    public private(set) var entries: [Entry]
    /// The file the list is read from and written to.
    public let file: URL

    /// The list in `folder` (the user's config folder); an empty list when there is no file.
    /// A file that cannot be read is refused with its path, never overwritten.
    public static func load(from folder: URL) throws -> Portfolio {
        let file = folder.appendingPathComponent("workspaces.json")
        guard let data = FileManager.default.contents(atPath: file.path) else { return Portfolio(entries: [], file: file) }
        do {
            let list = try WorkspaceJSON.decoder().decode(Stored.self, from: data)
            return Portfolio(entries: list.workspaces, file: file)
        } catch {
            throw Refusal("\(file.path) is not a list of workspaces (\(Self.reason(error))); fix or move it, nothing was changed")
        }
    }

    /// No products, kept in `folder`.
    public static func empty(in folder: URL) -> Portfolio {
        Portfolio(entries: [], file: folder.appendingPathComponent("workspaces.json"))
    }

    private struct Stored: Codable {
        var workspaces: [Entry]
    }

    private init(entries: [Entry], file: URL) {
        self.entries = entries
        self.file = file
    }

    /// The entry called `name` (any case), or at `name` as a path.
    public func entry(named name: String) -> Entry? {
        entries.first { $0.name.lowercased() == name.lowercased() }
            ?? entries.first { $0.path == URL(fileURLWithPath: name).standardizedFileURL.path }
    }

    /// Adds the workspace at `path` under `name` (else its product's name, else its folder's).
    @discardableResult
    public mutating func add(path: String, name: String? = nil, now: Date = Date()) throws -> Entry {
        let folder = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
        guard FileManager.default.fileExists(atPath: WorkspaceLayout(root: folder).workspaceFile) else {
            throw Refusal("\(folder.path) is not a Podium workspace (no workspace.json); podium init -w \(folder.path) makes one")
        }
        if let known = entries.first(where: { $0.path == folder.path }) {
            throw Refusal("\(folder.path) is already on the list as \"\(known.name)\"")
        }
        let chosen = try Self.checkedName(name ?? Self.productName(at: folder) ?? folder.lastPathComponent)
        if entries.contains(where: { $0.name.lowercased() == chosen.lowercased() }) {
            throw Refusal("a workspace is already called \"\(chosen)\"; give this one --name")
        }
        let entry = Entry(name: chosen, path: folder.path, addedAt: now)
        entries.append(entry)
        return entry
    }

    /// Takes `name` off the list (its folder is left as it is).
    @discardableResult
    public mutating func remove(_ name: String) throws -> Entry {
        guard let entry = entry(named: name) else { throw Refusal("no workspace called \"\(name)\" (podium workspaces list)") }
        entries.removeAll { $0 == entry }
        return entry
    }

    public mutating func rename(_ name: String, to newName: String) throws {
        guard let index = entries.firstIndex(where: { $0 == entry(named: name) }) else {
            throw Refusal("no workspace called \"\(name)\" (podium workspaces list)")
        }
        let chosen = try Self.checkedName(newName)
        if entries.enumerated().contains(where: { $0.offset != index && $0.element.name.lowercased() == chosen.lowercased() }) {
            throw Refusal("a workspace is already called \"\(chosen)\"")
        }
        entries[index].name = chosen
    }

    /// Writes the list (whole or not at all; private, as the config folder is).
    public func save() throws {
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        let data = try WorkspaceJSON.encoder().encode(Stored(workspaces: entries))
        try AtomicFile.write(data, to: file.path)
    }

    /// A name a person can type and a terminal can show: 1 to 60 characters, no control characters.
    static func checkedName(_ name: String) throws -> String {
        let clean = name.sanitizedForTerminal().trimmingCharacters(in: .whitespacesAndNewlines)
        guard !clean.isEmpty, clean.count <= 60 else { throw Refusal("a workspace's name is 1 to 60 characters") }
        return clean
    }

    static func productName(at folder: URL) -> String? {
        guard let data = FileManager.default.contents(atPath: WorkspaceLayout(root: folder).productFile),
              let product = try? WorkspaceJSON.decoder().decode(Product.self, from: data) else { return nil }
        let name = product.name.trimmingCharacters(in: .whitespaces)
        return name.isEmpty ? nil : name
    }

    static func reason(_ error: any Error) -> String {
        if case let DecodingError.dataCorrupted(context) = error { return context.debugDescription }
        if case let DecodingError.keyNotFound(key, _) = error { return "no \"\(key.stringValue)\"" }
        if case let DecodingError.typeMismatch(_, context) = error { return context.debugDescription }
        return "\(error)"
    }
}
