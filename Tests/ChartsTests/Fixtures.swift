import Charts
import Foundation
import TestSupport
import TimeSeries

/// Fixed inputs for the chart tests (no randomness: golden files must not move).
enum Fixtures {
    /// The first 36 months of AirPassengers (R's datasets), 1949-01 to 1951-12.
    static let air: [Double] = [
        112, 118, 132, 129, 121, 135, 148, 148, 136, 119, 104, 118,
        115, 126, 141, 135, 125, 149, 170, 170, 158, 133, 114, 140,
        145, 150, 178, 163, 172, 178, 199, 199, 184, 162, 146, 166,
    ]

    static func monthly(_ values: [Double], from year: Int, month: Int, name: String) -> Series {
        Series(name: name, values: values, index: TimeIndex(frequency: .month, start: year * 12 + month - 1))
    }

    static var airSeries: Series { monthly(air, from: 1949, month: 1, name: "air passengers") }

    /// Compares `text` with Tests/ChartsTests/Golden/<name>.gp; ALMANAC_UPDATE_GOLDEN=1 rewrites the file.
    static func matchesGolden(_ text: String, _ name: String) -> Bool {
        let path = repositoryRoot + "/Tests/ChartsTests/Golden/\(name).gp"
        if ProcessInfo.processInfo.environment["ALMANAC_UPDATE_GOLDEN"] == "1" {
            try? text.write(toFile: path, atomically: true, encoding: .utf8)
            return true
        }
        guard let golden = try? String(contentsOfFile: path, encoding: .utf8) else { return false }
        return golden == text
    }

    static var gnuplotAvailable: Bool { (try? GnuplotRunner.located()) != nil }
}
