import AlmanacCore
import TimeSeries

/// The named covariates of a regression: their values over the history, and
/// the future values a forecast needs, found in the request or in the values
/// the data carried past the end of the series. Every failure names the
/// covariate and says what is needed. Package-wide: the neural models read
/// their covariates the same way.
package struct RegressionCovariates: Sendable {
    package let names: [String]
    /// history[j][i]: covariate names[j] at observation i.
    package let history: [[Double]]
    /// Values given with the data beyond the end of the series (known future values).
    package let knownFuture: [[Double]]

    package init(names: [String], data: ModelData, model: String) throws(ForecastError) {
        let n = data.series.count
        var history: [[Double]] = [], known: [[Double]] = []
        for name in names {
            guard let values = data.covariates[name] else {
                let available = data.covariates.keys.sorted()
                let guess = closestMatch(to: name, in: available).map { " (did you mean '\($0)'?)" } ?? ""
                let list = available.isEmpty ? "none were given" : "the data has: " + available.joined(separator: ", ")
                throw ForecastError(
                    "\(model): covariate '\(name)' is not in the data\(guess); \(list). \(UsageHint.passCovariate(name: name))"
                )
            }
            guard values.count >= n else {
                throw ForecastError(
                    "\(model): covariate '\(name)' has \(values.count) values, \(data.series.describedName) has \(n); it needs one per observation"
                )
            }
            if let i = values[0..<n].firstIndex(where: { !$0.isFinite }) {
                throw ForecastError(
                    "\(model): covariate '\(name)' has no usable value (\(values[i])) at \(data.series.label(at: i)); fill or drop it first"
                )
            }
            history.append(Array(values[0..<n]))
            known.append(Array(values[n...]))
        }
        self.names = names
        self.history = history
        self.knownFuture = known
    }

    /// Each covariate over the history and the known future after it.
    package var columns: [[Double]] { zip(history, knownFuture).map { $0 + $1 } }

    /// The covariates' values at history position i, in design order.
    package func values(at i: Int) -> [Double] { history.map { $0[i] } }

    /// future[s][j]: covariate j at step s + 1, for `horizon` steps. Values in
    /// `given` (from the forecast request) take precedence over those the data
    /// carried past its end.
    package func future(horizon: Int, given: [String: [Double]], model: String) throws(ForecastError) -> [[Double]] {
        for key in given.keys.sorted() where !names.contains(key) {
            let guess = closestMatch(to: key, in: names).map { " (did you mean '\($0)'?)" } ?? ""
            let list = names.isEmpty ? "it has none" : "its covariates are: " + names.joined(separator: ", ")
            throw ForecastError("\(model): future.\(key) is not a covariate of this model\(guess); \(list)")
        }
        var columns: [[Double]] = []
        for (j, name) in names.enumerated() {
            let values = given[name] ?? knownFuture[j]
            let source =
                given[name] == nil
                ? "the data has \(values.count) value\(values.count == 1 ? "" : "s") past the end of the series"
                : "future.\(name) has \(values.count)"
            guard values.count >= horizon else {
                throw ForecastError(
                    "\(model): forecasting h = \(horizon) needs \(horizon) future values of covariate '\(name)', but \(source); pass them as future = { \(name) = { ... } }"
                )
            }
            if let s = values[0..<horizon].firstIndex(where: { !$0.isFinite }) {
                throw ForecastError(
                    "\(model): the future value of covariate '\(name)' at step \(s + 1) is \(values[s]); forecasting h = \(horizon) needs \(horizon) finite values"
                )
            }
            columns.append(Array(values[0..<horizon]))
        }
        return (0..<horizon).map { s in columns.map { $0[s] } }
    }
}
