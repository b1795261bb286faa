/// Teunter, Syntetos & Babai (2011): the probability of a demand is smoothed
/// every period (so it decays through a run of zeros, which Croston's interval
/// level cannot), the size only when a demand occurs; the forecast is their product.
extension IntermittentMethods {
    /// As statsforecast's TSB: SES (α_p) on the 0/1 occurrence over all periods, times SES (α_d)
    /// on the nonzero sizes, both started at their first value.
    static func tsb(_ y: [Double], alphaDemand: Double, alphaProbability: Double) -> Result {
        let sizes = IntermittentSmoothing.sizes(y)
        let occurrence = y.map { $0 != 0 ? 1.0 : 0.0 }
        let (probability, probabilityFitted) = IntermittentSmoothing.ses(occurrence, alpha: alphaProbability)
        let sizeLevels = runningForecasts(sizes, alpha: alphaDemand)
        // The size forecast in force at each period: the level after the demands seen so far
        // (0 before the first, which the zero probability level multiplies anyway).
        var fitted = [Double](repeating: .nan, count: y.count)
        var seen = 0
        for t in y.indices.dropFirst() {
            if y[t - 1] != 0 { seen += 1 }
            fitted[t] = probabilityFitted[t] * (seen == 0 ? 0 : sizeLevels[seen - 1])
        }
        let sizeLevel = sizeLevels.last ?? 0
        return Result(
            forecast: probability * sizeLevel, fitted: fitted,
            parameters: [
                NamedValue("alpha_d", alphaDemand), NamedValue("alpha_p", alphaProbability),
                NamedValue("size_level", sizeLevel), NamedValue("probability", probability),
            ],
            occurrence: probability, estimatedCount: 0)
    }
}
