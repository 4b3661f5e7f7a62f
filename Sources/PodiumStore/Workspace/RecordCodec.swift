import Foundation
import PodiumCore

/// How records are written to and read from disk: pretty JSON with sorted keys, so that
/// files diff and merge well in git, and ISO 8601 dates a person can read.
enum RecordCodec {
    static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
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

    /// A one-line reason a decoding error happened, naming the field where it can.
    static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            return keys.isEmpty ? "" : " at \(keys.joined(separator: "."))"
        }
        switch error {
        case let .dataCorrupted(context):
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
