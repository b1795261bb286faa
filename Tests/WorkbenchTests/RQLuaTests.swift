import LuaBridge
import Testing

@testable import Workbench

/// inventory.rq from Lua: `cost` is the cost the method minimised; both conventions are given by name.
@Suite struct RQLuaTests {
    @Test func eilReportsTheCostItMinimised() throws {
        let host = try makeHost()
        let r = try run(
            host,
            """
            local m = { holding_cost = 2, stockout_cost = 25, fixed_cost = 50, demand = dist.normal(200, 25 / math.sqrt(0.5)),
                        lead_time = 0.5, method = "eil" }
            local eil = inventory.rq(m)
            m.method = nil
            local exact = inventory.rq(m)
            return eil.cost, eil.eil_cost, eil.exact_cost, exact.cost, exact.exact_cost, exact.eil_cost
            """
        ).map { $0.doubleValue ?? .nan }
        // stockpyl 1.0.2's r_q_eil_approximation and r_q_cost (Tests/InventoryTests/RQCostConventionTests.swift).
        #expect(abs(r[0] - 306.683872926513) < 1e-6 && r[1] == r[0])
        #expect(abs(r[2] - 287.20313282778073) < 1e-6)
        // The exact optimum costs less than EIL's policy in its own (exact) convention.
        #expect(r[3] == r[4] && r[3] < r[2] && r[5] > 0)
    }
}
