import AlmanacCore

/// Why a model could not be fitted or could not forecast: one message for a
/// person, naming the model and the series.
public struct ForecastError: MessageError {
    public let message: String
    public init(_ message: String) { self.message = message }
}
