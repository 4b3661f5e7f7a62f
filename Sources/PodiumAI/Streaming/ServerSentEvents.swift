/// One event of a `text/event-stream`: its name (`event:`), its data (the `data:` lines
/// joined with line feeds) and its id.
public struct ServerSentEvent: Sendable, Equatable {
    public var event: String?
    public var data: String
    public var id: String?

    public init(event: String? = nil, data: String, id: String? = nil) {
        self.event = event
        self.data = data
        self.id = id
    }
}

/// Reads a `text/event-stream` as it arrives, in chunks cut anywhere: in the middle of a
/// line, of a CRLF, or of a UTF-8 character.
///
/// Follows the WHATWG rules: lines end with CR, LF or CRLF; an empty line dispatches the
/// event; `:` starts a comment (keep-alives); one space after the field's colon is dropped;
/// several `data:` lines join with a line feed; an event without data is not dispatched.
/// Unlike a browser, `finish()` also dispatches an event the stream ended in without its
/// blank line (servers send `data: [DONE]` and close).
public struct ServerSentEventParser: Sendable {
    private var line: [UInt8] = []
    private var afterCR = false
    private var data: [String] = []
    private var hasData = false
    private var eventName: String?
    private var lastID: String?

    public init() {}

    /// Takes the next bytes of the stream and returns the events they complete.
    public mutating func feed(_ bytes: some Sequence<UInt8>) -> [ServerSentEvent] {
        var events: [ServerSentEvent] = []
        for byte in bytes {
            if afterCR {
                afterCR = false
                if byte == 0x0A { continue }  // the LF of a CRLF cut between chunks
            }
            switch byte {
            case 0x0D:
                afterCR = true
                endLine(into: &events)
            case 0x0A:
                endLine(into: &events)
            default:
                line.append(byte)
            }
        }
        return events
    }

    /// The stream ended: returns the event it ended in, if one has data.
    public mutating func finish() -> [ServerSentEvent] {
        var events: [ServerSentEvent] = []
        if !line.isEmpty { endLine(into: &events) }
        dispatch(into: &events)
        return events
    }

    private mutating func endLine(into events: inout [ServerSentEvent]) {
        defer { line.removeAll(keepingCapacity: true) }
        guard !line.isEmpty else {
            dispatch(into: &events)
            return
        }
        if line[0] == 0x3A { return }  // a comment
        let text = String(decoding: line, as: UTF8.self)
        let field: Substring
        var value: Substring
        if let colon = text.firstIndex(of: ":") {
            field = text[..<colon]
            value = text[text.index(after: colon)...]
            if value.first == " " { value = value.dropFirst() }
        } else {
            field = text[...]
            value = ""
        }
        switch field {
        case "data":
            data.append(String(value))
            hasData = true
        case "event":
            eventName = String(value)
        case "id":
            if !value.contains("\0") { lastID = String(value) }
        default:
            break  // "retry" and unknown fields are ignored
        }
    }

    private mutating func dispatch(into events: inout [ServerSentEvent]) {
        defer {
            data.removeAll()
            hasData = false
            eventName = nil
        }
        guard hasData else { return }
        events.append(ServerSentEvent(event: eventName?.isEmpty == true ? nil : eventName, data: data.joined(separator: "\n"), id: lastID))
    }
}
