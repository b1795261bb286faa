import AlmanacCore

/// The options every model takes (`lambda`, `biasadj`, `non_negative`), as
/// Swift values for the typed models. See `CommonModelOptions` for what they do.
public struct CommonOptionValues: Sendable, Equatable {
    /// A Box–Cox parameter: a given λ (0 is the logarithm) or one chosen by Guerrero's method.
    public enum Lambda: Sendable, Equatable {
        /// λ as given, between −1 and 2.
        case value(Double)
        /// λ chosen in [−0.9, 2] by Guerrero's method (`lambda = "auto"`).
        case automatic
    }

    /// Box–Cox transformation before fitting; nil: none.
    public var lambda: Lambda?
    /// With `lambda`: back-transform to the forecast mean instead of the median.
    public var biasAdjusted: Bool
    /// Clip forecasts, interval bounds and sample paths at zero.
    public var nonNegative: Bool

    /// The defaults: no transformation, no clipping.
    public init(lambda: Lambda? = nil, biasAdjusted: Bool = false, nonNegative: Bool = false) {
        self.lambda = lambda
        self.biasAdjusted = biasAdjusted
        self.nonNegative = nonNegative
    }

    /// The options under their catalog names.
    var options: [String: ParameterValue] {
        var out: [String: ParameterValue] = ["biasadj": .boolean(biasAdjusted), "non_negative": .boolean(nonNegative)]
        switch lambda {
        case .value(let x)?: out["lambda"] = .number(x)
        case .automatic?: out["lambda"] = .string("auto")
        case nil: break
        }
        return out
    }
}
