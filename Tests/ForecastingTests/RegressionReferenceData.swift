import Foundation
import TestSupport
import Testing
import TimeSeries

@testable import Forecasting

/// Reads the R reference values and the data they were computed from
/// (Tests/References: forecast_reference.R and regression_reference.R wrote them).
enum RegressionReferenceData {
    static let folder = repositoryRoot + "/Tests/References/"

    static func json(_ file: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: folder + file))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// One fit's recorded values: numbers, arrays of numbers and {names, values} pairs.
    struct Case {
        let fields: [String: Any]

        func number(_ key: String) throws -> Double { try #require(fields[key] as? Double, "no number '\(key)'") }
        func numbers(_ key: String) throws -> [Double] { try #require(fields[key] as? [Double], "no array '\(key)'") }
        func named(_ key: String) throws -> (names: [String], values: [Double]) {
            let pair = try #require(fields[key] as? [String: Any], "no named vector '\(key)'")
            return (try #require(pair["names"] as? [String]), try #require(pair["values"] as? [Double]))
        }
    }

    static func tslmCase(_ id: String) throws -> Case {
        let tslm = try #require(try json("forecast_reference_r.json")["tslm"] as? [String: Any])
        return Case(fields: try #require(tslm[id] as? [String: Any], "no tslm case \(id)"))
    }

    static func topLevelCase(_ file: String, _ key: String) throws -> Case {
        Case(fields: try #require(try json(file)[key] as? [String: Any], "no case \(key) in \(file)"))
    }

    static var airPassengers: Series {
        get throws {
            let rows = try csvRows(repositoryRoot + "/data/datasets/airpassengers.csv")
            return Series(
                name: "airpassengers", values: rows.map { Double($0[1])! },
                index: TimeIndex(frequency: .month, start: 1949 * 12), seasonalPeriod: 12)
        }
    }

    /// An M3 series of m3_subset.csv as R saw it: ts(y, frequency = m), starting at cycle position 1.
    static func m3(_ id: String) throws -> Series {
        let rows = try csvRows(folder + "m3_subset.csv").filter { $0[0] == id }
        let first = try #require(rows.first, "no series \(id) in m3_subset.csv")
        let period = try #require(Int(first[2]))
        return Series(name: id, values: rows.map { Double($0[4])! }, seasonalPeriod: period)
    }

    /// The synthetic sales of regression_sales.csv: the 60 observed months, and price and
    /// promo over all 72 months (the last 12 are the known future).
    static func sales() throws -> ModelData {
        let rows = try csvRows(folder + "regression_sales.csv")
        let observed = rows.filter { !$0[1].isEmpty }
        let series = Series(
            name: "sales", values: observed.map { Double($0[1])! },
            index: TimeIndex(frequency: .month, start: 2019 * 12), seasonalPeriod: 12)
        return ModelData(
            series: series,
            covariates: [
                "price": rows.map { Double($0[2])! },
                "promo": rows.map { Double($0[3])! },
            ])
    }

    /// The rows of a simple CSV (no quoting), without the header.
    private static func csvRows(_ path: String) throws -> [[String]] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return text.split(whereSeparator: \.isNewline).dropFirst()
            .map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }
}
