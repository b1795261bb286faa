import AlmanacCore

/// A problem with input data, saying where: `sales.csv:17: column 'qty': 'abc' is not a number`.
public struct DataError: MessageError {
    public let message: String
    public init(_ message: String) { self.message = message }
}
