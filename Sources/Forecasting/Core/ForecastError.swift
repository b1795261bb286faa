import AlmanacCore

/// Why a model could not be fitted or could not forecast: one message for a
/// person, naming the model and the series.
public struct ForecastError: MessageError {
    public let message: String
    /// The model cannot fit any series as it is configured (an attribute no series
    /// has): fit_many reports it rather than falling back for every series.
    public var isModelWide = false
    public init(_ message: String) { self.message = message }

    public static func modelWide(_ message: String) -> ForecastError {
        var error = ForecastError(message)
        error.isModelWide = true
        return error
    }
}
