import AlmanacCore
import Testing
import TimeSeries

@testable import Forecasting

/// Point forecasts and fitted values of croston, sba, tsb, adida and imapa on the eight
/// intermittent series (intermittent.csv, h = 12) against R's croston (forecast 8.20,
/// theta_croston_reference.R) and statsforecast 2.1.1 (forecast_reference_sf.py, and
/// theta_ces_reference_sf.py for CrostonOptimized's chosen α). The arithmetic is the same
/// recursion in the same order, so the tolerance is rounding: 1e-12 relative (1e-12 absolute
/// near zero).
@Suite struct IntermittentReferenceTests {
    static let tolerance = 1e-12

    func fit(_ name: String, _ s: Series, _ options: [String: ParameterValue] = [:]) throws -> any FittedModel {
        try ModelCatalog.definition(named: name)!.configure(options).fit(ModelData(series: s))
    }

    /// Compares mean and fitted (NaN where the reference has null) with `reference`.
    func check(
        _ name: String, _ options: [String: ParameterValue], against reference: (String) -> [String: Any],
        fitted checkFitted: Bool = true
    ) throws {
        #expect(ReferenceData.intermittent.count == 8)
        for s in ReferenceData.intermittent {
            let r = reference(s.name)
            let m = try fit(name, s, options)
            let mean = try m.forecast(ForecastRequest(horizon: 12, levels: [])).mean.values
            let d = maxRelativeDifference(mean, r.numbers("mean"), floor: 1)
            #expect(r.numbers("mean").count == 12 && d < Self.tolerance, "\(name) \(s.name) mean: \(d)")
            guard checkFitted else { continue }
            let theirs = r.numbers("fitted")
            #expect(theirs.count == s.count && m.fitted.count == s.count, "\(name) \(s.name) fitted length")
            for (t, (a, b)) in zip(m.fitted, theirs).enumerated() {
                let same = a.isNaN ? b.isNaN : abs(a - b) <= Self.tolerance * max(abs(b), 1)
                #expect(same, "\(name) \(s.name) fitted[\(t)]: \(a) vs \(b)")
                if !same { break }
            }
        }
    }

    func statsforecast(_ model: String) -> (String) -> [String: Any] {
        { ReferenceData.sfForecast[object: "intermittent"][object: $0][object: "models"][object: model] }
    }

    @Test func crostonMatchesR() throws {
        try check("croston", ["alpha": .number(0.1)]) { ReferenceData.r[object: "croston"][object: $0] }
    }

    @Test func crostonMatchesCrostonClassic() throws {
        try check("croston", [:], against: statsforecast("CrostonClassic"))
    }

    @Test func optimizedCrostonMatchesCrostonOptimized() throws {
        try check("croston", ["alpha": .string("optimized")], against: statsforecast("CrostonOptimized"))
        for s in ReferenceData.intermittent {
            let r = ReferenceData.sf[object: "intermittent"][object: s.name][object: "models"][
                object: "CrostonOptimized"]
            let p = try fit("croston", s, ["alpha": .string("optimized")]).parameters
            let size = p.first { $0.name == "alpha_size" }!.value,
                interval = p.first { $0.name == "alpha_interval" }!.value
            #expect(
                abs(size - r.number("alpha_size")) < 1e-12 && abs(interval - r.number("alpha_interval")) < 1e-12,
                "\(s.name): α \(size), \(interval) vs \(r.number("alpha_size")), \(r.number("alpha_interval"))")
        }
    }

    @Test func sbaMatchesCrostonSBA() throws {
        try check("sba", [:], against: statsforecast("CrostonSBA"))
    }

    @Test func tsbMatchesTSB() throws {
        try check(
            "tsb", ["alpha_d": .number(0.2), "alpha_p": .number(0.1)],
            against: statsforecast("TSB(alpha_d=0.2, alpha_p=0.1)"))
        try check(
            "tsb", ["alpha_d": .number(0.1), "alpha_p": .number(0.3)],
            against: statsforecast("TSB(alpha_d=0.1, alpha_p=0.3)"))
    }

    @Test func adidaMatchesADIDA() throws {
        try check("adida", [:], against: statsforecast("ADIDA"))
    }

    @Test func imapaMatchesIMAPA() throws {
        try check("imapa", [:], against: statsforecast("IMAPA"))
    }

    /// A level equal to the default one gives the same forecast as leaving it out.
    @Test func explicitAggregationLevelsReproduceTheDefaults() throws {
        for s in ReferenceData.intermittent {
            let adida = try fit("adida", s)
            let level = adida.parameters.first { $0.name == "aggregation_level" }!.value
            let same = try fit("adida", s, ["aggregation_level": .integer(Int(level))])
            #expect(
                try same.forecast(ForecastRequest(horizon: 1)).mean.values
                    == adida.forecast(ForecastRequest(horizon: 1)).mean.values)
            let imapa = try fit("imapa", s)
            let top = imapa.parameters.first { $0.name == "max_aggregation_level" }!.value
            let sameTop = try fit("imapa", s, ["max_aggregation_level": .integer(Int(top))])
            #expect(
                try sameTop.forecast(ForecastRequest(horizon: 1)).mean.values
                    == imapa.forecast(ForecastRequest(horizon: 1)).mean.values)
        }
    }
}
