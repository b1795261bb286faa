import Foundation
import LuaBridge
import Testing

@testable import Workbench

/// forecast.*, FittedModel and FittedPanel arguments are declared once: the
/// model (name, params), covariates and the forecast request are shared
/// declarations, and every options table goes through the same validation.
@Suite struct ForecastDeclarationsTests {
    static let setup = """
        local air = data.dataset("airpassengers")
        local panel = data.synthetic_retail{ skus = 3, periods = 40, seed = 1 }
        local m = forecast.fit("naive", air)

        """

    /// The error `code` raises after the setup, without its "s.lua:N: " position.
    func message(_ code: String) throws -> String {
        let text = errorMessage(try makeHost(), Self.setup + code)
        guard let match = text.firstMatch(of: #/^s\.lua:\d+: /#) else { return text }
        return String(text[match.range.upperBound...])
    }

    @Test func fitManyAndBacktestOptionsAreValidatedLikeEveryOptionsTable() throws {
        #expect(
            try message("forecast.fit_many(panel, 'naive', {}, { thread = 2 })")
                == "fit_many: unknown option 'thread' (did you mean 'threads'?)")
        #expect(
            try message("forecast.fit_many(panel, 'naive', {}, { threads = 0 })")
                == "forecast.fit_many: option 'threads' must be a whole number between 1 and 1024, got 0")
        #expect(
            try message("forecast.fit_many(panel, 'naive', {}, { fallback = 3 })")
                .hasSuffix("fit_many: option 'fallback' must be a model name or false"))
        #expect(
            try message("forecast.backtest('naive', air, { windowz = 2, h = 1 })")
                == "backtest: unknown option 'windowz' (did you mean 'windows'?)")
        #expect(
            try message("forecast.backtest('naive', air, {})")
                == "forecast.backtest: needs the horizon, e.g. { h = 12 }")
        #expect(
            try message("forecast.backtest('naive', panel, { h = 2, covariates = { x = { 1 } } })")
                .hasSuffix("backtest: a panel's covariates come from the panel; drop the 'covariates' option"))
    }

    @Test func theForecastRequestIsOneDeclaration() throws {
        for (method, owner, receiver) in [
            ("m:forecast", "forecast", "FittedModel:forecast"), ("m:sample", "sample", "FittedModel:sample"),
            ("forecast.fit_many(panel, 'naive'):forecast", "forecast", "FittedPanel:forecast"),
        ] {
            #expect(try message("\(method){ hh = 2 }") == "\(owner): unknown option 'hh' (did you mean 'h'?)")
            #expect(try message("\(method){}") == "\(receiver): needs the horizon, e.g. { h = 12 }")
            #expect(
                try message("\(method){ h = 0 }")
                    == "\(receiver): option 'h' must be a whole number between 1 and 100000, got 0")
            #expect(
                try message("\(method){ h = 2, levels = 'a' }")
                    .hasSuffix("option 'levels' must be an array of percentages like { 80, 95 }"))
            #expect(
                try message("\(method){ h = 2, future = { x = 'a' } }")
                    .hasSuffix("\(owner): future.x must be an array of numbers or a Series"))
        }
    }

    @Test func levelsAndCovariatesAreReadOneWayEverywhere() throws {
        let host = try makeHost()
        try run(
            host,
            Self.setup + """
                assert(#m:forecast{ h = 2, levels = {} }.levels == 0)
                assert(m:forecast{ h = 2, levels = 90 }.levels[1] == 90)
                local r = forecast.backtest("naive", air, { h = 2, windows = 2, levels = 90 })
                assert(r.coverage["90"] ~= nil and r.coverage["95"] == nil and #r.forecasts == 2 and r.metrics.n == 4)
                local p = forecast.backtest("naive", panel, { h = 2 })
                assert(p.forecasts == nil and p.series[panel:keys()[1]].windows == 1)
                """)
        #expect(
            try message("forecast.fit('naive', air, {}, { x = 'a' })")
                .hasSuffix("fit: covariates.x must be an array of numbers or a Series"))
        #expect(
            try message("forecast.backtest('naive', air, { h = 2, covariates = { x = 'a' } })")
                .hasSuffix("backtest: covariates.x must be an array of numbers or a Series"))
    }

    @Test func resultRecordsAreDeclared() throws {
        #expect(
            ForecastModule.Metrics.fields.map(\.name) == ["me", "mae", "rmse", "mape", "smape", "mase", "rmsse", "n"])
        #expect(ForecastModule.AccuracyResult.fields.map(\.name).last == "coverage")
        #expect(
            ForecastModule.SeriesBacktest.fields.map(\.name) == [
                "metrics", "mae_by_h", "coverage", "windows", "forecasts",
            ])
        let host = try makeHost()
        try run(
            host,
            Self.setup + """
                local train, test = air:split(12)
                local a = forecast.accuracy(forecast.fit("snaive", train):forecast{ h = 12 }, test)
                assert(math.type(a.n) == "integer" and a.n == 12 and a.coverage["95"] ~= nil and a.mase > 0)
                """)
    }
}
