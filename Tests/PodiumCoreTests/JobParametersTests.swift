import Foundation
import PodiumCore
import Testing

/// Job parameters are typed in code and the same flat JSON object on disk as ever.
@Suite("Job parameters")
struct JobParametersTests {
    private func json(_ parameters: JobParameters) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(parameters), as: UTF8.self)
    }

    @Test("typed fields are written under the names job files always used")
    func sameShape() throws {
        let draft = RecordID<Draft>("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b")
        let parameters = JobParameters(question: "why?", audience: "board", filter: "invoice", method: .wsjf,
                                       supersedes: draft, importedFile: "reviews.csv")
        #expect(try json(parameters) == #"{"audience":"board","filter":"invoice","imported":"reviews.csv","method":"wsjf","question":"why?","supersedes":"0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"}"#)
        #expect(try json([:]) == "{}")
    }

    @Test("a job file written before typed parameters, or by a newer Podium, reads and writes back unchanged")
    func losslessRoundTrip() throws {
        let written = #"{"audience":"leadership","method":"moscow","tone":"warm"}"#
        let parameters = try JSONDecoder().decode(JobParameters.self, from: Data(written.utf8))
        #expect(parameters.audience == "leadership")
        #expect(parameters.method == nil && parameters[.method] == "moscow", "an unknown method stays as written")
        #expect(parameters.unknown == ["method": "moscow", "tone": "warm"])
        #expect(try json(parameters) == written)
        #expect(JobParameters(["method": "WSJF"]).method == .wsjf, "the method's name in any case")
    }

    @Test("a whole job keeps its parameters through its JSON")
    func jobRoundTrip() throws {
        let job = Job(kind: .ask, stance: .orchestrator, parameters: ["question": "  what changed?  ", "newer": "x"])
        let decoded = try JSONDecoder().decode(Job.self, from: try JSONEncoder().encode(job))
        #expect(decoded.parameters == job.parameters)
        #expect(decoded.parameters.trimmed.question == "what changed?")
        #expect(JobParameters(question: "  ").trimmed.question == nil, "blank counts as not given")
        #expect(JobParameters(supersedes: RecordID("a"), importedFile: "f").withoutBookkeeping == [:])
    }
}
