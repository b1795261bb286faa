import AlmanacCore

/// The standard Theta method (the `theta` model) as R's forecast::thetaf:
/// simple exponential smoothing with drift on the seasonally adjusted series
/// (docs/forecasting-theta.md). The optimised and dynamic variants are
/// reached by name: `NamedModel("optimized_theta")`.
public struct Theta: ForecastModel {
    /// A fixed SES smoothing parameter; nil: estimated.
    public var alpha: Double?
    /// The optimiser: R's Nelder–Mead (reproduces thetaf) or a restarted scaled simplex.
    public var optimizer = ETS.Optimizer.nelderMead
    /// Box–Cox, bias adjustment and clipping at zero.
    public var common = CommonOptionValues()

    /// Theta with the smoothing parameter estimated (or fixed at `alpha`).
    public init(alpha: Double? = nil) {
        self.alpha = alpha
    }

    /// "theta".
    public var name: String { "theta" }

    /// The options under the catalog's names.
    public var options: [String: ParameterValue] {
        var out = common.options
        out["alpha"] = alpha.map(ParameterValue.number)
        out["optimizer"] = .string(optimizer.rawValue)
        return out
    }
}
