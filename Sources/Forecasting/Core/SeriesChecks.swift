import AlmanacCore
import TimeSeries

/// The checks every model makes on its data before estimating, with messages
/// that say what is wrong and what to do.
extension Series {
    /// The values, provided there are no gaps and at least `minimum` of them.
    package func checkedValues(for model: String, minimum: Int) throws(ForecastError) -> [Double] {
        if let i = values.firstIndex(where: { $0.isNaN }) {
            let missing = values.filter { $0.isNaN }.count
            throw ForecastError(
                "\(model): \(describedName) has \(missing) missing value\(missing == 1 ? "" : "s") (first at \(label(at: i))); \(UsageHint.fillGaps)"
            )
        }
        if let i = values.firstIndex(where: { !$0.isFinite }) {
            throw ForecastError("\(model): \(describedName) has an infinite value at \(label(at: i))")
        }
        guard count >= minimum else {
            if count == 0 { throw ForecastError("\(model): \(describedName) is empty") }
            throw ForecastError(
                "\(model): \(describedName) has \(count) observation\(count == 1 ? "" : "s"), \(model) needs at least \(minimum)"
            )
        }
        return values
    }

    /// Throws unless every value is positive (multiplicative models, logs).
    func requirePositive(for model: String, reason: String) throws(ForecastError) {
        if let i = values.firstIndex(where: { $0 <= 0 }) {
            throw ForecastError(
                "\(model): \(describedName) has a value ≤ 0 at \(label(at: i)) (\(values[i])); \(reason)")
        }
    }
}
