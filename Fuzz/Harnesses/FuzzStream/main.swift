import FuzzSupport
import PodiumCore
@testable import PodiumAI

// A model server's answer as it streams in: the server-sent-events parser, the OpenAI and
// Anthropic stream decoders, the stream state that collects the answer (`StreamState`, as
// `ChatProvider` runs it), and the reading of the answer's citations. Each input is the
// body of a `text/event-stream` response.
//
// The parser promises to read a stream "in chunks cut anywhere": the same bytes fed whole,
// one byte at a time, or cut where the input's own bytes say, must give the same events.

/// Feeds `bytes` in chunks whose sizes come from the bytes themselves (1 to 8 each).
func chunks(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
    var result: [ArraySlice<UInt8>] = []
    var start = 0
    var turn = 0
    while start < bytes.count {
        let size = 1 + Int(bytes[turn % bytes.count] % 8)
        result.append(bytes[start..<min(bytes.count, start + size)])
        start += size
        turn += 1
    }
    return result
}

func events(_ pieces: [ArraySlice<UInt8>]) -> [ServerSentEvent] {
    var parser = ServerSentEventParser()
    var events: [ServerSentEvent] = []
    for piece in pieces { events += parser.feed(piece) }
    return events + parser.finish()
}

/// The record a cited sentence is checked against, as `CitationCheck.flagged` does.
let record = "Sync fails offline when the technician's tablet loses signal in the basement."

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzStream(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Fuzz.bytes(data, size)
    let whole = events([bytes[...]])
    let byByte = events(bytes.indices.map { bytes[$0...$0] })
    Fuzz.require(whole == byByte, "one byte at a time gave other events: \(whole) vs \(byByte)")
    let cut = events(chunks(bytes))
    Fuzz.require(whole == cut, "chunks gave other events: \(whole) vs \(cut)")

    for kind in [ProviderProfile.Kind.openAI, .anthropic] {
        let decode = ChatProvider.decoder(for: kind)
        for event in whole { _ = decode(event) }
        // The answer as the provider collects it, fed as the network would.
        let state = StreamState(context: JobContext(), decode: decode)
        for piece in chunks(bytes) { state.feed(Array(piece)) }
        let (text, usage, error, _) = state.finish()
        _ = (usage, error.map { LLMJob.redact($0, key: "sk-fuzz-key") })
        for (sentence, ids) in CitationCheck.citedSentences(text) {
            Fuzz.require(!ids.isEmpty, "a cited sentence without ids: \(sentence)")
            _ = CitationCheck.supports(record, sentence)
        }
        _ = CitedIDs.short(in: text)
        _ = FeedbackLink.listedPairs(in: text)
        _ = LLMJob.redact(text, key: "sk-fuzz-key")
    }
    return 0
}
