import PodiumCore

/// What the user says a tracker's statuses mean (`--status "Waiting for QA=in-progress"`,
/// repeatable): these win over the layout's table and over Podium's usual words.
public struct StatusMeanings: Sendable, Equatable {
    private var meanings: [String: BacklogStatus] = [:]

    /// Reads "TRACKER STATUS=PODIUM STATUS" options; throws `ImportError.badOption` naming
    /// the option that is not one.
    public init(_ options: [String]) throws {
        let choices = BacklogStatus.allCases.map(\.rawValue).joined(separator: ", ")
        for option in options {
            guard let equals = option.lastIndex(of: "=") else {
                throw ImportError.badOption("--status \"\(option)\": expected \"TRACKER STATUS=STATUS\", STATUS one of \(choices)")
            }
            let written = String(option[..<equals]).trimmingCharacters(in: .whitespaces)
            let meaning = String(option[option.index(after: equals)...])
            guard !written.isEmpty, !LayoutColumns.normalize(written).isEmpty else {
                throw ImportError.badOption("--status \"\(option)\": the tracker's status before \"=\" is missing")
            }
            guard let status = BacklogStatus.allCases.first(where: { LayoutColumns.normalize($0.rawValue) == LayoutColumns.normalize(meaning) }) else {
                throw ImportError.badOption("--status \"\(option)\": \"\(meaning.trimmingCharacters(in: .whitespaces))\" is not a Podium status; use one of \(choices)")
            }
            let word = LayoutColumns.normalize(written)
            if let earlier = meanings[word], earlier != status {
                throw ImportError.badOption("--status \"\(option)\": \"\(written)\" is already mapped to \(earlier.rawValue)")
            }
            meanings[word] = status
        }
    }

    /// The status the user gave for `written`, if any (compared without case, spaces or punctuation).
    public func status(for written: String) -> BacklogStatus? {
        meanings.isEmpty ? nil : meanings[LayoutColumns.normalize(written)]
    }
}
