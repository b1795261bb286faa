/// An error that is one message for a person. Each domain has its own type
/// (ParameterError, OptimizationError, ...) so callers can tell them apart;
/// this protocol gives them their shared description.
public protocol MessageError: Error, CustomStringConvertible, Sendable {
    /// The complete text for a person, saying what went wrong (and where known, what to do instead).
    var message: String { get }
}

extension MessageError {
    /// The message itself, so printing or interpolating the error shows exactly `message`.
    public var description: String { message }
}
