import Foundation
import PodiumCore

/// The JSON Podium writes everywhere (record files, `--json` output, exports): pretty,
/// keys sorted so that files diff and merge well in git, ISO 8601 dates a person can read.
public enum WorkspaceJSON {
    /// An encoder for Podium's JSON.
    public static func encoder() -> JSONEncoder {
        RecordCodec.makeEncoder()
    }

    /// Why a record could not be read, in a line: the field and what is wrong with it, or
    /// where `data` (the text read) stops being JSON.
    public static func describe(_ error: any Error, data: Data? = nil) -> String {
        RecordCodec.describe(error, data: data)
    }

    /// A decoder for Podium's JSON (its timestamps read fast; other ISO 8601 dates too).
    public static func decoder() -> JSONDecoder {
        RecordCodec.makeDecoder()
    }

    /// A value as a file's content in Podium's JSON, ending with a newline; throws
    /// `StoreError.encoding` naming `what` when it cannot be encoded.
    public static func encode(_ value: some Encodable, what: @autoclosure () -> String) throws -> Data {
        try RecordCodec.encode(value, what: what())
    }
}

/// How records are written to and read from disk (see `WorkspaceJSON`), and how decoding
/// errors are put into words.
enum RecordCodec {
    static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // The one form every reader of Podium's files reads back to the same second; a date
        // outside the stored years is refused here, so nothing unreadable is ever written.
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            guard let text = Timestamp.format(date) else {
                throw EncodingError.invalidValue(date, .init(codingPath: encoder.codingPath,
                    debugDescription: "a date outside the \(Timestamp.storableDescription) Podium stores"))
            }
            try container.encode(text)
        }
        return encoder
    }

    static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = Timestamp.parse(text) ?? (try? Date(text, strategy: .iso8601)) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "\"\(text)\" is not an ISO 8601 date")
            }
            return date  // lenient: a date a person wrote outside the stored years is still read
        }
        return decoder
    }

    /// Encodes a value as a file's content (ending with a newline, as text files should).
    static func encode(_ value: some Encodable, what: @autoclosure () -> String) throws -> Data {
        do {
            var data = try makeEncoder().encode(value)
            data.append(0x0A)
            return data
        } catch {
            throw StoreError.encoding(what: what(), reason: "\(error)")
        }
    }

    /// A one-line reason a decoding error happened, naming the field where it can, or the
    /// line and column where `data` stops being JSON.
    static func describe(_ error: any Error, data: Data? = nil) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        if let data, let mistake = JSONSyntax.mistake(in: data) {
            return "not valid JSON at line \(mistake.line), column \(mistake.column)"
        }
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            return keys.isEmpty ? "" : " at \(keys.joined(separator: "."))"
        }
        switch error {
        case let .dataCorrupted(context):
            guard context.underlyingError != nil || context.debugDescription.isEmpty else {
                return "a wrong value\(path(context)): \(context.debugDescription)"  // valid JSON, a value Podium cannot read
            }
            let underlying = (context.underlyingError as NSError?)?.userInfo["NSDebugDescription"] as? String
            return "not valid JSON\(path(context))" + (underlying.map { " (\($0))" } ?? "")
        case let .keyNotFound(key, context):
            return "missing field \"\(key.stringValue)\"\(path(context))"
        case let .typeMismatch(type, context):
            return "wrong type\(path(context)), expected \(type)"
        case let .valueNotFound(type, context):
            return "missing value\(path(context)), expected \(type)"
        @unknown default:
            return "\(error)"
        }
    }
}
