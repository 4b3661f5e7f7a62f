import MCP
import PodiumCore

/// A tool call's arguments, read by name and type: a missing or mistyped one is a JSON-RPC
/// "invalid params" error naming it, never a crash.
struct ToolArguments {
    let tool: String
    let values: [String: Value]

    init(tool: String, _ values: [String: Value]?) {
        self.tool = tool
        self.values = values ?? [:]
    }

    private func wrong(_ name: String, _ expected: String) -> MCPError {
        .invalidParams("\(tool): \"\(name)\" must be \(expected)")
    }

    /// A string argument, made safe to keep and show (control characters removed, line breaks kept).
    func string(_ name: String) throws -> String? {
        guard let value = values[name], value != .null else { return nil }
        guard let text = value.stringValue else { throw wrong(name, "a string") }
        return text.sanitizedForTerminal(keepingLineBreaks: true)
    }

    /// Refuses an argument the tool does not take (its schema allows no others).
    func onlyKnown(_ names: Set<String>) throws {
        if let unknown = values.keys.sorted().first(where: { !names.contains($0) }) {
            throw MCPError.invalidParams("\(tool): no argument \"\(unknown.sanitizedForTerminal())\"; it takes " + (names.isEmpty ? "none" : names.sorted().joined(separator: ", ")))
        }
    }

    func requiredString(_ name: String) throws -> String {
        guard let text = try string(name), !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw MCPError.invalidParams("\(tool): \"\(name)\" is required")
        }
        return text
    }

    func int(_ name: String, default fallback: Int, range: ClosedRange<Int>) throws -> Int {
        guard let value = values[name], value != .null else { return fallback }
        guard let number = value.intValue ?? value.doubleValue.flatMap({ $0 == $0.rounded() ? Int(exactly: $0) : nil }),
              range.contains(number) else { throw wrong(name, "a whole number from \(range.lowerBound) to \(range.upperBound)") }
        return number
    }

    func double(_ name: String, in object: [String: Value]) throws -> Double? {
        guard let value = object[name], value != .null else { return nil }
        guard let number = value.doubleValue ?? value.intValue.map(Double.init) else { throw wrong(name, "a number") }
        return number
    }

    func strings(_ name: String) throws -> [String] {
        guard let value = values[name], value != .null else { return [] }
        guard let items = value.arrayValue else { throw wrong(name, "a list of strings") }
        return try items.map { item in
            guard let text = item.stringValue else { throw wrong(name, "a list of strings") }
            return text
        }
    }

    func objects(_ name: String) throws -> [[String: Value]] {
        guard let value = values[name], value != .null else { return [] }
        guard let items = value.arrayValue else { throw wrong(name, "a list of objects") }
        return try items.map { item in
            guard let object = item.objectValue else { throw wrong(name, "a list of objects") }
            return object
        }
    }

    func object(_ name: String) throws -> [String: Value]? {
        guard let value = values[name], value != .null else { return nil }
        guard let object = value.objectValue else { throw wrong(name, "an object") }
        return object
    }

    /// A string field of an object inside the arguments ("links[2].feedback").
    func field(_ name: String, of object: [String: Value], at place: String, required: Bool = true) throws -> String? {
        guard let value = object[name], value != .null else {
            if required { throw MCPError.invalidParams("\(tool): \(place) needs \"\(name)\"") }
            return nil
        }
        guard let text = value.stringValue else { throw MCPError.invalidParams("\(tool): \(place).\(name) must be a string") }
        return text.sanitizedForTerminal(keepingLineBreaks: true)
    }
}
