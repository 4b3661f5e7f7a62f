import Foundation
import FuzzSupport
import PodiumAI
import PodiumCore
import PodiumEngine
import PodiumTUI

// The user's settings files: config.toml and config.json as `podium` reads them
// (`UserConfig.load`, compiled here from Sources/podium/Dashboard/UserConfig.swift through a
// symlink, so the harness runs the command's own code: TOMLKit, then the provider
// profiles, the automation settings, key bindings and the theme name), and theme files
// (`Themes.load`). Each input is written as a config.toml, as a config.json and as a theme
// file. A broken file gives warnings and the defaults; it must never crash.

let tomlFolder = Fuzz.folder("config-toml")

/// Known, reported, not fixed here: TOMLKit 0.6.0's toml++ aborts the process (an assertion
/// in `parser::parse_key`, live in debug and release builds alike) on a table header whose
/// name starts with a character that is neither a bare-key character nor a quote, or that
/// ends where its name should start: `[{`, `[ ]`, `[.a]`, `[[#`, `[` and a line break…
/// (Tests/Fixtures/Fuzz/crashes/config-toml-table-header-*.toml).
/// Such files are not given to the TOML reader, so that the fuzzer can go on finding
/// other crashes; PODIUM_FUZZ_KNOWN_CRASHES=1 gives them to it (to check for a fix).
let skipKnownCrashes = ProcessInfo.processInfo.environment["PODIUM_FUZZ_KNOWN_CRASHES"] != "1"

func hitsTableHeaderAssertion(_ bytes: [UInt8]) -> Bool {
    func isBareOrQuote(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }
    for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
        var rest = line.drop { $0 == 0x20 || $0 == 0x09 }
        guard rest.first == UInt8(ascii: "[") else { continue }
        rest = rest.dropFirst()
        if rest.first == UInt8(ascii: "[") { rest = rest.dropFirst() }
        rest = rest.drop { $0 == 0x20 || $0 == 0x09 }
        // The line's end counts too: "[" and a line break abort as well.
        guard let first = rest.first, isBareOrQuote(first) else { return true }
    }
    return false
}
let jsonFolder = Fuzz.folder("config-json")
let themeFolder = Fuzz.folder("themes")

func check(_ config: UserConfig) {
    Fuzz.require((1...8).contains(config.jobsAtOnce), "jobs_at_once \(config.jobsAtOnce) outside 1…8")
    for (name, profile) in config.providers.profiles {
        Fuzz.require(name != "local" && profile.name == name, "profile \(name) named \(profile.name)")
        Fuzz.require(["http", "https"].contains(profile.baseURL.scheme ?? ""), "profile \(name) with base_url \(profile.baseURL)")
        _ = profile.info
    }
    _ = config.providers.providerName(for: .summarizeFeedback, stance: .customerRepresentative)
    _ = config.warnings.joined(separator: "\n")
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfig(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Fuzz.bytes(data, size)
    // A file only its owner can read may hold an API key: half the inputs are read as one.
    let permissions = bytes.count % 2 == 0 ? 0o600 : 0o644

    if !(skipKnownCrashes && hitsTableHeaderAssertion(bytes)) {
        let toml = Fuzz.write(bytes, named: "config.toml", in: tomlFolder)
        try? FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: toml.path)
        check(UserConfig.load(from: tomlFolder))
    }

    let json = Fuzz.write(bytes, named: "config.json", in: jsonFolder)
    try? FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: json.path)
    check(UserConfig.load(from: jsonFolder))

    Fuzz.write(bytes, named: "fuzz.json", in: themeFolder)
    do {
        let theme = try Themes.named("fuzz", searching: [themeFolder])
        for role in Themes.roles { _ = theme.styles[role] }
    } catch {
        _ = String(describing: error)
    }
    return 0
}
