/// A fitted model on other data without estimating again: what `m:apply` and a
/// backtest with refit = false do. A global network reads the new data as it
/// is; any other model rebuilds itself from its saved state on the new data
/// (its estimates kept, its states restarted from the new observations).
extension FittedModel {
    /// This fit's estimates on `data`; `forecaster` is the configured model it came from.
    public func applied(to data: ModelData, forecaster: any Forecaster) throws(ForecastError) -> any FittedModel {
        if let again = reapplied(to: data) { return again }
        return try forecaster.restore(data, state: savedState)
    }
}
