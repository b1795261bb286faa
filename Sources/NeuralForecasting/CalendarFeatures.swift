import Forecasting
import Foundation
import TimeSeries

/// Calendar inputs for a global network: each step's place in the seasonal
/// cycle (the month of the year, the weekday) as a point on a circle, the
/// sine and cosine of 2π·phase/period. Known for any date, so they are read
/// over the horizon too, and two numbers tell every phase apart without the
/// wrap-around jump of a month number.
enum CalendarFeatures {
    static let count = 2

    /// The two columns for `count` steps from the series' first observation
    /// (past its end: the dates that follow). Nil for a non-seasonal series.
    static func columns(for series: Series, count: Int) -> [[Double]]? {
        let m = series.seasonalPeriod
        guard m > 1 else { return nil }
        var sine = [Double](repeating: 0, count: count), cosine = sine
        for i in 0..<count {
            let angle = 2 * Double.pi * Double(series.index.seasonalPhase(at: i, period: m)) / Double(m)
            sine[i] = sin(angle)
            cosine[i] = cos(angle)
        }
        return [sine, cosine]
    }
}
