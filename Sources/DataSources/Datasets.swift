import AlmanacCore
import TimeSeries

/// A classic public series shipped inside Almanac, loadable by name.
/// Sources and licences: data/datasets/datasets.json (and `almanac` docs/data.md).
public struct BundledDataset: Sendable {
    public let name: String
    public let frequency: Frequency
    public let period: Int
    /// First label ("1949-01", "1960-Q1", "1871", "1958-03-29").
    public let start: String
    public let units: String
    public let summary: String
    public let source: String
    public let values: [Double]

    public var series: Series {
        let index = TimeIndex(frequency: frequency, start: 0)
        let ordinal = index.ordinal(ofLabel: start) ?? 0
        return Series(
            name: name, values: values, index: TimeIndex(frequency: frequency, start: ordinal), seasonalPeriod: period)
    }

    public static var names: [String] { all.map(\.name) }

    /// The dataset called `name`; the error lists what exists.
    public static func named(_ name: String) throws(DataError) -> BundledDataset {
        if let d = all.first(where: { $0.name == name.lowercased() }) { return d }
        var message = "no bundled dataset named '\(name)'"
        if let guess = closestMatch(to: name, in: names) { message += " (did you mean '\(guess)'?)" }
        throw DataError(message + "; there are: " + names.joined(separator: ", "))
    }
}
