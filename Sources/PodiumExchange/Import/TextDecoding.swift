import Foundation

/// Turns a file's bytes into text: UTF-8 (with or without BOM), UTF-16 with a BOM, or
/// Windows-1252 when the bytes are not valid UTF-8 (what older Excel versions write).
enum TextDecoding {
    struct Decoded {
        var text: String
        var encoding: String
    }

    /// The encodings `--encoding` accepts, by the names people write.
    static let named: [String: (String.Encoding, String)] = [
        "utf8": (.utf8, "UTF-8"), "utf16le": (.utf16LittleEndian, "UTF-16 LE"), "utf16be": (.utf16BigEndian, "UTF-16 BE"),
        "utf16": (.utf16, "UTF-16"), "windows1252": (.windowsCP1252, "Windows-1252"), "cp1252": (.windowsCP1252, "Windows-1252"),
        // Latin-1 files from Windows are in fact Windows-1252 (what browsers do too): the
        // bytes 0x80–0x9F are € – … and the like, not invisible control characters.
        "latin1": (.windowsCP1252, "Windows-1252 (asked for as Latin-1)"), "iso88591": (.windowsCP1252, "Windows-1252 (asked for as Latin-1)"),
    ]

    /// Decodes with the encoding the user named (a BOM of that encoding is dropped).
    static func decode(_ bytes: [UInt8], fileName: String, forcing name: String?) throws -> Decoded {
        guard let name else { return try decode(bytes, fileName: fileName) }
        let key = String(name.lowercased().filter { $0.isLetter || $0.isNumber })
        guard let (encoding, label) = named[key] else {
            throw ImportError.badOption("--encoding \(name): Podium reads utf-8, utf-16le, utf-16be, utf-16, windows-1252 and latin1")
        }
        var body = bytes[...]
        if encoding == .utf8, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if (encoding == .utf16LittleEndian && bytes.starts(with: [0xFF, 0xFE])) || (encoding == .utf16BigEndian && bytes.starts(with: [0xFE, 0xFF])) {
            body = body.dropFirst(2)
        }
        guard let text = String(data: Data(body), encoding: encoding) else {
            throw ImportError.unreadable(file: fileName, reason: "the file is not valid \(label) text (--encoding \(name))")
        }
        return Decoded(text: text, encoding: "\(label) (--encoding)")
    }

    static func decode(_ bytes: [UInt8], fileName: String) throws -> Decoded {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return try utf8(bytes.dropFirst(3), fileName: fileName, name: "UTF-8 with BOM")
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let bigEndian = bytes[0] == 0xFE
            guard let text = String(data: Data(bytes.dropFirst(2)), encoding: bigEndian ? .utf16BigEndian : .utf16LittleEndian) else {
                throw ImportError.unreadable(file: fileName, reason: "the file starts like UTF-16 but is not valid UTF-16")
            }
            return Decoded(text: text, encoding: bigEndian ? "UTF-16 BE" : "UTF-16 LE")
        }
        if let decoded = try? utf8(bytes[...], fileName: fileName, name: "UTF-8") { return decoded }
        if bytes.contains(0) {
            throw ImportError.unreadable(file: fileName, reason: "this is not a text file (it contains NUL bytes)")
        }
        guard let text = String(data: Data(bytes), encoding: .windowsCP1252) else {
            throw ImportError.unreadable(file: fileName, reason: "the file is neither UTF-8 nor Windows-1252 text")
        }
        return Decoded(text: text, encoding: "Windows-1252 (not valid UTF-8)")
    }

    private static func utf8(_ bytes: ArraySlice<UInt8>, fileName: String, name: String) throws -> Decoded {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ImportError.unreadable(file: fileName, reason: "not valid UTF-8")
        }
        return Decoded(text: text, encoding: name)
    }
}
