import Foundation
import FuzzSupport
import PodiumAI
import PodiumCore
import PodiumEngine
import PodiumTUI

// The user's settings files: config.json as `podium` reads them (`UserConfig.load`,
// compiled here from Sources/podium/Dashboard/UserConfig.swift through a symlink, so the
// harness runs the command's own code: the provider profiles, the automation settings, key
// bindings and the theme name), and theme files (`Themes.load`). Each input is written as a
// config.json and as a theme file. A broken file gives warnings and the defaults; it must
// never crash.
//
// config.toml is not fuzzed here: `podium` parses TOML in a child process of its own
// executable (`TOMLReader`, also compiled here through a symlink, as `UserConfig` names it),
// because the TOML parser TOMLKit bundles (toml++) aborts on malformed files (`[{`, `d=[}`,
// found by this harness: Tests/Fixtures/Fuzz/crashes/config-toml-*.toml). A harness that
// read a config.toml would start itself as that child. The settings code after the TOML is
// converted is the same one config.json reaches.

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
