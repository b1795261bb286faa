import Foundation
import LuaBridge
import Testing

@testable import Workbench

/// A Lua model plugin stands wherever a native model does: params, residuals,
/// fitted, apply, save/load, plot.residuals, ensembles, fit_many (with several
/// threads) and backtests. The plugin reports its fit as data and applies its
/// estimates to other data without estimating again.
@Suite struct LuaModelEverywhereTests {
    static let plugin = """
        almanac.register {
          kind = "model", name = "lua_mean", version = "1.0.0", summary = "the series' mean, normal intervals",
          capabilities = { "intervals", "samples" },
          params = { { name = "shift", default = 0, doc = "added to the mean" } },
          fit = function(y, p)
            if #y < 3 then error("needs 3 observations, got " .. #y, 2) end
            local n, sum = #y, 0
            for t = 1, n do sum = sum + y[t] end
            local mean = sum / n + p.shift
            local fitted, sse = {}, 0
            for t = 1, n do fitted[t], sse = mean, sse + (y[t] - mean) ^ 2 end
            local sd = math.sqrt(sse / (n - 1))
            return { mean = mean, sd = sd, n = n, odd = { nan = 0 / 0, ["$x"] = 1 / 0, big = math.maxinteger, list = { -1 / 0, 2.5 } } },
                   { fitted = fitted, params = { mean = mean, sd = sd }, method = ("LuaMean(%.1f)"):format(mean), notes = { "a note" } }
          end,
          apply = function(m, y, p)
            local fitted = {}
            for t = 1, #y do fitted[t] = m.mean end
            return { mean = m.mean, sd = m.sd, n = #y }, { fitted = fitted, params = { mean = m.mean, sd = m.sd } }
          end,
          forecast = function(m, h, levels)
            local mean, lower, upper = {}, {}, {}
            for i = 1, h do mean[i] = m.mean end
            for j, level in ipairs(levels) do
              local z = dist.normal(0, 1):quantile(0.5 + level / 200)
              lower[j], upper[j] = {}, {}
              for i = 1, h do lower[j][i], upper[j][i] = m.mean - z * m.sd, m.mean + z * m.sd end
            end
            return { mean = mean, lower = lower, upper = upper }
          end,
          sample = function(m, h, n)
            local paths, noise = {}, dist.normal(0, m.sd)
            for j = 1, n do
              paths[j] = {}
              for i = 1, h do paths[j][i] = m.mean + noise:sample() end
            end
            return paths
          end,
        }
        local function same(a, b)
          if #a ~= #b then return false end
          for i = 1, #a do if a[i] ~= b[i] then return false end end
          return true
        end
        local y = series.new{ values = { 3, 5, 4, 6, 8, 7, 9, 12 } }
        """

    func check(_ code: String) throws {
        let host = try makeHost()
        try run(host, Self.plugin + code)
    }

    @Test func paramsResidualsFittedAndStatisticsComeFromTheFit() throws {
        try check(
            """
            local m = forecast.fit("lua_mean", y)
            assert(m:params().mean == 6.75 and m:params().sd > 0, almanac.inspect(m:params()))
            assert(m:fitted()[1] == 6.75 and m:residuals()[1] == 3 - 6.75 and m:innovations()[8] == 12 - 6.75)
            assert(m.method == "LuaMean(6.8)" and m.notes[1] == "a note" and m.n == 8)
            assert(math.abs(m.sigma2 - 7.4375) < 1e-12, m.sigma2)
            assert(m:summary():find("mean = 6.75", 1, true), m:summary())
            """)
    }

    @Test func applyKeepsTheEstimatesOnOtherData() throws {
        try check(
            """
            local m = forecast.fit("lua_mean", y)
            local other = series.new{ values = { 100, 101, 102 } }
            local again = m:apply(other)
            assert(again:forecast{ h = 2 }.mean[1] == 6.75 and again.n == 3 and again:fitted()[3] == 6.75)
            assert(forecast.fit("lua_mean", other):forecast{ h = 1 }.mean[1] == 101)
            """)
        let host = try makeHost()
        let message = errorMessage(
            host,
            LuaModelPluginTests.plugin + """
                forecast.fit("flat_normal", { 1, 2, 3 }):apply(series.new{ values = { 4, 5 } })
                """)
        #expect(
            message.hasSuffix(
                "m:apply: flat_normal: this Lua model cannot be applied to other data without estimating again (its plugin has no apply function); fit it to that data instead"
            ), "\(message)")
    }

    @Test func savedAndLoadedItForecastsIdentically() throws {
        try check(
            """
            local m = forecast.fit("lua_mean", y, { shift = 0.5 })
            m:save("lua_mean.json")
            local again = forecast.load(almanac.out("lua_mean.json"))
            local a, b = m:forecast{ h = 3, levels = { 80, 95 } }, again:forecast{ h = 3, levels = { 80, 95 } }
            assert(same(a.mean, b.mean) and same(a:lower(95), b:lower(95)) and same(a:upper(80), b:upper(80)))
            assert(again.method == m.method and again:params().sd == m:params().sd and same(again:residuals(), m:residuals()))
            again:save("twice.json")
            assert(forecast.load(almanac.out("twice.json")):forecast{ h = 1 }.mean[1] == a.mean[1])
            """)
    }

    @Test func aStateThatHoldsAFunctionCannotBeSavedAndSaysWhy() throws {
        let host = try makeHost()
        let message = errorMessage(
            host,
            """
            almanac.register { kind = "model", name = "holds_function", version = "1", summary = "s",
              fit = function(y) return { f = print, last = y[#y] } end,
              forecast = function(m, h) local r = {} for i = 1, h do r[i] = m.last end return r end }
            local m = forecast.fit("holds_function", { 1, 2 })
            assert(m:forecast{ h = 1 }.mean[1] == 2)
            m:save("x.json")
            """)
        #expect(
            message.contains(
                "the Lua model 'holds_function' cannot be saved: its state.f is a function, which a saved model cannot hold"
            ), "\(message)")
    }

    @Test func plotResidualsTakesALuaModel() throws {
        try check(
            """
            plot.residuals(forecast.fit("lua_mean", y), { out = "lua_residuals.svg" })
            """)
    }

    @Test func anEnsembleMayHaveALuaMember() throws {
        try check(
            """
            local e = forecast.fit("ensemble", y, { members = { "lua_mean", "naive" } })
            local fc = e:forecast{ h = 2 }
            assert(fc.mean[1] == (6.75 + 12) / 2, fc.mean[1])
            assert(e.method == "Ensemble (mean of LuaMean(6.8), Naive)", e.method)
            e:save("ensemble.json")
            assert(forecast.load(almanac.out("ensemble.json")):forecast{ h = 2 }.mean[2] == fc.mean[2])
            local samples = e:sample{ h = 2, n = 10 }
            assert(samples.n == 10 and samples.h == 2)
            """)
    }

    @Test func fitManyRunsALuaModelOnTheScriptsThreadWithManyThreads() throws {
        try check(
            """
            local panel = data.synthetic_retail{ skus = 6, periods = 30, seed = 3 }
            local fp = forecast.fit_many(panel, "lua_mean", nil, { threads = 4, progress = false })
            assert(#fp == 6 and #fp.failures == 0)
            for _, key in ipairs(panel:keys()) do
              local alone = forecast.fit("lua_mean", panel:series(key)):forecast{ h = 2 }
              assert(fp:forecast{ h = 2 }[key].mean[1] == alone.mean[1])
              assert(fp:model(key):params().mean == alone.mean[1])
            end
            local mixed = forecast.fit_many(panel, "ensemble", { members = { "lua_mean", "drift" } }, { threads = 4, progress = false })
            assert(#mixed.failures == 0, almanac.inspect(mixed.failures))
            """)
    }

    @Test func fitManyFallsBackFromALuaModel() throws {
        try check(
            """
            local short = series.new{ values = { 1, 2 } }
            local panel = data.panel{ long = y, short = short }
            local fp = forecast.fit_many(panel, "lua_mean", nil, { threads = 2, progress = false })
            assert(#fp.failures == 1 and fp.failures[1].key == "short" and fp.failures[1].fallback == "naive")
            assert(fp.failures[1].reason:find("lua_mean: needs 3 observations, got 2", 1, true), fp.failures[1].reason)
            local native = forecast.fit_many(panel, "ets", nil, { threads = 2, fallback = "lua_mean", progress = false })
            assert(native:model("long").name == "ets")
            """)
    }

    @Test func backtestsOfASeriesAndAPanelTakeALuaModel() throws {
        try check(
            """
            local bt = forecast.backtest("lua_mean", y, { h = 2, windows = 2 })
            assert(bt.windows == 2 and bt.forecasts[1].mean[1] == (3 + 5 + 4 + 6) / 4)
            local replay = forecast.backtest("lua_mean", y, { h = 2, windows = 2, refit = false })
            assert(replay.forecasts[2].mean[1] == bt.forecasts[1].mean[1], "refit = false applies the first fit")
            local panel = data.synthetic_retail{ skus = 4, periods = 24, seed = 5 }
            local all = forecast.backtest("lua_mean", panel, { h = 3, windows = 2 })
            for _, key in ipairs(panel:keys()) do
              local one = forecast.backtest("lua_mean", panel:series(key), { h = 3, windows = 2 })
              assert(all.series[key].metrics.mae == one.metrics.mae and all.series[key].mae_by_h[3] == one.mae_by_h[3])
            end
            """)
    }

    @Test func aPluginErrorInFitKeepsItsMessage() throws {
        let host = try makeHost()
        let message = errorMessage(host, Self.plugin + "\nforecast.fit(\"lua_mean\", { 1, 2 })")
        #expect(message.hasSuffix("lua_mean: needs 3 observations, got 2"), "\(message)")
    }

    @Test func aBadReportIsRefusedWithADidYouMean() throws {
        let host = try makeHost()
        let message = errorMessage(
            host,
            """
            almanac.register { kind = "model", name = "bad_report", version = "1", summary = "s",
              fit = function(y) return {}, { fited = {} } end, forecast = function(m, h) return {} end }
            forecast.fit("bad_report", { 1, 2 })
            """)
        #expect(
            message.contains(
                "bad_report: fit's second result (what the fit reports) has an unknown field 'fited' (did you mean 'fitted'?)"
            ), "\(message)")
    }
}
