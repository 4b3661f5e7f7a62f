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
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            if let date = ISO8601Timestamp.parse(text) ?? (try? Date(text, strategy: .iso8601)) { return date }
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "\"\(text)\" is not an ISO 8601 date")
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

/// A fast reader for the timestamps Podium writes: `YYYY-MM-DDTHH:MM:SSZ`, in UTC.
///
/// Opening a large workspace reads one or two timestamps per record; this avoids the
/// general ISO 8601 parser for them. Anything else returns nil for the general parser.
enum ISO8601Timestamp {
    static func parse(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { bytes -> Date? in
            guard bytes.count == 20, bytes[4] == 0x2D, bytes[7] == 0x2D, bytes[10] == 0x54, bytes[13] == 0x3A,
                  bytes[16] == 0x3A, bytes[19] == 0x5A else { return nil }
            func number(_ start: Int, _ length: Int) -> Int? {
                var value = 0
                for index in start..<(start + length) {
                    let digit = Int(bytes[index]) - 0x30
                    guard (0...9).contains(digit) else { return nil }
                    value = value * 10 + digit
                }
                return value
            }
            guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
                  let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
                  (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61 else { return nil }
            // Days from the civil date (Howard Hinnant's algorithm), proleptic Gregorian, UTC.
            let shiftedYear = month <= 2 ? year - 1 : year
            let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
            let yearOfEra = shiftedYear - era * 400
            let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
            let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
            let days = era * 146_097 + dayOfEra - 719_468
            return Date(timeIntervalSince1970: TimeInterval(days * 86_400 + hour * 3600 + minute * 60 + second))
        }
    }
}
