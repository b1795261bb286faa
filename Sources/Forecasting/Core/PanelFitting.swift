import Foundation

/// Global models learn from every series of a panel at once; fit_many and
/// backtest hand them the whole panel instead of one series at a time.

/// One series' outcome of fitting a panel together.
public struct PanelMember: Sendable {
    /// The series' fit; nil when it failed.
    public var model: (any FittedModel)?
    /// Why this series got no model (too short for any window, bad values).
    public var failure: String?

    /// A member with its fit or its failure.
    public init(model: (any FittedModel)?, failure: String? = nil) {
        self.model = model
        self.failure = failure
    }
}

/// A training checkpoint as a progress bar shows it.
public struct TrainingReport: Sendable {
    /// Training steps taken.
    public var step: Int
    /// The most steps training may take.
    public var maxSteps: Int
    /// The loss on the training windows.
    public var trainingLoss: Double
    /// The loss on the held-back windows; nil without validation.
    public var validationLoss: Double?

    /// A checkpoint's figures.
    public init(step: Int, maxSteps: Int, trainingLoss: Double, validationLoss: Double?) {
        self.step = step
        self.maxSteps = maxSteps
        self.trainingLoss = trainingLoss
        self.validationLoss = validationLoss
    }

    /// The losses as a progress bar prints them.
    public var summary: String {
        var s = String(format: "loss %.4g", trainingLoss)
        if let validationLoss { s += String(format: ", validation %.4g", validationLoss) }
        return s
    }
}

/// Called at each validation check; returning false stops training (the
/// script's time limit or an interrupt), and the fit then fails with a message.
public typealias TrainingProgress = @Sendable (TrainingReport) -> Bool

extension Forecaster {
    /// Per-series models return nil: fit_many fits them one series at a time.
    public func fitTogether(
        _ items: [ModelData], threads: Int,
        progress: TrainingProgress?
    ) throws(ForecastError) -> [PanelMember]? { nil }

    /// Per-series models do not.
    public var learnsAcrossSeries: Bool { false }

    /// Native models are thread-safe: fit_many and backtest spread them over cores.
    public var runsOnCallingThread: Bool { false }

    /// The threads a panel job may use with this model: one (the caller's) for a
    /// model that must stay on its thread.
    public func usableThreads(_ threads: Int) -> Int { runsOnCallingThread ? 1 : threads }
}
