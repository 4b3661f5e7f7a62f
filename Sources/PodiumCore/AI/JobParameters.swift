import Foundation

/// The values a job runs with besides its input records, typed; stored in the job's file as
/// the flat `"parameters": {"name": "value"}` object it always was, so every workspace opens.
public struct JobParameters: Codable, Sendable, Hashable, ExpressibleByDictionaryLiteral {
    /// The question of `ask`, in the asker's words.
    public var question: String?
    /// Who a stakeholder update is for, e.g. "leadership".
    public var audience: String?
    /// The filter that chose the feedback inputs (the dashboard's or `--filter`), for titles.
    public var filter: String?
    /// How the backlog is scored (RICE when nil).
    public var method: ScoringMethod?
    /// The draft a regenerated job replaces.
    public var supersedes: RecordID<Draft>?
    /// The file whose import started the job (automation's bookkeeping, not a different job).
    public var importedFile: String?
    /// The signals a spike rule ran the job for, "rising:offline sync:2026-11-30; …" (automation's
    /// bookkeeping: each signal starts a rule's job once).
    public var signals: String?
    /// Parameters this version cannot read, by name: a newer Podium's, or a value it does not
    /// know (a method other than rice or wsjf). Kept as written, so saving the job loses nothing.
    public var unknown: [String: String]

    /// The name of each typed parameter in the job's file.
    enum Name: String, CaseIterable {
        case question, audience, filter, method, supersedes
        case importedFile = "imported"
        case signals
    }

    public init(
        question: String? = nil, audience: String? = nil, filter: String? = nil, method: ScoringMethod? = nil,
        supersedes: RecordID<Draft>? = nil, importedFile: String? = nil, unknown: [String: String] = [:]
    ) {
        self.question = question
        self.audience = audience
        self.filter = filter
        self.method = method
        self.supersedes = supersedes
        self.importedFile = importedFile
        self.unknown = unknown
    }

    /// The parameters named in `entries`, as a job's file holds them.
    public init(_ entries: [String: String]) {
        self.init(unknown: [:])
        for (name, value) in entries {
            switch Name(rawValue: name) {
            case .question: question = value
            case .audience: audience = value
            case .filter: filter = value
            case .method:
                if let known = ScoringMethod(name: value) { method = known } else { unknown[name] = value }
            case .supersedes: supersedes = RecordID(value)
            case .importedFile: importedFile = value
            case .signals: signals = value
            case nil: unknown[name] = value
            }
        }
    }

    public init(dictionaryLiteral elements: (String, String)...) {
        self.init(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }

    /// Every parameter by its name in the job's file (a typed one wins over an unknown one of
    /// the same name).
    public var entries: [String: String] {
        var entries = unknown
        for name in Name.allCases {
            if let value = value(of: name) { entries[name.rawValue] = value }
        }
        return entries
    }

    /// A parameter by its name in the job's file, e.g. for listing them all.
    public subscript(name: String) -> String? { entries[name] }

    /// A value typed by the person running the job, by what it is.
    public subscript(parameter: JobParameter) -> String? {
        get {
            switch parameter {
            case .question: question
            case .audience: audience
            case .method: method?.rawValue ?? unknown[Name.method.rawValue]
            }
        }
        set {
            switch parameter {
            case .question: question = newValue
            case .audience: audience = newValue
            case .method:
                method = newValue.flatMap(ScoringMethod.init(name:))
                unknown[Name.method.rawValue] = method == nil ? newValue : nil
            }
        }
    }

    private func value(of name: Name) -> String? {
        switch name {
        case .question: question
        case .audience: audience
        case .filter: filter
        case .method: method?.rawValue
        case .supersedes: supersedes?.rawValue
        case .importedFile: importedFile
        case .signals: signals
        }
    }

    /// The same parameters with the typed-in texts trimmed; a blank one counts as not given.
    public var trimmed: JobParameters {
        func clean(_ text: String?) -> String? {
            guard let text = text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
            return text
        }
        var copy = self
        copy.question = clean(question)
        copy.audience = clean(audience)
        copy.filter = clean(filter)
        return copy
    }

    /// The parameters that make two runs different jobs: without what a regeneration or an
    /// import rule adds for bookkeeping.
    public var withoutBookkeeping: JobParameters {
        var copy = self
        copy.supersedes = nil
        copy.importedFile = nil
        copy.signals = nil
        return copy
    }

    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode([String: String].self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(entries)
    }
}
