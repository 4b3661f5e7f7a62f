/// Which job kinds' drafts may be accepted without a review: "always review" by default,
/// "auto-accept" only for low-risk kinds (sentiment tags, themes, summaries). Kinds that
/// change direction or what others are told can never be auto-accepted.
public struct TrustPolicy: Codable, Sendable, Hashable {
    /// The kinds whose drafts are accepted as soon as they are made.
    public private(set) var autoAccepted: Set<JobKind> = []

    public init() {}

    /// Why a kind cannot be auto-accepted.
    public struct Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        public var description: String
    }

    /// Lets drafts of `kind` be accepted without review; refused unless the kind is low risk.
    public mutating func allowAutoAccept(_ kind: JobKind) throws {
        guard let info = kind.info else {
            throw Refusal(description: "unknown job kind \"\(kind)\" (podium jobs kinds lists them)")
        }
        guard info.risk == .low else {
            let low = JobKindInfo.all.filter { $0.risk == .low }.map(\.kind.rawValue).joined(separator: ", ")
            throw Refusal(description: "\(kind) is \(info.risk.rawValue) risk (\(info.onAccept)): its drafts are always reviewed; "
                + "auto-accept is for low-risk kinds only: \(low)")
        }
        autoAccepted.insert(kind)
    }

    /// Back to "always review" for `kind`.
    public mutating func requireReview(_ kind: JobKind) { autoAccepted.remove(kind) }

    /// Whether a draft of `kind` is accepted without review.
    public func autoAccepts(_ kind: JobKind) -> Bool {
        autoAccepted.contains(kind) && kind.info?.risk == .low
    }
}
