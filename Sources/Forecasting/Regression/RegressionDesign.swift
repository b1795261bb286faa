import Foundation
import TimeSeries

/// The terms of a regression on time (R's tslm): which columns X has, their
/// names, and the row of X for any time position, past or future.
struct RegressionDesign: Sendable, Codable, Equatable {
    enum Season: String, Sendable, Codable, CaseIterable {
        case dummies, fourier, none
    }

    var intercept: Bool
    var trend: Bool
    var season: Season
    /// Fourier pairs (season = fourier only).
    var fourierK: Int
    /// Named covariates, in the order their coefficients are reported.
    var covariates: [String]
    /// Observations per seasonal cycle of the series the design was built for.
    var period: Int

    /// The seasonal dummies: season2 … seasonm with an intercept (season 1 is
    /// the baseline), all m levels without one, as R codes a factor.
    var dummySeasons: [Int] {
        guard season == .dummies else { return [] }
        // A design read from a saved file may say period 0 or 1: no dummies then, not a trap.
        let first = intercept ? 2 : 1
        return first <= period ? Array(first...period) : []
    }

    /// The Fourier harmonics and whether each keeps its sine: sin(πkt·2/m) is
    /// identically zero at t = 1, 2, … when 2k = m, so R drops that column.
    var harmonics: [(k: Int, hasSine: Bool)] {
        guard season == .fourier, fourierK > 0 else { return [] }
        return (1...fourierK).map { ($0, 2 * $0 != period) }
    }

    /// Column names, as R's lm reports them (the intercept as "intercept").
    var columnNames: [String] {
        var names: [String] = []
        if intercept { names.append("intercept") }
        if trend { names.append("trend") }
        names += dummySeasons.map { "season\($0)" }
        for (k, hasSine) in harmonics {
            if hasSine { names.append("S\(k)-\(period)") }
            names.append("C\(k)-\(period)")
        }
        return names + covariates
    }

    /// The row of X for observation `i` (0-based), with the covariates' values at i in design order.
    func row(_ i: Int, seasons: SeasonPosition, covariateValues: [Double]) -> [Double] {
        var x: [Double] = []
        if intercept { x.append(1) }
        if trend { x.append(Double(i + 1)) }  // R's trend is 1 … n
        if season == .dummies {
            let level = seasons.position(of: i) + 1
            for s in dummySeasons { x.append(level == s ? 1 : 0) }
        }
        for (k, hasSine) in harmonics {
            // R's fourier() uses t = 1 … n from the start of the data, whatever its calendar.
            let angle = Self.reducedHalfTurns(2 * k * (i + 1), period)
            if hasSine { x.append(sin(Double.pi * angle)) }
            x.append(cos(Double.pi * angle))
        }
        return x + covariateValues
    }

    /// 2kt/m reduced to [0, 2): exact integer arithmetic before the one
    /// rounding, so that long series keep full-precision angles (R uses sinpi).
    static func reducedHalfTurns(_ numerator: Int, _ period: Int) -> Double {
        Double(numerator % (2 * period)) / Double(period)
    }
}
