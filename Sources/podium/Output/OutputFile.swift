import Foundation
import PodiumStore

/// A file a command writes for the user (an export, a chart, a roadmap): refused with a
/// clear message when its folder is missing, written whole or not at all, private (0600).
enum OutputFile {
    static func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }

    static func write(_ data: Data, to path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        var isFolder: ObjCBool = false
        guard folder.isEmpty || (FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) && isFolder.boolValue) else {
            throw CommandFailure(message: "cannot write \(path): there is no folder \(folder)")
        }
        do {
            // Private like the workspace it comes from (0600), whatever the umask.
            try AtomicFile.write(data, to: path)
        } catch {
            throw CommandFailure(message: "cannot write \(path): \(error.localizedDescription)")
        }
    }
}
