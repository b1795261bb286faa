import TimeSeries

extension FittedModel {
    /// The next `h` steps with intervals at `levels` (percent), checked as a
    /// script's `m:forecast{ h = …, levels = … }` is.
    ///
    /// - Parameters:
    ///   - h: steps ahead, 1 to `ForecastRequest.maximumHorizon`.
    ///   - levels: interval levels in percent, each in (0, 100); empty for point forecasts only.
    ///   - future: future values of the covariates, by name, for models with regressors.
    public func forecast(h: Int, levels: [Double] = [80, 95], future: [String: [Double]] = [:]) throws(ForecastError)
        -> Forecast
    {
        try forecast(ForecastRequest(horizon: h, levels: levels, future: future).validated(owner: modelName))
    }
}

extension Forecaster {
    /// Fits `series` alone (no covariates).
    public func fit(_ series: Series) throws(ForecastError) -> any FittedModel {
        try fit(ModelData(series: series))
    }
}
