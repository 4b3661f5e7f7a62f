import Foundation

/// A stable, time-ordered identifier for one record of type `Subject`.
///
/// The text form is a lowercase UUID version 7: the first 48 bits hold the creation
/// time in milliseconds, so sorting ids sorts records by creation time and a folder
/// listing reads in creation order. The phantom `Subject` keeps a feedback id from
/// being passed where a backlog id is expected.
public struct RecordID<Subject>: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The id as it is written on disk and shown to users.
    public let rawValue: String

    /// Wraps an existing id (read from disk, typed by a user) without checking its form.
    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    /// Makes a new id for a record created at `date`, with random bits from `generator`.
    public init(at date: Date = Date(), using generator: inout some RandomNumberGenerator) {
        self.rawValue = UUIDv7.string(milliseconds: UUIDv7.milliseconds(date),
                                      random: generator.next(), generator.next())
    }

    /// Makes a new id for a record created now, with system randomness.
    ///
    /// It draws from the standard library rather than passing a local
    /// `SystemRandomNumberGenerator` inout: that generator has no size, so every thread's
    /// local shares one dummy address, which ThreadSanitizer reports as a race.
    public static func make(at date: Date = Date()) -> RecordID {
        RecordID(UUIDv7.string(milliseconds: UUIDv7.milliseconds(date),
                               random: UInt64.random(in: .min ... .max), UInt64.random(in: .min ... .max)))
    }

    public var description: String { rawValue }

    /// The last eight characters (random bits, unlike the leading timestamp): enough to
    /// tell records apart on screen.
    public var short: String { String(rawValue.suffix(8)) }

    public static func < (lhs: RecordID, rhs: RecordID) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Reads an id, sharing its text with every other read of the same id (see ``IDPool``).
    public init(from decoder: any Decoder) throws {
        rawValue = IDPool.shared(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// Formats UUID version 7 text from a millisecond timestamp and 128 random bits.
enum UUIDv7 {
    /// A UUIDv7's 48-bit timestamp for `date`: before 1970 is 0, past the year 10889 the
    /// largest (never a trap on a date no id can hold).
    static func milliseconds(_ date: Date) -> UInt64 {
        let value = date.timeIntervalSince1970 * 1000
        guard value.isFinite, value > 0 else { return 0 }
        return value >= 0xFFFF_FFFF_FFFF ? 0xFFFF_FFFF_FFFF : UInt64(value)
    }

    static func string(milliseconds: UInt64, random high: UInt64, _ low: UInt64) -> String {
        var bytes = [UInt8](repeating: 0, count: 16)
        for index in 0..<6 { bytes[index] = UInt8(truncatingIfNeeded: milliseconds >> (8 * (5 - index))) }
        for index in 6..<16 {
            let source = index < 11 ? high : low
            bytes[index] = UInt8(truncatingIfNeeded: source >> (8 * (index % 8)))
        }
        bytes[6] = (bytes[6] & 0x0F) | 0x70  // version 7
        bytes[8] = (bytes[8] & 0x3F) | 0x80  // RFC 9562 variant
        // 8-4-4-4-12 lower-case hex digits, written into one buffer (ids are made by the
        // hundred thousand in a large import).
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var text = [UInt8]()
        text.reserveCapacity(36)
        for (index, byte) in bytes.enumerated() {
            if index == 4 || index == 6 || index == 8 || index == 10 { text.append(0x2D) }
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
