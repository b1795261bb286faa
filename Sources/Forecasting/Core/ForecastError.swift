import AlmanacCore

/// Why a model could not be fitted or could not forecast: one message for a
/// person, naming the model and the series.
public struct ForecastError: MessageError {
    /// The message, starting with the model's name.
    public let message: String
    /// The model cannot fit any series as it is configured (an attribute no series
    /// has): fit_many reports it rather than falling back for every series.
    public var isModelWide = false
    /// The error as the code that raised it outside this layer gave it (a Lua
    /// model's own error value): the binding re-raises it unchanged.
    public var underlying: (any Error)?
    /// The run is being stopped (a time limit, an interrupt, the memory cap) while
    /// a model ran: orchestration passes it on instead of recording a failed
    /// series or falling back.
    public var stopsTheRun = false
    /// An error for one series.
    public init(_ message: String) { self.message = message }

    /// An error raised outside this layer, kept to be re-raised as it was.
    public init(_ message: String, underlying: any Error, stopsTheRun: Bool = false) {
        self.message = message
        self.underlying = underlying
        self.stopsTheRun = stopsTheRun
    }

    /// An error no series can escape (see `isModelWide`).
    public static func modelWide(_ message: String) -> ForecastError {
        var error = ForecastError(message)
        error.isModelWide = true
        return error
    }
}
