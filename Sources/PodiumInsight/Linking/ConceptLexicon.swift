/// Words customers and teams use for the same thing in software products, grouped by
/// concept, so that "the app spins forever" can meet "performance of the list view".
///
/// The groups are general to software feedback (speed, crashes, sync, being offline,
/// notifications, logging in, prices, exporting…), never a product's own vocabulary: that is
/// learned from the workspace itself (see `EvidenceLinker`'s expansion from confident links).
/// Written before any labelled set was read, and not changed to fit one.
public enum ConceptLexicon {
    /// The concepts each stemmed term belongs to (a term may belong to several).
    static let conceptsByTerm: [String: [String]] = {
        var index: [String: [String]] = [:]
        for (concept, words) in groups {
            for word in words {
                // A hyphenated entry stands for the whole word, never for its parts ("screen-reader" is not "screen").
                let terms = Tokenizer.terms(word.replacingOccurrences(of: "-", with: ""))
                for term in terms where terms.count == 1 && !index[term, default: []].contains(concept) {
                    index[term, default: []].append(concept)
                }
            }
        }
        return index
    }()

    /// The concept tokens of a stemmed term ("~slow" for "lag").
    static func concepts(of term: String) -> [String] {
        conceptsByTerm[term] ?? []
    }

    /// How many different things `terms` (stemmed) name: terms of one concept ("battery"
    /// and "drain") count once.
    public static func distinctThings(_ terms: some Sequence<String>) -> Int {
        var seen = Set<String>()
        var count = 0
        for term in Set(terms).sorted() {
            let concepts = Self.concepts(of: term)
            if !concepts.isEmpty && concepts.contains(where: seen.contains) { continue }
            seen.formUnion(concepts)
            count += 1
        }
        return count
    }

    // MARK: - The groups

    private static let groups: [(String, [String])] = [
        ("~slow", ["slow", "slowly", "slowness", "lag", "laggy", "lagging", "sluggish", "forever", "ages", "spinning", "spinner", "spins",
                   "loading", "hang", "hangs", "hanging", "freeze", "freezes", "freezing", "frozen", "delay", "delayed", "timeout",
                   "performance", "speed", "faster", "quicker", "snappy", "responsive", "unresponsive", "latency", "stutter"]),
        ("~crash", ["crash", "crashes", "crashed", "crashing", "closes", "shuts", "force-close", "restart", "restarts", "reboot",
                    "stopped", "unusable", "kicked", "exception", "segfault"]),
        ("~sync", ["sync", "syncing", "synced", "synchronise", "synchronize", "synchronization", "synchronisation", "outdated", "stale",
                   "mismatch", "mismatched", "conflict", "conflicts", "overwrite", "overwritten", "overwrote"]),
        ("~offline", ["offline", "connection", "connectivity", "signal", "reception", "internet", "network", "wifi", "wi-fi",
                      "airplane", "coverage", "disconnect", "disconnected", "cellular"]),
        ("~notify", ["notification", "notifications", "notify", "notified", "alert", "alerts", "reminder", "reminders", "remind",
                     "ping", "pings", "push", "badge", "sms", "nudge"]),
        ("~duplicate", ["duplicate", "duplicates", "duplicated", "twice", "double", "doubled", "repeated", "triplicate", "dupes", "dupe"]),
        ("~export", ["export", "exports", "exporting", "download", "downloads", "csv", "excel", "spreadsheet", "xlsx", "spreadsheets"]),
        ("~print", ["print", "prints", "printing", "printable", "printer", "pdf", "pdfs"]),
        ("~import", ["import", "imports", "importing", "upload", "uploads", "uploading", "migrate", "migration", "migrating"]),
        ("~login", ["login", "log-in", "logging", "logged", "logout", "sign-in", "signin", "password", "passwords", "2fa",
                    "two-factor", "authentication", "authenticator", "otp", "lockout", "locked", "sso", "session", "sessions",
                    "credentials", "username"]),
        ("~price", ["price", "prices", "pricing", "priced", "expensive", "overpriced", "cost", "costs", "costly", "fee", "fees",
                    "subscription", "subscriptions", "subscribe", "tier", "tiers", "upgrade", "premium", "cheaper", "afford",
                    "affordable", "money", "charged", "paywall", "paywalled", "refund"]),
        ("~search", ["search", "searching", "searches", "lookup", "filter", "filters", "filtering"]),
        ("~battery", ["battery", "batteries", "drain", "drains", "draining", "drained", "power-hungry", "overheat", "overheating", "hot"]),
        ("~location", ["gps", "location", "locations", "accuracy", "accurate", "inaccurate", "coordinates", "geolocation", "drift", "drifts"]),
        ("~calendar", ["calendar", "calendars", "ical", "ics", "outlook", "agenda"]),
        ("~share", ["share", "shares", "sharing", "shared", "invite", "invites", "collaborate", "collaboration", "collaborator"]),
        ("~permission", ["permission", "permissions", "role", "roles", "admin", "admins", "rights", "restrict", "restricted",
                         "privileges", "read-only", "approval", "approve", "approver"]),
        ("~report", ["report", "reports", "reporting", "dashboard", "dashboards", "analytics", "chart", "charts", "graph", "graphs",
                     "stats", "statistics", "metrics", "breakdown"]),
        ("~language", ["language", "languages", "translation", "translations", "translate", "translated", "localisation",
                       "localization", "locale", "english", "french", "german", "spanish", "portuguese", "italian", "dutch"]),
        ("~appearance", ["dark", "theme", "themes", "contrast", "colour", "colours", "color", "colors", "font", "fonts",
                         "readability", "accessibility", "accessible", "screen-reader", "voiceover"]),
        ("~loss", ["lost", "lose", "losing", "loses", "disappeared", "disappear", "disappears", "vanished", "vanish", "wiped",
                   "erased", "deleted"]),
        ("~attachment", ["attachment", "attachments", "attach", "attached", "photo", "photos", "picture", "pictures", "camera",
                         "image", "images", "scan", "scans", "scanning", "scanner"]),
        ("~integration", ["integration", "integrations", "integrate", "api", "webhook", "webhooks", "zapier", "plugin", "plugins",
                          "connector", "third-party"]),
        ("~onboarding", ["onboarding", "setup", "set-up", "tutorial", "walkthrough", "confusing", "confused", "learn", "learning",
                         "intuitive", "unintuitive", "getting-started"]),
        ("~mobile", ["mobile", "phone", "phones", "iphone", "android", "tablet", "ipad", "smartphone"]),
        ("~wearable", ["watch", "watches", "smartwatch", "wearable", "wrist", "garmin", "wearos", "watchos"]),
        ("~bulk", ["bulk", "batch", "mass", "all-at-once"]),
        ("~recurring", ["recurring", "recurrence", "repeat", "repeats", "repeating", "weekly", "monthly", "automatic", "automatically"]),
        ("~undo", ["undo", "revert", "restore", "recover", "recovery", "accidentally", "mistake", "trash", "bin"]),
        ("~privacy", ["privacy", "private", "gdpr", "hipaa", "consent", "encryption", "encrypted", "secure", "security", "leak", "leaked"]),
    ]
}
