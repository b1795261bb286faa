import Forecasting
import Foundation
import TimeSeries

// Four years of AirPassengers, monthly from January 1949.
let values: [Double] = [
    112, 118, 132, 129, 121, 135, 148, 148, 136, 119, 104, 118, 115, 126, 141, 135, 125, 149, 170, 170, 158, 133, 114,
    140,
    145, 150, 178, 163, 172, 178, 199, 199, 184, 162, 146, 166, 171, 180, 193, 181, 183, 218, 230, 242, 209, 191, 172,
    194,
]
let air = Series(name: "air", values: values, index: TimeIndex(frequency: .month, startingAt: "1949-01") ?? .positions)

do throws(ForecastError) {
    let fit = try ETS(model: "ZZZ").fit(air)  // every admissible ETS model, the best by AICc
    let forecast = try fit.forecast(h: 6, levels: [95])
    print(fit.method)
    let bounds = forecast.bounds(at: 95)
    for h in 0..<forecast.horizon {
        let (low, high) = (bounds?.lower[h] ?? .nan, bounds?.upper[h] ?? .nan)
        print(forecast.mean.label(at: h), String(format: "%.2f [%.2f, %.2f]", forecast.mean.values[h], low, high))
    }
} catch {
    print("error: \(error.message)")
    exit(1)
}
