import AlmanacCore

extension FittedModel {
    /// A forecast whose intervals are quantiles of 5000 paths simulated from a fixed
    /// seed, for models without a closed form: the same fit always gives the same bounds.
    func forecastWithSimulatedIntervals(mean: [Double], levels: [Double]) throws(ForecastError) -> Forecast {
        var generator = SeededGenerator(seed: 1)
        let paths = try samplePaths(horizon: mean.count, count: 5000, future: [:], generator: &generator)
        let bounds = SampleQuantiles.intervals(from: paths, levels: levels)
        return Forecast(
            method: method, history: series, mean: mean, levels: levels, lower: bounds.lower, upper: bounds.upper)
    }
}
