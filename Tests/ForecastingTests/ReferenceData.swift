import Foundation
import TestSupport
import TimeSeries

/// The reference series and values the Theta, CES and intermittent tests read
/// (Tests/References: see the scripts there for how each was made).
enum ReferenceData {
    static let folder = repositoryRoot + "/Tests/References/"

    static func json(_ file: String) -> [String: Any] {
        let data = FileManager.default.contents(atPath: folder + file) ?? Data()
        return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
    }

    /// R's thetaf and croston (theta_croston_reference.R).
    nonisolated(unsafe) static let r = json("theta_croston_reference_r.json")
    /// statsforecast 2.1.1 (theta_ces_reference_sf.py).
    nonisolated(unsafe) static let sf = json("theta_ces_reference_sf.json")
    /// statsforecast 2.1.1 (forecast_reference_sf.py, from main): its intermittent part has
    /// CrostonOptimized's fitted values, which theta_ces_reference_sf.json leaves out.
    nonisolated(unsafe) static let sfForecast = json("forecast_reference_sf.json")

    static let airPassengers: Series = {
        let text =
            (try? String(contentsOfFile: repositoryRoot + "/data/datasets/airpassengers.csv", encoding: .utf8)) ?? ""
        let values = text.split(separator: "\n").dropFirst().compactMap { Double($0.split(separator: ",")[1]) }
        return Series(name: "airpassengers", values: values, seasonalPeriod: 12)
    }()

    /// The M3 subset (m3_subset.csv), in file order, with its M3 horizon.
    static let m3: [(series: Series, h: Int)] = {
        let text = (try? String(contentsOfFile: folder + "m3_subset.csv", encoding: .utf8)) ?? ""
        var order: [String] = [], values: [String: [Double]] = [:], period: [String: Int] = [:],
            category: [String: String] = [:]
        for line in text.split(separator: "\n").dropFirst() {
            let f = line.split(separator: ",").map(String.init)
            if values[f[0]] == nil { order.append(f[0]) }
            values[f[0], default: []].append(Double(f[4])!)
            period[f[0]] = Int(f[2])!
            category[f[0]] = f[1]
        }
        let horizon = ["yearly": 6, "quarterly": 8, "monthly": 18, "other": 8]
        return order.map {
            (Series(name: $0, values: values[$0]!, seasonalPeriod: period[$0]!), horizon[category[$0]!]!)
        }
    }()

    /// AirPassengers (h 24) then the M3 subset.
    static var all: [(series: Series, h: Int)] { [(airPassengers, 24)] + m3 }

    static let intermittent: [Series] = {
        let text = (try? String(contentsOfFile: folder + "intermittent.csv", encoding: .utf8)) ?? ""
        var order: [String] = [], values: [String: [Double]] = [:]
        for line in text.split(separator: "\n").dropFirst() {
            let f = line.split(separator: ",").map(String.init)
            if values[f[0]] == nil { order.append(f[0]) }
            values[f[0], default: []].append(Double(f[2])!)
        }
        return order.map { Series(name: $0, values: values[$0]!) }
    }()
}

extension Dictionary where Key == String, Value == Any {
    subscript(object key: String) -> [String: Any] { self[key] as? [String: Any] ?? [:] }
    func numbers(_ key: String) -> [Double] { (self[key] as? [Any] ?? []).map { ($0 as? Double) ?? .nan } }
    func number(_ key: String) -> Double { self[key] as? Double ?? .nan }
}

/// max |a − b| / max(|b|, floor) over the pairs.
func maxRelativeDifference(_ a: [Double], _ b: [Double], floor: Double = 1e-8) -> Double {
    guard a.count == b.count else { return .infinity }
    return zip(a, b).map { abs($0 - $1) / max(abs($1), floor) }.max() ?? 0
}
