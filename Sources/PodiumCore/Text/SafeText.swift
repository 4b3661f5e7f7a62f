extension String {
    /// The text with terminal escape sequences and control characters removed, so that
    /// untrusted text (feedback, model output) cannot move the cursor, change colors or
    /// retitle the terminal when printed. Line breaks and tabs are kept when `keepingLineBreaks`;
    /// otherwise they become spaces.
    public func sanitizedForTerminal(keepingLineBreaks: Bool = false) -> String {
        // Printable ASCII (most text) has nothing to take out: it is returned as it is,
        // without building a copy. Lists draw many rows per key press.
        if utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return self }
        var result = String.UnicodeScalarView()
        var scalars = unicodeScalars.makeIterator()
        var pending = scalars.next()
        while let scalar = pending {
            pending = scalars.next()
            switch scalar.value {
            case 0x1B:  // ESC: drop the whole sequence
                pending = Self.skipEscapeSequence(after: pending, &scalars)
            case 0x9B:  // C1 CSI
                pending = Self.skipControlSequence(from: pending, &scalars)
            case 0x9D, 0x90, 0x9E, 0x9F:  // C1 OSC, DCS, PM, APC: skip to the terminator
                pending = Self.skipString(from: pending, &scalars)
            case 0x0A, 0x09:
                result.append(keepingLineBreaks ? scalar : " ")
            case 0x0D:
                if keepingLineBreaks {
                    if pending?.value != 0x0A { result.append("\n") }
                } else {
                    result.append(" ")
                }
            case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069:
                // Other C0/C1 controls, line/paragraph separators and bidi overrides.
                continue
            default:
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Skips what follows an ESC: a CSI, OSC/DCS string, or a single character.
    private static func skipEscapeSequence(after next: Unicode.Scalar?, _ scalars: inout String.UnicodeScalarView.Iterator) -> Unicode.Scalar? {
        guard let next else { return nil }
        switch next {
        case "[": return skipControlSequence(from: scalars.next(), &scalars)
        case "]", "P", "^", "_", "X": return skipString(from: scalars.next(), &scalars)
        default: return scalars.next()
        }
    }

    /// Skips CSI parameters and intermediates up to and including the final byte (0x40–0x7E).
    private static func skipControlSequence(from start: Unicode.Scalar?, _ scalars: inout String.UnicodeScalarView.Iterator) -> Unicode.Scalar? {
        var current = start
        while let scalar = current {
            current = scalars.next()
            if (0x40...0x7E).contains(scalar.value) { break }
            if !(0x20...0x3F).contains(scalar.value) { return scalar }
        }
        return current
    }

    /// Skips an OSC/DCS-style string up to BEL, ST (ESC \) or C1 ST.
    private static func skipString(from start: Unicode.Scalar?, _ scalars: inout String.UnicodeScalarView.Iterator) -> Unicode.Scalar? {
        var current = start
        while let scalar = current {
            current = scalars.next()
            if scalar.value == 0x07 || scalar.value == 0x9C { break }
            if scalar.value == 0x1B {
                if current == "\\" { current = scalars.next() }
                break
            }
        }
        return current
    }
}

/// Citation marks in a draft's text: `[#1a2b3c4d]`, the short id of a record it rests on.
public enum CitationMarks {
    /// The text without its citation marks (and the space before each), for what goes out to
    /// people who cannot open the records: an accepted update, an export. "Sync fixed
    /// [#1a2b3c4d]." becomes "Sync fixed.".
    public static func stripped(_ text: String) -> String {
        text.replacing(/[ \t]*\[#[0-9a-fA-F]{4,}(?:\s*,\s*#?[0-9a-fA-F]{4,})*\]/, with: "")
    }
}
