import PodiumCore
import Testing

@Suite("Text that is safe to print in a terminal")
struct SafeTextTests {
    @Test("escape sequences and control characters are removed", arguments: [
        ("plain text", "plain text"),
        ("\u{1B}[31mred\u{1B}[0m", "red"),
        ("\u{1B}[2J\u{1B}[Hcleared", "cleared"),
        ("title\u{1B}]0;owned\u{07}after", "titleafter"),
        ("osc with st\u{1B}]8;;http://x\u{1B}\\link\u{1B}]8;;\u{1B}\\", "osc with stlink"),
        ("c1 csi\u{9B}31mred", "c1 csired"),
        ("bell\u{07} and nul\u{00} and del\u{7F}", "bell and nul and del"),
        ("bidi \u{202E}desrever\u{202C} text", "bidi desrever text"),
        ("line\nbreak\ttab", "line break tab"),
        ("lone esc at end\u{1B}", "lone esc at end"),
        ("emoji 👍🏽 and 中文 stay", "emoji 👍🏽 and 中文 stay"),
    ])
    func sanitized(input: String, expected: String) {
        #expect(input.sanitizedForTerminal() == expected)
    }

    @Test("line breaks can be kept; CR and CRLF become LF")
    func keepsLineBreaks() {
        #expect("a\r\nb\rc\nd\u{1B}[1m".sanitizedForTerminal(keepingLineBreaks: true) == "a\nb\nc\nd")
    }

    @Test("every ASCII character between two letters: printable ones stay, tab and line ends become a space, other controls go")
    func everyASCII() {
        for byte in UInt8(0)...0x7F {
            let text = "a" + String(Character(Unicode.Scalar(byte))) + "b"
            let expected = switch byte {
            case 0x20..<0x7F: text
            case 0x09, 0x0A, 0x0D: "a b"
            case 0x1B: "a"  // ESC takes the character after it as its sequence
            default: "ab"
            }
            #expect(text.sanitizedForTerminal() == expected, "byte \(byte)")
        }
    }
}
