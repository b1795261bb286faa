import AlmanacCore
import LuaBridge
import Testing

@testable import Workbench

/// Domain messages give plain advice (`UsageHint`); Lua users read it in Lua's
/// words, byte for byte what they read before the domain stopped speaking Lua,
/// wherever the advice sits: a raised error, an ensemble's list of member
/// failures, a fitted panel's failure reasons, an option check.
@Suite struct LuaWordingTests {
    static let gappy = """
        local s = series.new{ values = { 1, 2, 0/0, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20,
                                         21, 22, 23, 24, 25, 26 }, start = "2020-01", freq = "month" }
        """

    @Test func everyHintHasLuaWordsDifferentFromItsPlainWords() {
        for hint in [UsageHint.fillGaps, .exampleDistribution, .passCovariate(name: "promo")] {
            #expect(LuaWording.lua(hint.plainText) == LuaWording.text(for: hint))
            #expect(LuaWording.text(for: hint) != hint.plainText)
        }
        #expect(LuaWording.lua("nothing to say") == "nothing to say")
    }

    @Test func seriesMethodsSayFillGaps() throws {
        let host = try makeHost()
        // This was TimeSeriesTests' assertion on the domain message, which now gives plain advice.
        #expect(
            errorMessage(
                host, "local s = series.new{ values = { 1, 0/0, 0/0, 4, 0/0, 6 }, name = 'g' }\nreturn s:acf(1)")
                == "s.lua:2: Series:acf: acf: series 'g' has 3 missing values (2, 3, 5); fill them first, e.g. s:fill_gaps(\"linear\")"
        )
    }

    @Test func modelFitsSayFillGapsWhereverTheFailureIsListed() throws {
        let host = try makeHost()
        let hint = "fill them first, e.g. s:fill_gaps(\"linear\")"
        let missing = "the series has 1 missing value (first at 2020-03); " + hint
        #expect(errorMessage(host, Self.gappy + "\nforecast.fit('ets', s)") == "s.lua:3: ets: " + missing)
        let members = ["ets", "auto_arima", "ces", "dynamic_optimized_theta"].map { "\($0): \($0): " + missing }
        #expect(
            errorMessage(host, Self.gappy + "\nforecast.fit('ensemble', s)")
                == "s.lua:3: ensemble: every member failed on the series — " + members.joined(separator: "; "))
        let panel = try run(
            host,
            Self.gappy + """

                local fp = forecast.fit_many(data.panel({ a = s, b = s:fill_gaps("linear") }), "ets")
                return tostring(fp), fp.failures[1].reason
                """)
        let reason =
            "ets: series 'a' has 1 missing value (first at 2020-03); \(hint); the fallback naive failed too: naive: series 'a' has 1 missing value (first at 2020-03); \(hint)"
        #expect(panel == [.string("FittedPanel: ets on 2 series; 1 failed\n  a: " + reason), .string(reason)])
    }

    @Test func regressionSaysHowToPassACovariate() throws {
        let host = try makeHost()
        #expect(
            errorMessage(
                host, "forecast.fit('regression', data.dataset('airpassengers'), { covariates = { \"it's\" } })")
                == "s.lua:1: regression: covariate 'it's' is not in the data; none were given. From Lua, pass it with forecast.fit(name, series, params, { it's = { ... } })"
        )
    }

    @Test func distributionOptionsShowADistCall() throws {
        let register = """
            almanac.register{ kind = "cost", name = "dcost", version = "1.0.0", summary = "x",
              params = { { name = "d", type = "distribution", required = true, doc = "demand" } },
              cost = function(x, p) return x end }

            """
        #expect(
            errorMessage(try makeHost(), register + "almanac.cost('dcost', { d = 'x' })")
                == "s.lua:4: dcost: option 'd' must be a distribution such as dist.normal(50, 8), got a string")
        #expect(
            errorMessage(try makeHost(), register + "almanac.cost('dcost', {})")
                == "s.lua:4: dcost: option 'd' is required (a distribution such as dist.normal(50, 8): demand)")
    }
}
