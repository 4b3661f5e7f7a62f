import Foundation
import FuzzSupport
import PodiumAI
import PodiumCore
import PodiumEngine
import PodiumTUI

// The user's settings files: config.toml and config.json as `podium` reads them
// (`UserConfig.load`, compiled here from Sources/podium/Dashboard/UserConfig.swift through a
// symlink, so the harness runs the command's own code: the provider profiles, the
// automation settings, key bindings and the theme name), and theme files (`Themes.load`).
// Each input is written as a config.json and as a theme file (and as a config.toml with
// PODIUM_FUZZ_KNOWN_CRASHES=1, see below). A broken file gives warnings and the defaults;
// it must never crash.

let tomlFolder = Fuzz.folder("config-toml")
let jsonFolder = Fuzz.folder("config-json")
let themeFolder = Fuzz.folder("themes")

/// Known, reported, not fixed here: TOMLKit 0.6.0's toml++ aborts the process on malformed
/// TOML in more than one place (its assertions, live in debug and release builds alike:
/// `[{`, `[` and a line break, `d=[}` in Tests/Fixtures/Fuzz/crashes/config-toml-*.toml, all
/// found within minutes, and toml++ has about 90 such assertions). Until `UserConfig` stops
/// handing a file it has not checked to it, fuzzing the TOML reader finds only more of the
/// same, so config.toml is read only with PODIUM_FUZZ_KNOWN_CRASHES=1; by default each input
/// goes through config.json (the same settings code after the TOML is converted) and the
/// theme reader.
let readsTOML = ProcessInfo.processInfo.environment["PODIUM_FUZZ_KNOWN_CRASHES"] == "1"

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

    if readsTOML {
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
