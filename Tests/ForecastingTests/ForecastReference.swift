import Foundation
import TestSupport
import TimeSeries

/// R's forecast-package values (Tests/References/forecast_reference.R →
/// forecast_reference_r.json; R 4.2.2, forecast 8.20) and the series they
/// were computed on (AirPassengers and the M3 subset in m3_subset.csv).
enum ForecastReference {
    nonisolated(unsafe) static let r: [String: Any] = load("forecast_reference_r.json")

    static func load(_ file: String) -> [String: Any] {
        let url = URL(fileURLWithPath: repositoryRoot + "/Tests/References/" + file)
        guard let data = try? Data(contentsOf: url),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return [:] }
        return object
    }

    static func node(_ root: Any?, _ path: [String]) -> Any? {
        var node = root
        for key in path { node = (node as? [String: Any])?[key] }
        return node
    }

    static func number(_ root: Any?, _ path: String...) -> Double {
        (node(root, path) as? NSNumber)?.doubleValue ?? .nan
    }

    static func numbers(_ root: Any?, _ path: String...) -> [Double] {
        (node(root, path) as? [Any])?.map { ($0 as? NSNumber)?.doubleValue ?? .nan } ?? []
    }

    static func strings(_ root: Any?, _ path: String...) -> [String] {
        (node(root, path) as? [Any])?.compactMap { $0 as? String } ?? []
    }

    /// The M3 subset: id → series with its seasonal period (integer index from 1).
    static let m3: [String: Series] = {
        let text =
            (try? String(contentsOfFile: repositoryRoot + "/Tests/References/m3_subset.csv", encoding: .utf8)) ?? ""
        var values: [String: [Double]] = [:], periods: [String: Int] = [:]
        for line in text.split(separator: "\n").dropFirst() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard cells.count == 5 else { continue }
            values[cells[0], default: []].append(Double(cells[4]) ?? .nan)
            periods[cells[0]] = Int(cells[2]) ?? 1
        }
        var out: [String: Series] = [:]
        for (id, v) in values { out[id] = Series(name: id, values: v, seasonalPeriod: periods[id] ?? 1) }
        return out
    }()

    static let airPassengers: Series = {
        let text =
            (try? String(contentsOfFile: repositoryRoot + "/data/datasets/airpassengers.csv", encoding: .utf8)) ?? ""
        let values = text.split(separator: "\n").dropFirst().compactMap { line -> Double? in
            let cells = line.split(separator: ",")
            return cells.count == 2 ? Double(cells[1]) : nil
        }
        return Series(name: "airpassengers", values: values, index: TimeIndex(frequency: .month, start: 1949 * 12))
    }()

    /// AirPassengers or an M3 series by its reference key.
    static func series(_ key: String) -> Series? { key == "airpassengers" ? airPassengers : m3[key] }
}
