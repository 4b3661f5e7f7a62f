import Foundation

/// Runs a built executable to completion and captures what it printed.
public struct ProcessResult: Sendable {
    public var status: Int32
    public var standardOutput: String
    public var standardError: String
}

/// Runs `executable` with `arguments` (and extra environment), waiting for it to exit.
public func run(
    _ executable: URL, _ arguments: [String], environment: [String: String] = [:], input: Data? = nil
) throws -> ProcessResult {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    var merged = ProcessInfo.processInfo.environment
    merged.merge(environment) { _, new in new }
    process.environment = merged
    let output = Pipe()
    let error = Pipe()
    let standardInput = Pipe()
    process.standardOutput = output
    process.standardError = error
    process.standardInput = standardInput
    try process.run()
    if let input { standardInput.fileHandleForWriting.write(input) }
    try standardInput.fileHandleForWriting.close()
    // Read both pipes while the process runs so that neither can fill up and block it.
    let collected = CollectedOutput()
    let group = DispatchGroup()
    for (index, pipe) in [output, error].enumerated() {
        group.enter()
        DispatchQueue.global().async {
            collected.set(index, pipe.fileHandleForReading.readDataToEndOfFile())
            group.leave()
        }
    }
    group.wait()
    process.waitUntilExit()
    return ProcessResult(
        status: process.terminationStatus,
        standardOutput: String(decoding: collected.get(0), as: UTF8.self),
        standardError: String(decoding: collected.get(1), as: UTF8.self))
}

private final class CollectedOutput: @unchecked Sendable {
    private var data = [Data(), Data()]
    private let lock = NSLock()
    func set(_ index: Int, _ value: Data) { lock.withLock { data[index] = value } }
    func get(_ index: Int) -> Data { lock.withLock { data[index] } }
}
