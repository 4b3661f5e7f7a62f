/// A change by hand that could not be made for another reason than a field's text (a record
/// deleted meanwhile, nothing named): the reason, worded for the user.
public struct EditFailure: Error, Equatable, CustomStringConvertible {
    public var description: String

    public init(description: String) {
        self.description = description
    }
}
