import FuzzSupport
import PodiumExchange

// The tabular readers (CSVReader, JSONRecordsReader, TextDecoding, the SurveyMonkey second
// header row) through `TabularReader.read`, the way every import reads a file: each input
// is read as a .csv, a .json and a .jsonl file, and once more with an encoding forced as
// `--encoding` does. A file may be refused with an `ImportError`; it must never crash, and
// what is read keeps the promises the importers rely on.

let names = ["fuzz.csv", "fuzz.json", "fuzz.jsonl"]
let encodings = ["utf-8", "utf-16le", "utf-16be", "utf-16", "windows-1252", "latin1"]

func read(_ bytes: [UInt8], name: String, encoding: String?) {
    let table: TabularData
    do {
        table = try TabularReader.read(bytes, fileName: name, encoding: encoding)
    } catch {
        _ = String(describing: error)  // the message the user sees is made too
        return
    }
    // Every column has a name of its own (repeated and empty header names are renamed).
    Fuzz.require(Set(table.columns).count == table.columns.count, "\(name): repeated column names \(table.columns)")
    // Rows are in file order and carry the line (or element) they start on.
    var previous = 0
    for row in table.rows {
        Fuzz.require(row.line > previous, "\(name): row line \(row.line) after \(previous)")
        previous = row.line
        let keys = Set(row.values.keys)
        Fuzz.require(keys.isSubset(of: table.columns), "\(name): row \(row.line) has values outside the columns")
        for column in table.columns { _ = row[column] }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTabular(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Fuzz.bytes(data, size)
    for name in names { read(bytes, name: name, encoding: nil) }
    read(bytes, name: "fuzz.csv", encoding: encodings[bytes.count % encodings.count])
    return 0
}
