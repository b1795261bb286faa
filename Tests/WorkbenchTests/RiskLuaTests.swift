import Foundation
import LuaBridge
import Testing

@testable import Workbench

/// inventory.risk from Lua: every demand source, the normal-theory check, and errors.
@Suite struct RiskLuaTests {
    /// i.i.d. N(10, 2) demand, lead time 2, on hand 20: P(stock-out) = 1/2 and E[shortage] = σ√2·φ(0) = 2√2/√(2π);
    /// 100 000 paths give them within 0.01 and 0.02 (a few standard errors).
    @Test func normalTheory() throws {
        let host = try makeHost()
        let r = try run(
            host,
            """
            local r = inventory.risk({ { key = "x", on_hand = 20, demand = dist.normal(10, 2) } }, { lead_time = 2, horizon = 4, n = 100000 })[1]
            return r.p_stockout, r.expected_shortage, r.periods_of_cover
            """)
        #expect(abs((r[0].doubleValue ?? 0) - 0.5) < 0.01)
        #expect(abs((r[1].doubleValue ?? 0) - 2 * 2.0.squareRoot() / (2 * Double.pi).squareRoot()) < 0.02)
        #expect(abs((r[2].doubleValue ?? 0) - 2) < 0.01)
    }

    @Test func modelsPathsAndScenariosAllWork() throws {
        let host = try makeHost()
        let r = try run(
            host,
            """
            local s = data.dataset("airpassengers")
            local m = forecast.fit("ets", s)
            local rows = inventory.risk({
              { key = "model", on_hand = 900, demand = m },
              { key = "paths", on_hand = 900, demand = m:sample{ h = 8, n = 200 } },
              { key = "fixed", on_hand = 5, unit_cost = 2, demand = { { 3, 3, 3, 3, 3, 3, 3, 3 }, { 1, 1, 1, 1, 1, 1, 1, 1 } } },
            }, { lead_time = 2, horizon = 8, n = 200 })
            return #rows, rows[#rows].key, rows[1].key
            """)
        #expect(r[0].doubleValue == 3)
        // The scenarios short 0.5 units on average (6 − 5 in one of two) → exposure 1, far below the airline SKUs'.
        #expect(r[1] == .string("fixed") && r[2] != .string("fixed"))
    }

    @Test func errorsSayWhatIsWrong() throws {
        let host = try makeHost()
        let cases: [(String, String)] = [
            (
                "inventory.risk({ { key = 'a', on_hnad = 3, demand = dist.poisson(2) } })",
                "unknown field 'on_hnad' (did you mean 'on_hand'?)"
            ),
            ("inventory.risk({ { key = 'a', demand = dist.poisson(2) } })", "item 'a' needs on_hand"),
            (
                "inventory.risk({ { key = 'a', on_hand = 1, demand = 'lots' } })",
                "demand must be a fitted model, sample paths, a distribution or an array of scenarios, got string"
            ),
            (
                "inventory.risk({ { key = 'a', on_hand = 1, demand = { { 1, 2 }, { 1 } } } })",
                "demand scenario 2 has 1 periods, the first has 2"
            ),
            (
                "inventory.risk({ { key = 'a', on_hand = 1, demand = { { 1, 2 } } } }, { horizon = 8 })",
                "cover 2 periods but the lead time is 1 and the horizon 8"
            ),
            (
                "inventory.risk({ { key = 'a', on_hand = 1, demand = dist.poisson(2) } }, { lead_tme = 2 })",
                "did you mean 'lead_time'"
            ),
            ("inventory.risk(3)", "argument 1 must be an array of items"),
        ]
        for (code, expected) in cases {
            let message = errorMessage(host, code)
            #expect(message.contains(expected), "\(code) → \(message)")
        }
    }
}
