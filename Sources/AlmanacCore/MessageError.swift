/// An error that is one message for a person. Each domain has its own type
/// (ParameterError, OptimizationError, ...) so callers can tell them apart;
/// this protocol gives them their shared description.
public protocol MessageError: Error, CustomStringConvertible, Sendable {
    var message: String { get }
}

extension MessageError {
    public var description: String { message }
}
