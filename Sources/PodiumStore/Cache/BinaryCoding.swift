import Foundation

/// Appends values to a byte buffer in a fixed little-endian layout (for the local cache).
struct BinaryWriter {
    private(set) var bytes: [UInt8] = []

    mutating func integer<Value: FixedWidthInteger>(_ value: Value) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func double(_ value: Double) { integer(value.bitPattern) }

    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            integer(UInt32(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func optional<Value>(_ value: Value?, _ write: (inout BinaryWriter, Value) -> Void) {
        bool(value != nil)
        if let value { write(&self, value) }
    }

    mutating func strings(_ values: [String]) {
        integer(UInt32(values.count))
        for value in values { string(value) }
    }

    mutating func date(_ value: Date) { double(value.timeIntervalSince1970) }
}

/// Reads what `BinaryWriter` wrote, throwing at the first byte that does not fit.
struct BinaryReader {
    /// The cache ended early or held a value that cannot be right.
    struct Malformed: Error {}

    private let bytes: UnsafeRawBufferPointer
    private(set) var offset = 0

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    var isAtEnd: Bool { offset >= bytes.count }

    mutating func integer<Value: FixedWidthInteger>(_ type: Value.Type = Value.self) throws -> Value {
        let size = MemoryLayout<Value>.size
        guard offset + size <= bytes.count else { throw Malformed() }
        var value = Value.zero
        withUnsafeMutableBytes(of: &value) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + size)])) }
        offset += size
        return Value(littleEndian: value)
    }

    mutating func double() throws -> Double { Double(bitPattern: try integer(UInt64.self)) }

    mutating func bool() throws -> Bool {
        guard offset < bytes.count, bytes[offset] <= 1 else { throw Malformed() }
        offset += 1
        return bytes[offset - 1] == 1
    }

    mutating func string() throws -> String {
        let count = Int(try integer(UInt32.self))
        guard offset + count <= bytes.count else { throw Malformed() }
        let slice = UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + count)])
        offset += count
        guard let text = String(validating: slice.bindMemory(to: UInt8.self), as: UTF8.self) else { throw Malformed() }
        return text
    }

    mutating func optional<Value>(_ read: (inout BinaryReader) throws -> Value) throws -> Value? {
        try bool() ? try read(&self) : nil
    }

    mutating func strings() throws -> [String] {
        let count = Int(try integer(UInt32.self))
        guard count <= bytes.count - offset else { throw Malformed() }
        return try (0..<count).map { _ in try string() }
    }

    mutating func date() throws -> Date { Date(timeIntervalSince1970: try double()) }
}

extension BinaryWriter {
    /// A file's stamp, as the caches keep it beside what they took from the file.
    mutating func stamp(_ stamp: FileStamp) {
        integer(stamp.inode)
        integer(stamp.size)
        integer(stamp.modifiedNanoseconds)
    }
}

extension BinaryReader {
    mutating func stamp() throws -> FileStamp {
        FileStamp(inode: try integer(UInt64.self), size: try integer(Int64.self), modifiedNanoseconds: try integer(Int64.self))
    }
}
