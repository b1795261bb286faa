import LuaBridge
import Testing

@testable import Workbench

/// inventory.simulate from Lua: random lead times, sample paths and scenarios,
/// tuning by an optimizer, and the errors.
@Suite struct SimulationLuaTests {
    static let ss = "{ type = 'ss', s = 8, S = 20 }"
    static let costs = "holding_cost = 1, stockout_cost = 4, fixed_cost = 5, periods = 500, seed = 4, trace = true"

    @Test func aLeadTimeThatNeverVariesMatchesTheFixedOne() throws {
        let host = try makeHost()
        let r = try run(
            host,
            """
            local a = inventory.simulate(\(Self.ss), { demand = dist.poisson(6), lead_time = 2, \(Self.costs) })
            local b = inventory.simulate(\(Self.ss), { demand = dist.poisson(6), lead_time = dist.empirical{ 2, 2 }, \(Self.costs) })
            local c = inventory.simulate(\(Self.ss), { demand = dist.poisson(6), lead_time = dist.poisson(2), \(Self.costs) })
            return a.cost.mean, b.cost.mean, a.trace.on_hand[77], b.trace.on_hand[77], c.cost.mean
            """
        ).map { $0.doubleValue ?? .nan }
        #expect(r[0] == r[1] && r[2] == r[3])
        #expect(r[4] != r[0] && r[4] > 0)
    }

    @Test func samplePathsGiveOneReplicationPerPath() throws {
        let host = try makeHost(seed: 7)
        let r = try run(
            host,
            """
            local s = series.new{ values = { 20, 24, 19, 23, 25, 21, 22, 26, 24, 20, 23, 25, 27, 22, 24, 26 } }
            local paths = forecast.fit("ets", s, { model = "ANN" }):sample{ h = 12, n = 40 }
            local r = inventory.simulate(\(Self.ss), { demand = paths, lead_time = 1, holding_cost = 1, stockout_cost = 4, fixed_cost = 5, seed = 1 })
            local again = inventory.simulate(\(Self.ss), { demand = paths, lead_time = 1, holding_cost = 1, stockout_cost = 4, fixed_cost = 5, seed = 1 })
            return r.replications, r.periods_simulated, r.cost.mean, r.cost.half_width, again.cost.mean
            """
        ).map { $0.doubleValue ?? .nan }
        #expect(r[0] == 40 && r[1] == 12 * 40)
        #expect(r[2] > 0 && r[3] > 0 && r[4] == r[2])
    }

    @Test func identicalScenariosAreTheDeterministicRun() throws {
        let host = try makeHost()
        let r = try run(
            host,
            """
            local r = inventory.simulate({ type = "base_stock", level = 10 }, { demand = { { 4, 12, -3, 7 }, { 4, 12, 0, 7 } },
              holding_cost = 1, stockout_cost = 4, fixed_cost = 2 })
            return r.cost.mean, r.cost.half_width, r.period_service_level.mean, r.periods_simulated,
              r.cycle_service_level.mean, r.cycles
            """
        ).map { $0.doubleValue ?? .nan }
        // Periods 2 and 3 receive an order; the one cycle between them ran short (12 against 6).
        #expect(r == [31.0 / 4, 0, 0.75, 8, 0, 2])
    }

    @Test func coordinateSearchTunesAPolicyThroughTheSimulator() throws {
        let host = try makeHost()
        let r = try run(
            host,
            """
            local function cost(x)
              if x[2] <= x[1] then return 1e9 end
              return inventory.simulate({ type = "ss", s = x[1], S = x[2] }, { demand = dist.poisson(6), holding_cost = 1,
                stockout_cost = 4, fixed_cost = 5, periods = 4000, replications = 4, seed = 2 }).cost.mean
            end
            local best = optimize.minimize(cost, { 2, 14 }, { method = "coordinate_search", lower = { 0, 1 }, upper = { 20, 40 } })
            local exact = inventory.ss{ holding_cost = 1, stockout_cost = 4, fixed_cost = 5, demand = dist.poisson(6) }
            return best.x[1], best.x[2], best.f, exact.cost, cost(best.x), best.evaluations
            """
        ).map { $0.doubleValue ?? .nan }
        // Zheng–Federgruen's optimum is (4, 10) at 8.0341; the flat bottom allows a neighbour.
        #expect(abs(r[0] - 4) <= 1 && abs(r[1] - 10) <= 1, "\(r)")
        #expect(abs(r[2] - r[3]) < 0.1 && r[4] == r[2])
        #expect(r[5] < 100)
    }

    @Test func errorsNameTheOption() throws {
        let host = try makeHost()
        let cases: [(String, String)] = [
            (
                "demand = dist.poisson(6), lead_time = -1",
                "option 'lead_time' must be a whole number of periods between 0 and 100000"
            ),
            ("demand = dist.poisson(6), lead_time = 1.5", "got 1.5"),
            (
                "demand = dist.poisson(6), lead_time = dist.normal(2, 1)",
                "lead_time: a normal distribution takes negative values"
            ),
            (
                "demand = dist.poisson(6), lead_time = dist.empirical{ 1, -1 }",
                "lead_time: the empirical distribution has a negative value"
            ),
            ("demand = { {} }", "demand: path 1 is empty"),
            ("demand = {}", "demand: needs at least one path"),
            ("demand = { { 1, 2 }, 'x' }", "demand[2] must be an array of numbers"),
            ("demand = { { 1, 'a' } }", "demand[1][2] must be a number"),
            ("demand = { { 1, 2, 3 } }, periods = 5", "warmup + periods (0 + 5) exceed the paths' length (3)"),
            ("demand = 'poisson'", "option 'demand' must be a distribution"),
        ]
        for (options, expected) in cases {
            let message = errorMessage(host, "inventory.simulate({ type = 'base_stock', level = 5 }, { \(options) })")
            #expect(message.contains("inventory.simulate") && message.contains(expected), "\(message)")
        }
    }
}
