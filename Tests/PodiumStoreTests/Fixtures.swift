import Foundation
import PodiumCore
import PodiumStore
import PodiumTestSupport

// `fixedDate` and `makeWorkspace` are in PodiumTestSupport: the exchange tests use them too.

/// A feedback item with a fixed date.
func feedback(_ text: String, author: String? = nil) -> FeedbackItem {
    FeedbackItem(text: text, source: .review, author: author, createdAt: fixedDate)
}

/// The text of a file inside the workspace.
func contents(_ store: WorkspaceStore, _ relative: String) throws -> String {
    try String(contentsOfFile: store.layout.rootPath + "/" + relative, encoding: .utf8)
}

/// The permission bits of a path.
func mode(_ path: String) throws -> Int {
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    return (attributes[.posixPermissions] as? Int ?? -1) & 0o777
}

/// Every regular file under `root`, recursively, relative to it.
func allFiles(under root: String) -> [String] {
    let enumerator = FileManager.default.enumerator(atPath: root)
    var files: [String] = []
    while let next = enumerator?.nextObject() as? String {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: root + "/" + next, isDirectory: &isFolder), !isFolder.boolValue {
            files.append(next)
        }
    }
    return files.sorted()
}
