/// The point forecasts and one-step fitted values of the intermittent-demand
/// methods (CrostonMethod, TSBMethod, AggregationMethods). Every method
/// forecasts the same value for all future periods.
enum IntermittentMethods {
    struct Result {
        var forecast: Double
        /// fitted[t]: the forecast made with y_0…y_{t−1} (NaN at t = 0).
        var fitted: [Double]
        var parameters: [NamedValue]
        /// The chance of a demand in a period, as the method sees it; the
        /// sample paths draw occurrences with it.
        var occurrence: Double
        /// How many values were chosen from the data (smoothing parameters found by search).
        var estimatedCount: Int
    }
}
