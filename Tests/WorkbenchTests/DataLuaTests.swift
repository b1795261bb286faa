import Foundation
import LuaBridge
import Testing

@testable import Workbench

@Suite struct SeriesLuaTests {
    @Test func seriesAreMadeIndexedPrintedAndCombined() throws {
        let host = try makeHost()
        let r = try run(
            host,
            """
            local s = series.new{ values = { 112, 118, 132, 129 }, start = "1949-01", freq = "month", name = "air" }
            local q = series.new{ values = { 1, 2, 3, 4, 5, 6, 7, 8 }, period = 4 }
            local shifted = series.new{ values = { 10, 20 }, start = "1949-03" }
            return #s, s[2], s[9], s.start, s.finish, s.period, s.freq, (q * 2 + 1)[8], (s + shifted):values()[1],
                   (-s)[1], (2 ^ q)[3], s == series.new{ values = { 112, 118, 132, 129 }, start = "1949-01", name = "air" }
            """)
        #expect(r == [4, 118.0, nil, "1949-01", "1949-04", 12, "month", 17.0, 142.0, -112.0, 8.0, true])
        let text = try run(
            host, "return tostring(series.new{ values = { 1, 0/0, 3 }, start = \"2020-Q4\", name = \"q\" })")
        #expect(
            text == [
                "Series 'q' (quarter, period 4, 3 obs, 2020-Q4 to 2021-Q2)\n  2020-Q4  1\n  2021-Q1  NA\n  2021-Q2  3"
            ])
    }

    @Test func seriesMistakesAreExplained() throws {
        let host = try makeHost()
        #expect(
            errorMessage(host, "series.new{ values = {} }")
                == "s.lua:1: series.new: 'values' is empty; a series needs at least one observation")
        #expect(
            errorMessage(host, "series.new{ values = { 1 }, strat = '2020-01' }")
                == "s.lua:1: series.new: unknown option 'strat' (did you mean 'start'?)")
        #expect(
            errorMessage(host, "series.new{ values = { 1, 'x' } }")
                == "s.lua:1: series.new: option 'values' must be an array of numbers")
        #expect(
            errorMessage(host, "series.new{ values = { 1 }, freq = 'month' }")
                == "s.lua:1: series.new: freq = \"month\" needs a start label, e.g. start = \"2020-01\"")
        #expect(
            errorMessage(host, "series.new{ values = { 1 }, start = 'Jan 2020' }").contains(
                "start 'Jan 2020' is not a date label"))
        #expect(
            errorMessage(host, "local s = data.dataset('nile')\nreturn s:stl()")
                == "s.lua:2: Series:stl: stl: series 'nile' is not seasonal (period 1); STL needs a seasonal period of at least 2"
        )
        #expect(
            errorMessage(host, "return data.dataset('nile'):fill_gaps('linaer')")
                == "s.lua:1: Series:fill_gaps: unknown method 'linaer' (did you mean 'linear'?); use \"zero\", \"previous\", \"linear\" or \"na\""
        )
        #expect(
            errorMessage(host, "return data.dataset('airpassengers'):kpss{ lag = 3 }")
                == "s.lua:1: s:kpss: unknown option 'lag' (did you mean 'lags'?)")
        #expect(
            errorMessage(host, "return data.dataset('airpassengers'):lenght()")
                == "s.lua:1: a Series has no field 'lenght'; it has: acf, aggregate, boxcox, boxcox_lambda, decompose, diff, fill_gaps, finish, freq, head, inverse_boxcox, kpss, labels, ljung_box, log, ma, missing, name, ndiffs, nsdiffs, pacf, period, rename, seasonal_strength, split, start, stl, tail, values, window, with_period"
        )
    }

    @Test func statisticsFromLuaMatchTheSwiftOnes() throws {
        let host = try makeHost()
        let r = try run(
            host,
            """
            local air = data.dataset("airpassengers")
            local d = air:stl{ s_window = 7 }
            local k = air:kpss()
            local lb = air:ljung_box{ lag = 24 }
            local train, test = air:split(24)
            return air:acf(2)[1], air:ndiffs(), air:nsdiffs(), math.abs(air:boxcox_lambda() + 0.2947) < 1e-3,
                   d.trend[1], d.seasonal.name, k.lags, lb.df, #train, test.start, air:log():diff(12):diff()[1] ~= nil
            """)
        #expect(r[0] == 0.9480473407524919)
        #expect(Array(r[1...3]) == [1, 1, true])
        #expect(abs((r[4].doubleValue ?? 0) - 122.5369176494326) < 1e-9)
        #expect(Array(r[5...]) == ["airpassengers seasonal", 4, 24, 120, "1959-01", true])
    }
}

@Suite struct DataLuaTests {
    @Test func csvErrorsNameTheScriptLineAndTheFileLine() throws {
        let folder = temporaryFolder("lua-csv")
        writeFile(folder + "/sales.csv", "date,sku,qty\n2024-01,A,1\n2024-02,A,two\n")
        let host = try makeHost()
        #expect(
            errorMessage(host, "local x = 1\nreturn data.csv('\(folder)/sales.csv', { key = 'sku', value = 'qty' })")
                == "s.lua:2: data.csv: \(folder)/sales.csv:3: column 'qty': 'two' is not a number")
        #expect(
            errorMessage(host, "return data.csv('\(folder)/sales.csv', { key = 'sku', valeu = 'qty' })")
                == "s.lua:1: data.csv: unknown option 'valeu' (did you mean 'value'?)")
        #expect(
            errorMessage(host, "return data.csv('\(folder)/nothing.csv')")
                == "s.lua:1: data.csv: \(folder)/nothing.csv: no such file")
    }

    @Test func panelsRoundTripThroughCSVAndSQLite() throws {
        let host = try makeHost()
        let r = try run(
            host,
            """
            local p = data.synthetic_retail{ skus = 5, periods = 30, seed = 3 }
            local csv = data.write_csv("panel.csv", p)
            local back = data.csv(csv, { key = "key", value = "value", covariates = { "price", "promo", "stockout", "demand" } })
            local db = data.write_sqlite("panel.sqlite", "sales", p)
            local q = data.sqlite(db, "SELECT * FROM sales", { key = "key", value = "value" })
            local k = p:keys()[1]
            return #back, back[k] == p[k], q[k] == p[k], back:covariate(k, "price")[1] == p:covariate(k, "price")[1],
                   csv:sub(-9), p:attributes(k).segment ~= nil
            """)
        #expect(r == [5, true, true, true, "panel.csv", true])
    }

    @Test func recordsAreWritten() throws {
        let host = try makeHost()
        try run(host, "data.write_csv('r.csv', { { sku = 'A', q = 304.05, ok = true }, { sku = 'B', q = 1 } })")
        let text = try String(contentsOfFile: host.options.outputDirectory + "/r.csv", encoding: .utf8)
        #expect(text == "ok,q,sku\ntrue,304.05,A\n,1,B\n")
        #expect(
            errorMessage(host, "data.write_csv('x.csv', 42)")
                == "s.lua:1: data.write_csv: argument 2 'x' must be a Series, a Panel or an array of records, got a number"
        )
    }

    @Test func safeModeGuardsNativeFileAccessToo() throws {
        let scripts = temporaryFolder("safe-data")
        writeFile(scripts + "/ok.csv", "date,v\n2020,1\n2021,2\n")
        let outside = temporaryFolder("outside")
        writeFile(outside + "/secret.csv", "date,v\n2020,1\n")
        let host = try makeHost(safe: true, scriptDirectory: scripts)
        #expect(try run(host, "return #data.csv('\(scripts)/ok.csv')") == [2])
        #expect(
            errorMessage(host, "return data.csv('\(outside)/secret.csv')").contains(
                "is outside the folders a --safe script may read"))
        #expect(
            errorMessage(host, "return data.write_csv('\(outside)/x.csv', data.dataset('nile'))").contains(
                "is outside the folders a --safe script may write"))
        #expect(try run(host, "return (data.write_csv('fine.csv', data.dataset('nile')):sub(-8))") == ["fine.csv"])
    }

    @Test func metricsWorkOnSeriesArraysAndPanels() throws {
        let host = try makeHost()
        let r = try run(
            host,
            """
            local air = data.dataset("airpassengers")
            local train, test = air:split(24)
            local snaive = {}
            for i = 1, 24 do snaive[i] = train[#train - 12 + ((i - 1) % 12) + 1] end
            local a = metrics.accuracy(test, snaive, { training = train })
            local p = data.synthetic_retail{ skus = 3, periods = 20, seed = 1 }
            local pa = metrics.accuracy(p, p)
            return a.mae, a.mase, a.smape, metrics.mae({ 1, 2 }, { 2, 4 }), pa.mean.mae, pa.mean.series
            """)
        // R: forecast::accuracy(snaive(train, h = 24), test) (Tests/References/stats_reference_r.json).
        #expect(abs((r[0].doubleValue ?? 0) - 71.25) < 1e-12)
        #expect(abs((r[1].doubleValue ?? 0) - 2.4935191186001298) < 1e-12)
        #expect(abs((r[2].doubleValue ?? 0) - 17.012625361650954) < 1e-12)
        #expect(Array(r[3...]) == [1.5, 0.0, 3])
    }
}
