import AlmanacCore

/// A chart that cannot be drawn: bad input to a builder, gnuplot missing or failing.
public struct ChartError: MessageError {
    public let message: String
    public init(_ message: String) { self.message = message }
}
