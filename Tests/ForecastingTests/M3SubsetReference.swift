import Foundation
import TestSupport
import TimeSeries

/// R's values for the M3 subset: Tests/References/forecast_reference.R →
/// forecast_reference_r.json (R 4.2.2, forecast 8.20), on the series of
/// m3_subset.csv (48 M3 series, every k-th of each category, exported from
/// Mcomp's data by export_m3_subset.py) and AirPassengers.
enum M3SubsetReference {
    nonisolated(unsafe) static let r: [String: Any] = {  // read-only after load
        let url = URL(fileURLWithPath: repositoryRoot + "/Tests/References/forecast_reference_r.json")
        guard let data = try? Data(contentsOf: url),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return [:] }
        return object
    }()

    static func object(_ path: String...) -> [String: Any] { ARIMAReference.node(path, in: r) as? [String: Any] ?? [:] }

    /// The series by id, AirPassengers included, with R's horizon for each.
    static let series: [(id: String, series: Series, horizon: Int)] = {
        let info = r["series"] as? [String: Any] ?? [:]
        var byId: [String: (m: Int, values: [Double])] = [:]
        var order: [String] = []
        let text =
            (try? String(contentsOfFile: repositoryRoot + "/Tests/References/m3_subset.csv", encoding: .utf8)) ?? ""
        for line in text.split(separator: "\n").dropFirst() {
            let cells = line.split(separator: ",").map(String.init)  // id,category,m,t,y
            guard cells.count == 5, let m = Int(cells[2]), let y = Double(cells[4]) else { continue }
            if byId[cells[0]] == nil { order.append(cells[0]) }
            byId[cells[0], default: (m, [])].values.append(y)
        }
        let air = ("airpassengers", ARIMAReference.airPassengers, 24)
        return [air]
            + order.map { id in
                let h = Int(ARIMAReference.number((info[id] as? [String: Any])?["h"]))
                return (id, Series(name: id, values: byId[id]!.values, seasonalPeriod: byId[id]!.m), h)
            }
    }()

    /// A {names, values} object as pairs.
    static func named(_ value: Any?) -> [(String, Double)] {
        let o = value as? [String: Any] ?? [:]
        return Array(zip(o["names"] as? [String] ?? [], ARIMAReference.numbers(o["values"])))
    }
}
