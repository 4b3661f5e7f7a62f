import Foundation

/// A real browser for tests of what Podium writes as HTML: headless Chromium loads a file,
/// and the test gets the page as the browser built it and every network request the page
/// made (from Chromium's own network log, its background services left out).
public enum HeadlessBrowser {
    /// What loading a page came to.
    public struct Load: Sendable {
        /// The document after the browser parsed it (`--dump-dom`).
        public var dom: String
        /// URLs the page asked the network for (not file: or data:).
        public var pageRequests: [String]
    }

    public struct Missing: Error, CustomStringConvertible {
        public var description = "no Chromium on the PATH (chromium, chromium-browser or google-chrome): .ci/run installs it"
    }

    /// The browser on the PATH.
    public static func executable() throws -> URL {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for folder in folders where FileManager.default.isExecutableFile(atPath: folder + "/" + name) {
                return URL(fileURLWithPath: folder + "/" + name)
            }
        }
        throw Missing()
    }

    /// Loads `file` and returns its DOM and the page's network requests.
    public static func load(_ file: URL) throws -> Load {
        let folder = try TemporaryDirectory("podium-browser")
        let netLog = folder.url.appendingPathComponent("net.json")
        let process = Process()
        process.executableURL = try executable()
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                             "--disable-component-update", "--disable-sync", "--disable-default-apps", "--disable-extensions",
                             "--user-data-dir=" + folder.url.appendingPathComponent("profile").path,
                             "--log-net-log=" + netLog.path, "--dump-dom", file.absoluteString]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let dom = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return Load(dom: dom, pageRequests: try pageRequests(inNetLog: netLog))
    }

    /// Prints `file` to PDF as a person would from the browser, and returns the PDF's bytes.
    public static func printToPDF(_ file: URL) throws -> Data {
        let folder = try TemporaryDirectory("podium-print")
        let pdf = folder.url.appendingPathComponent("page.pdf")
        let process = Process()
        process.executableURL = try executable()
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                             "--user-data-dir=" + folder.url.appendingPathComponent("profile").path, "--no-pdf-header-footer",
                             "--print-to-pdf=" + pdf.path, file.absoluteString]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return (try? Data(contentsOf: pdf)) ?? Data()
    }

    /// The requests a file:// page started: in Chromium's net log, the URL requests whose
    /// network isolation key is the page's (the browser's own update and account checks
    /// carry another), other than file: and data: URLs.
    static func pageRequests(inNetLog file: URL) throws -> [String] {
        let data = try Data(contentsOf: file)
        guard let log = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let constants = log["constants"] as? [String: Any], let types = constants["logEventTypes"] as? [String: Int],
              let start = types["URL_REQUEST_START_JOB"], let events = log["events"] as? [[String: Any]] else { return [] }
        return events.compactMap { event -> String? in
            guard event["type"] as? Int == start, let parameters = event["params"] as? [String: Any],
                  let url = parameters["url"] as? String, let key = parameters["network_isolation_key"] as? String,
                  key.hasPrefix("file://"), !url.hasPrefix("file:"), !url.hasPrefix("data:") else { return nil }
            return url
        }
    }
}
