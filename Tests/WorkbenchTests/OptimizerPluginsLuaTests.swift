import LuaBridge
import Testing

@testable import Workbench

/// lbfgsb, grid_search, coordinate_search and differential_evolution called from
/// Lua through optimize.minimize, on a Lua function and on a native cost.
@Suite struct OptimizerPluginsLuaTests {
    @Test func eachOptimizerMinimizesALuaFunction() throws {
        let host = try makeHost()
        let r = try run(
            host,
            """
            local rosen = function(x) return (1 - x[1])^2 + 100 * (x[2] - x[1]^2)^2 end
            local l = optimize.minimize(rosen, { -1.2, 1 }, { method = "lbfgsb", lower = { -2, -2 }, upper = { 0.5, 2 } })
            local lattice = function(x) return (x[1] - 7)^2 + 2 * (x[2] + 3)^2 + x[1] * x[2] / 10 end
            local g = optimize.minimize(lattice, { 0, 0 }, { method = "grid_search", lower = { 0, -10 }, upper = { 20, 10 } })
            local c = optimize.minimize(lattice, { 0, 0 }, { method = "coordinate_search", lower = { 0, -10 }, upper = { 20, 10 }, initial_step = 4 })
            local d = optimize.minimize(rosen, { 0, 0 }, { method = "differential_evolution", lower = { -2, -2 }, upper = { 2, 2 }, seed = 3 })
            return l.x[1], l.x[2], l.converged, g.x[1], g.x[2], g.evaluations, c.x[1], c.x[2], d.x[1], d.x[2], d.converged, d.method
            """)
        let n = r.map { $0.doubleValue ?? .nan }
        #expect(n[0] == 0.5 && abs(n[1] - 0.25) < 1e-6 && r[2] == true)
        #expect(n[3] == 7 && n[4] == -3 && n[5] == 21 * 21)
        #expect(n[6] == n[3] && n[7] == n[4])
        #expect(abs(n[8] - 1) < 1e-2 && abs(n[9] - 1) < 2e-2 && r[10] == true && r[11] == "differential_evolution")
    }

    @Test func eachOptimizerMinimizesANativeCost() throws {
        let host = try makeHost()
        let r = try run(
            host,
            """
            local eoq = almanac.cost("eoq_cost", { fixed_cost = 8, holding_cost = 0.225, demand_rate = 1300 })
            local out = {}
            for _, method in ipairs({ "lbfgsb", "grid_search", "coordinate_search", "differential_evolution" }) do
              local r = optimize.minimize(eoq, { 100 }, { method = method, lower = { 1 }, upper = { 1000 }, initial_step = method == "coordinate_search" and 64 or nil })
              out[#out + 1] = r.x[1]
              out[#out + 1] = r.f
            end
            -- optimize.scalar too, where there is no x0
            out[#out + 1] = optimize.scalar(eoq, 1, 1000, { method = "lbfgsb" }).x
            out[#out + 1] = optimize.scalar(eoq, 1, 1000, { method = "coordinate_search", initial_step = 128 }).x
            return table.unpack(out)
            """)
        let x = r.map { $0.doubleValue ?? .nan }
        // Q* = 304.04678, g* = 68.4105255; the best whole quantity is 304. The cost is flat
        // (g''(Q*) = 2Kλ/Q*³ = 7.4e-4), so lbfgsb's stop at a projected gradient of 1e-5 allows
        // Q within 1e-5 / 7.4e-4 ≈ 0.0135 (scipy stops 0.008 away from 100 and 0.003 from 500.5);
        // differential evolution's test (spread ≤ 1% of the mean cost) allows more still, so
        // it is checked on the cost.
        let (qStar, gStar) = (304.0467800264368, 68.41052550594829)
        #expect(abs(x[0] - qStar) < 0.0135 && abs(x[1] - gStar) < 1e-6)
        #expect(x[2] == 304 && x[4] == 304 && x[3] == x[5])
        #expect(abs(x[7] - gStar) < 1e-3 * gStar)
        #expect(abs(x[8] - qStar) < 0.0135)
        #expect(x[9] == 304)
    }

    // No seed option: the search seeds itself from the run's generator, so almanac.seed repeats it.
    @Test func differentialEvolutionRepeatsWithTheRunsSeed() throws {
        let host = try makeHost()
        let r = try run(
            host,
            """
            local noisy = function(x) return (x[1] - 3)^2 + (x[2] + 1)^2 + 0.01 * math.random() end
            local function once()
              return optimize.minimize(noisy, { 0, 0 }, { method = "differential_evolution", lower = { -5, -5 }, upper = { 5, 5 }, absolute_tolerance = 0.01 })
            end
            almanac.seed(11); local a = once()
            almanac.seed(11); local b = once()
            local c = once()
            return a.x[1] == b.x[1] and a.x[2] == b.x[2] and a.evaluations == b.evaluations, a.x[1] ~= c.x[1], a.x[1], a.x[2]
            """)
        #expect(r[0] == true && r[1] == true)
        #expect(abs((r[2].doubleValue ?? 0) - 3) < 0.15 && abs((r[3].doubleValue ?? 0) + 1) < 0.15)
    }

    @Test func mistakesNameTheOptimizerAndTheOption() throws {
        let host = try makeHost()
        let f = "function(x) return x[1]^2 end"
        let cases: [(String, String)] = [
            (
                "optimize.minimize(\(f), { 1 }, { method = 'lbfgsb', memroy = 5 })",
                "s.lua:1: lbfgsb: unknown option 'memroy' (did you mean 'memory'?)"
            ),
            (
                "optimize.minimize(\(f), { 1 }, { method = 'lbfgsb', lower = { 2 }, upper = { 1 } })",
                "s.lua:1: optimize.minimize: lbfgsb: option 'lower' (2.0) is above option 'upper' (1.0) for variable 1"
            ),
            (
                "optimize.minimize(\(f), { 1 }, { method = 'grid_search' })",
                "s.lua:1: optimize.minimize: grid_search needs bounds: use optimize.scalar(f, lo, hi) or give lower and upper"
            ),
            (
                "optimize.minimize(\(f), { 1 }, { method = 'grid_search', lower = { 0.5 }, upper = { 3 } })",
                "s.lua:1: optimize.minimize: grid_search searches whole numbers: option 'lower' must be a whole number for variable 1, got 0.5"
            ),
            (
                "optimize.minimize(\(f), { 1 }, { method = 'grid_search', lower = { 0 }, upper = { 1e6 } })",
                "s.lua:1: optimize.minimize: grid_search: the box holds 1000001 points, more than max_evaluations (100000); narrow 'lower' and 'upper' or raise 'max_evaluations'"
            ),
            (
                "optimize.minimize(\(f), { 1.5 }, { method = 'coordinate_search' })",
                "s.lua:1: optimize.minimize: coordinate_search searches whole numbers: x0 must be whole numbers, got 1.5 for variable 1"
            ),
            (
                "optimize.minimize(\(f), { 1 }, { method = 'differential_evolution', lower = { -1 }, upper = { math.huge } })",
                "s.lua:1: optimize.minimize: differential_evolution needs finite bounds: option 'upper' is inf for variable 1"
            ),
            (
                "optimize.minimize(\(f), { 1 }, { method = 'differential_evolution', lower = { -1 }, upper = { 1 }, mutation = 3 })",
                "s.lua:1: differential_evolution: option 'mutation' must be >= 0 and <= 2, got 3"
            ),
            (
                "optimize.minimize(\(f), { 1 }, { method = 'differential_evolution', lower = { -1 }, upper = { 1 }, strategy = 'best1' })",
                "s.lua:1: differential_evolution: option 'strategy' must be one of 'best1bin', 'rand1bin', got 'best1' (did you mean 'best1bin'?)"
            ),
        ]
        for (code, expected) in cases {
            #expect(errorMessage(host, code) == expected, "\(code)")
        }
    }
}
