import Foundation

/// Where a text stops being JSON, as a person finds it in an editor: line and column.
///
/// `JSONDecoder` on Linux says only "not valid JSON"; Foundation's own parser names the
/// character, which is turned into a line and a column here.
public enum JSONSyntax {
    /// The 1-based line and column of the first mistake, or nil when `data` is JSON.
    public static func mistake(in data: Data) -> (line: Int, column: Int)? {
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            return nil
        } catch {
            let text = ((error as NSError).userInfo["NSDebugDescription"] as? String) ?? "\(error)"
            if let match = text.firstMatch(of: /line (\d+), column (\d+)/), let line = Int(match.1), let column = Int(match.2) {
                return (line, column)
            }
            // A text cut short is wrong at its end ("Unexpected end of file").
            let offset: Int
            if let match = text.firstMatch(of: /character (\d+)/), let at = Int(match.1) {
                offset = at
            } else if text.localizedCaseInsensitiveContains("end of file") {
                offset = data.count
            } else {
                return (1, 1)
            }
            // The offset counts bytes from 0: the line is one more than the line breaks before it.
            let before = data.prefix(min(offset, data.count))
            let line = before.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? before.startIndex
            let column = String(decoding: data[lineStart..<before.endIndex], as: UTF8.self).count + 1
            return (line, column)
        }
    }
}
