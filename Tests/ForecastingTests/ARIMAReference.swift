import Foundation
import TestSupport
import TimeSeries

@testable import Forecasting

/// R's values for the ARIMA tests: Tests/References/arima_reference.R →
/// arima_reference_r.json (R 4.2.2, forecast 8.20). The series are in the JSON
/// (AirPassengers) or in m3_every10.csv (every 10th M3 series).
enum ARIMAReference {
    nonisolated(unsafe) static let r: [String: Any] = {  // read-only after load
        let url = URL(fileURLWithPath: repositoryRoot + "/Tests/References/arima_reference_r.json")
        guard let data = try? Data(contentsOf: url),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return [:] }
        return object
    }()

    static func node(_ path: [String], in root: [String: Any] = r) -> Any? {
        var node: Any? = root
        for key in path { node = (node as? [String: Any])?[key] }
        return node
    }

    static func object(_ path: String...) -> [String: Any] { node(path) as? [String: Any] ?? [:] }

    static func numbers(_ value: Any?) -> [Double] {
        (value as? [Any])?.map { ($0 as? NSNumber)?.doubleValue ?? .nan } ?? []
    }

    static func number(_ value: Any?) -> Double { (value as? NSNumber)?.doubleValue ?? .nan }

    static var airPassengers: Series {
        Series(name: "airpassengers", values: numbers(r["airpassengers"]), seasonalPeriod: 12)
    }

    /// m3_every10.csv: id, category, m, n, y (space-separated values).
    static let m3: [(id: String, category: String, series: Series)] = {
        let text =
            (try? String(contentsOfFile: repositoryRoot + "/Tests/References/m3_every10.csv", encoding: .utf8)) ?? ""
        return text.split(separator: "\n").dropFirst().compactMap { line in
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard cells.count == 5, let m = Int(cells[2]) else { return nil }
            let values = cells[4].split(separator: " ").compactMap { Double($0) }
            return (cells[0], cells[1], Series(name: cells[0], values: values, seasonalPeriod: m))
        }
    }()
}

/// |a − b| ≤ tolerance · max(1, |b|).
func close(_ a: Double, _ b: Double, _ tolerance: Double) -> Bool {
    abs(a - b) <= tolerance * max(1, abs(b))
}
