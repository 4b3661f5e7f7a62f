import Foundation
import PodiumAI
import PodiumCore
import PodiumEngine
import PodiumRender
import PodiumViewModels

/// The user's settings from `$XDG_CONFIG_HOME/podium/config.toml` (`~/.config/podium/config.toml`),
/// or `config.json` when there is no TOML file:
///
/// ```toml
/// theme = "light"
///
/// [keys]
/// quit = ["Q"]
/// filter = ["f", "/"]
/// ```
/// Unknown settings and actions are reported, never silently ignored.
struct UserConfig {
    var theme: String?
    var keyMap = KeyMap.standard
    /// The LLM profiles and which jobs use them (the built-in engine when there are none).
    var providers = ProviderSettings()
    /// Trust policy, minutes saved per kind and the inbox folder.
    var automation = AutomationSettings()
    /// How many AI jobs run at once (`jobs_at_once`, 1 to 8; 2 by default).
    var jobsAtOnce = 2
    /// Problems found in the file (the rest of the file still applies).
    var warnings: [String] = []

    /// The folder holding config.json and the user's themes.
    static func folder(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") {
            return URL(fileURLWithPath: config).appendingPathComponent("podium")
        }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".config/podium")
    }

    /// The config as this process read it, once: a command that checks it in `validate()`
    /// (`podium run --provider`) and uses it in `run()` reads the file one time.
    static let current = load()

    /// The settings for one workspace: these, with the provider settings of the workspace's
    /// own `podium.toml` laid over them (`ProviderSettings.overlaid`). Only provider settings
    /// belong there, and never a key: the file is shared with the team.
    func forWorkspace(_ root: URL) -> UserConfig {
        let file = root.appendingPathComponent("podium.toml")
        guard let data = FileManager.default.contents(atPath: file.path) else { return self }
        var config = self
        config.warnings = []
        let object: [String: Any]
        do {
            let json = try TOMLReader.json(String(decoding: data, as: UTF8.self))
            object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] ?? [:]
        } catch let error as TOMLReader.Failure {
            let place = error.line.flatMap { line in error.column.map { ":\(line):\($0)" } } ?? ""
            config.warnings.append("\(file.path)\(place): \(error.message.sanitizedForTerminal()); the workspace's settings are not used")
            return config
        } catch {
            config.warnings.append("\(file.path): \(error); the workspace's settings are not used")
            return config
        }
        for key in object.keys.sorted() where !ProviderSettings.topLevelKeys.contains(key) {
            config.warnings.append("\(file.path): \"\(key)\" is not read there: a workspace's podium.toml holds provider settings only ("
                + ProviderSettings.topLevelKeys.sorted().joined(separator: ", ") + "); the rest is each user's config")
        }
        // Shared in git: never private, so a key written in it is refused with a warning.
        let own = ProviderSettings(object, file: file.path, filePrivate: false)
        config.providers = providers.overlaid(with: own, setsDefault: object["provider"] != nil)
        config.warnings += own.warnings
        return config
    }

    /// Reads the config file, if there is one: config.toml, else config.json.
    static func load(from folder: URL = folder()) -> UserConfig {
        var config = UserConfig()
        let tomlFile = folder.appendingPathComponent("config.toml")
        let jsonFile = folder.appendingPathComponent("config.json")
        let file: URL
        let object: [String: Any]
        if let data = FileManager.default.contents(atPath: tomlFile.path) {
            file = tomlFile
            if FileManager.default.fileExists(atPath: jsonFile.path) {
                config.warnings.append("\(jsonFile.path) is not read: \(tomlFile.lastPathComponent) is there too")
            }
            do {
                // The TOML document as JSON: one reading of the settings for both formats.
                let json = try TOMLReader.json(String(decoding: data, as: UTF8.self))
                guard let converted = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else {
                    config.warnings.append("\(file.path): could not be read; using the defaults")
                    return config
                }
                object = converted
            } catch let error as TOMLReader.Failure {
                let place = error.line.flatMap { line in error.column.map { ":\(line):\($0)" } } ?? ""
                config.warnings.append("\(file.path)\(place): \(error.message.sanitizedForTerminal()); using the defaults")
                return config
            } catch {
                config.warnings.append("\(file.path): \(error); using the defaults")
                return config
            }
        } else if let data = FileManager.default.contents(atPath: jsonFile.path) {
            file = jsonFile
            guard let converted = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                config.warnings.append("\(file.path): not a JSON object; using the defaults")
                return config
            }
            object = converted
        } else {
            return config
        }
        let mode = (try? FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int) ?? 0o644
        config.providers = ProviderSettings(object, file: file.path, filePrivate: mode & 0o077 == 0)
        config.warnings += config.providers.warnings
        config.automation = AutomationSettings(object, file: file.path)
        config.warnings += config.automation.warnings
        for (key, value) in object {
            switch key {
            case "theme":
                if let name = value as? String { config.theme = name } else { config.warnings.append("\(file.path): \"theme\" must be a name") }
            case "jobs_at_once":
                if let count = (value as? Int) ?? (value as? NSNumber)?.intValue, (1...8).contains(count) {
                    config.jobsAtOnce = count
                } else {
                    config.warnings.append("\(file.path): jobs_at_once must be a whole number from 1 to 8")
                }
            case "keys":
                guard let bindings = value as? [String: Any] else {
                    config.warnings.append("\(file.path): \"keys\" must map action names to lists of keys")
                    continue
                }
                for (name, keys) in bindings.sorted(by: { $0.key < $1.key }) {
                    guard let action = Action(rawValue: name) else {
                        config.warnings.append("\(file.path): keys.\(name) is not an action; actions: "
                            + Action.allCases.map(\.rawValue).joined(separator: ", "))
                        continue
                    }
                    let names = (keys as? [String]) ?? (keys as? String).map { [$0] } ?? []
                    let parsed = names.compactMap(Key.init(name:))
                    guard !parsed.isEmpty, parsed.count == names.count else {
                        config.warnings.append("\(file.path): keys.\(name): \(keys) has a key Podium does not know (e.g. \"j\", \"Ctrl-R\", \"PgDn\", \"F2\")")
                        continue
                    }
                    for lost in config.keyMap.rebind(action, to: parsed) where config.keyMap.keys(for: lost).isEmpty {
                        config.warnings.append("\(file.path): keys.\(name) took the last key of \(lost.rawValue); bind it to another key")
                    }
                }
            case _ where ProviderSettings.topLevelKeys.contains(key) || AutomationSettings.topLevelKeys.contains(key):
                break  // read by ProviderSettings and AutomationSettings
            default:
                config.warnings.append("\(file.path): unknown setting \"\(key)\" (settings: theme, keys, jobs_at_once, "
                    + ProviderSettings.topLevelKeys.union(AutomationSettings.topLevelKeys).sorted().joined(separator: ", ") + ")")
            }
        }
        return config
    }
}
