import Foundation
import TestSupport
import TimeSeries

/// The R reference values (Tests/References/stats_reference.R → stats_reference_r.json;
/// R 4.2.2, forecast 8.20, urca 1.3.3, tseries 0.10.53) and the bundled series they were computed on.
enum Reference {
    nonisolated(unsafe) static let r: [String: Any] = {  // read-only after load
        let url = URL(fileURLWithPath: repositoryRoot + "/Tests/References/stats_reference_r.json")
        guard let data = try? Data(contentsOf: url),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return [:] }
        return object
    }()

    /// Walks a path of keys; numbers come back as Double, arrays as [Double] (null → NaN).
    static func value(_ path: String...) -> Any? {
        var node: Any? = r
        for key in path { node = (node as? [String: Any])?[key] }
        return node
    }

    static func number(_ path: String...) -> Double {
        var node: Any? = r
        for key in path { node = (node as? [String: Any])?[key] }
        return (node as? NSNumber)?.doubleValue ?? .nan
    }

    static func numbers(_ path: String...) -> [Double] {
        var node: Any? = r
        for key in path { node = (node as? [String: Any])?[key] }
        return (node as? [Any])?.map { ($0 as? NSNumber)?.doubleValue ?? .nan } ?? []
    }

    /// A bundled series read straight from data/datasets (date,value).
    static func series(_ name: String, frequency: Frequency, start: Int) -> Series {
        let text = (try? String(contentsOfFile: repositoryRoot + "/data/datasets/\(name).csv", encoding: .utf8)) ?? ""
        let values = text.split(separator: "\n").dropFirst().compactMap { line -> Double? in
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            return cells.count == 2 ? Double(cells[1]) ?? .nan : nil
        }
        return Series(name: name, values: values, index: TimeIndex(frequency: frequency, start: start))
    }

    static let airPassengers = series("airpassengers", frequency: .month, start: 1949 * 12)
    static let logAirPassengers: Series = {
        var s = airPassengers.map { Foundation.log($0) }
        s.name = "log_airpassengers"
        return s
    }()
    static let nile = series("nile", frequency: .year, start: 1871)
    static let ukGas = series("ukgas", frequency: .quarter, start: 1960 * 4)

    static func named(_ name: String) -> Series {
        switch name {
        case "airpassengers": return airPassengers
        case "log_airpassengers": return logAirPassengers
        case "nile": return nile
        default: return ukGas
        }
    }
}

/// Largest absolute difference, treating NaN = NaN (R's NA) as equal.
func maxDifference(_ a: [Double], _ b: [Double]) -> Double {
    guard a.count == b.count else { return .infinity }
    var m = 0.0
    for (x, y) in zip(a, b) {
        if x.isNaN && y.isNaN { continue }
        if x.isNaN != y.isNaN { return .infinity }
        m = max(m, abs(x - y))
    }
    return m
}
