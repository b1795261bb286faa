import AlmanacCore

/// Why a model could not be fitted or could not forecast: one message for a
/// person, naming the model and the series.
public struct ForecastError: MessageError {
    /// The message, starting with the model's name.
    public let message: String
    /// The model cannot fit any series as it is configured (an attribute no series
    /// has): fit_many reports it rather than falling back for every series.
    public var isModelWide = false
    /// An error for one series.
    public init(_ message: String) { self.message = message }

    /// An error no series can escape (see `isModelWide`).
    public static func modelWide(_ message: String) -> ForecastError {
        var error = ForecastError(message)
        error.isModelWide = true
        return error
    }
}
