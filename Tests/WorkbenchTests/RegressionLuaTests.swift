import LuaBridge
import Testing

@testable import Workbench

/// The regression model from Lua: covariates into forecast.fit, future values
/// into m:forecast, errors that reach the script, and save/load keeping the covariates.
@Suite struct RegressionLuaTests {
    /// y = 10 + 2·promo − 3·price exactly, plus a small wobble so the residual variance is not zero.
    static let setup = """
        local promo = { 0, 1, 0, 0, 1, 0, 1, 0, 0, 1, 0, 0 }
        local price = { 5, 5, 6, 6, 5, 7, 6, 5, 6, 7, 5, 6 }
        local wobble = { 0.1, -0.1, 0.05, -0.05, 0.1, -0.1, 0.05, -0.05, 0.1, -0.1, 0.05, -0.05 }
        local y = {}
        for i = 1, 12 do y[i] = 10 + 2 * promo[i] - 3 * price[i] + wobble[i] end
        local s = series.new{ values = y, name = "sales" }
        local m = forecast.fit("regression", s, { trend = false, covariates = { "promo", "price" } },
                               { promo = promo, price = series.new{ values = price } })
        """

    @Test func covariatesGoInAndFutureValuesComeOut() throws {
        let host = try makeHost()
        let r = try run(
            host,
            Self.setup + """
                local p = m:params()
                local fc = m:forecast{ h = 2, future = { promo = { 1, 0 }, price = { 5, 6 } } }
                return math.abs(p.promo - 2) < 0.2, math.abs(p.price + 3) < 0.2, p.promo_se > 0,
                       math.abs(fc.mean[1] - (10 + 2 - 15)) < 0.3, fc:lower(95)[1] < fc.mean[1], m.method
                """)
        #expect(r == [true, true, true, true, true, "Linear regression (promo + price)"])
    }

    @Test func missingFutureCovariateReachesTheScript() throws {
        let host = try makeHost()
        let message = errorMessage(host, Self.setup + "\nreturn m:forecast{ h = 3, future = { promo = { 1, 0, 0 } } }")
        #expect(message.contains("forecasting h = 3 needs 3 future values of covariate 'price'"), "\(message)")
        let constant = errorMessage(
            host,
            """
            local s = series.new{ values = { 1, 3, 2, 5, 4, 6 } }
            return forecast.fit("regression", s, { covariates = { "open" } }, { open = { 1, 1, 1, 1, 1, 1 } })
            """)
        #expect(
            constant.contains("covariate 'open'") && constant.contains("linear combination of intercept, trend"),
            "\(constant)")
        let wrongType = errorMessage(
            host, "return forecast.fit('regression', series.new{ values = { 1, 2, 3 } }, { covariates = { 1, 2 } })")
        #expect(wrongType.contains("'covariates' must be an array of strings"), "\(wrongType)")
    }

    @Test func backtestGivesEveryWindowTheCovariates() throws {
        let host = try makeHost()
        let r = try run(
            host,
            Self.setup + """
                local params = { trend = false, covariates = { "promo", "price" } }
                local r = forecast.backtest("regression", s, { h = 2, windows = 3, params = params,
                                                               covariates = { promo = promo, price = price } })
                local frozen = forecast.backtest("regression", s, { h = 2, windows = 3, refit = false, params = params,
                                                                    covariates = { promo = promo, price = price } })
                return r.windows, r.metrics.mae < 0.3, frozen.metrics.mae < 0.3
                """)
        #expect(r == [3, true, true])
        let missing = errorMessage(
            host,
            Self.setup + """
                return forecast.backtest("regression", s, { h = 2, params = { covariates = { "promo" } } })
                """)
        #expect(missing.contains("covariate 'promo' is not in the data"), "\(missing)")
    }

    @Test func savedModelKeepsItsCovariates() throws {
        let host = try makeHost()
        let r = try run(
            host,
            Self.setup + """
                m:save("regression.json")
                local again = forecast.load(almanac.out("regression.json"))
                local future = { promo = { 0, 1 }, price = { 6, 6 } }
                local a, b = m:forecast{ h = 2, future = future }, again:forecast{ h = 2, future = future }
                return a.mean[2] == b.mean[2], a:upper(80)[2] == b:upper(80)[2], again:params().promo == m:params().promo
                """)
        #expect(r == [true, true, true])
    }
}
