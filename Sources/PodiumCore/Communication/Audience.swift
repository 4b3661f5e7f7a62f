/// Who a communication is written for, as the jobs that write them tell audiences apart:
/// what a team, leadership and customers each need to read differs in content, not only in
/// the title.
public enum Audience: String, Sendable, Hashable, CaseIterable {
    /// The Scrum Team: what is done, in progress, next and blocked, with the tracker's keys.
    case team
    /// Leadership and other stakeholders: goal progress, measures, risks, decisions needed.
    case leadership
    /// Customers and users: what changed for them in plain words, no internal ids.
    case customers

    /// The audience a written name means: "engineering team" is the team, "the board" or
    /// "Finance Director" leadership, "all customers" customers. A name that says none of
    /// these is a stakeholder, so leadership.
    public init(reading name: String) {
        let words = Set(name.lowercased().split { !$0.isLetter }.map(String.init))
        func has(_ list: [String]) -> Bool { !words.isDisjoint(with: list) }
        if has(["customer", "customers", "user", "users", "client", "clients", "public", "everyone", "subscribers", "community"]) {
            self = .customers
        } else if has(["team", "teams", "developers", "developer", "engineering", "engineers", "devs", "squad", "scrum", "sprint"]) {
            self = .team
        } else {
            self = .leadership
        }
    }
}
