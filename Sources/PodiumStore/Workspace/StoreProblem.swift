import Foundation

/// Something wrong that the store worked around while opening, for the user to know about.
public struct StoreProblem: Sendable, Hashable, CustomStringConvertible {
    /// The file as it was found.
    public var path: String
    /// Why it could not be used.
    public var reason: String
    /// What is missing from the workspace because of it, e.g. "feedback item 0193…, 412 bytes".
    public var lost: String
    /// Where the file was moved to, if it was moved aside.
    public var movedTo: String?

    public var description: String {
        var text = "\(path): \(reason); \(lost) left out"
        if let movedTo { text += " (moved to \(movedTo))" }
        return text
    }
}
