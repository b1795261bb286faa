import Forecasting
import Neural

extension GlobalNeuralForecaster {
    /// How windows' errors are weighed in the loss (TrainingWindows.Weighting).
    /// `mase` is the default: on M3 monthly it beat `level` on both sMAPE and
    /// MASE for each of three seeds (bench/README.md#neural).
    public enum Weighting: String, Sendable, CaseIterable {
        /// Relative to the window's level (sMAPE's view).
        case level
        /// Relative to the window's seasonal naive error (MASE's view).
        case mase
        /// Members alternate: even ones `level`, odd ones `mase`.
        case mixed
    }

    /// Member k's loss weighting.
    func weighting(member k: Int) -> TrainingWindows.Weighting {
        switch weighting {
        case .level: return .level
        case .mase: return .mase
        case .mixed: return k % 2 == 0 ? .level : .mase
        }
    }
}
