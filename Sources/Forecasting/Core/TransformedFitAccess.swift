import TimeSeries

/// The common-options wrapper as other modules of the package see it:
/// fine-tuning a neural model (NeuralForecasting) looks through it and puts
/// it back, while `TransformedFit` itself stays internal.
package enum CommonOptionsFit {
    /// The fit inside the wrapper with its lambda and clipping; nil when
    /// `model` is not wrapped (no common option was set).
    package static func unwrap(_ model: any FittedModel) -> (
        inner: any FittedModel, lambda: Double?, nonNegative: Bool
    )? {
        guard let wrapped = model as? TransformedFit else { return nil }
        return (wrapped.inner, wrapped.lambda, wrapped.nonNegative)
    }

    /// `fit` seen through `non_negative = true` (no lambda), on `series`.
    package static func clippedAtZero(_ fit: any FittedModel, series: Series) -> any FittedModel {
        TransformedFit(inner: fit, series: series, lambda: nil, biasadj: false, nonNegative: true)
    }
}
