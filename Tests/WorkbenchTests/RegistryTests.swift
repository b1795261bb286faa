import AlmanacCore
import LuaBridge
import Testing

@testable import Workbench

@Suite struct RegistryTests {
    @Test func nativeAndLuaPluginsSitSideBySide() throws {
        let host = try makeHost()
        #expect(host.pluginFailures.isEmpty)
        let names = host.registry.list().map(\.descriptor.name)
        #expect(names.contains("golden_section") && names.contains("nelder_mead") && names.contains("eoq_cost"))
        #expect(names.contains("eoq_backorder_cost"))
        let lua = try #require(host.registry.plugin(named: "eoq_backorder_cost"))
        // Recorded where almanac.register was called: the file and the line of the call.
        #expect(lua.descriptor.source.description.hasSuffix("plugins/eoq_backorder_cost.lua:10"))
        // A script sees both through the same calls.
        let kinds = try run(
            host,
            """
            local native, lua = almanac.plugin("eoq_cost"), almanac.plugin("eoq_backorder_cost")
            return native.kind, lua.kind, native.source, #almanac.plugins("cost") >= 2, #almanac.plugins("optimizer") >= 2
            """)
        #expect(kinds == ["cost", "cost", "native", true, true])
    }

    @Test func parameterMistakesAreNamedWithTheScriptLine() throws {
        let host = try makeHost()
        let cases: [(String, String)] = [
            (
                "almanac.cost('eoq_cost', { fixed_cost = 8, holding_cst = 1, demand_rate = 3 })",
                "s.lua:1: eoq_cost: unknown option 'holding_cst' (did you mean 'holding_cost'?)"
            ),
            (
                "almanac.cost('eoq_cost', { fixed_cost = 8, holding_cost = '1', demand_rate = 3 })",
                "s.lua:1: eoq_cost: option 'holding_cost' must be a number, got a string"
            ),
            (
                "almanac.cost('eoq_cost', { fixed_cost = -8, holding_cost = 1, demand_rate = 3 })",
                "s.lua:1: eoq_cost: option 'fixed_cost' must be > 0, got -8"
            ),
            (
                "almanac.cost('eoq_cost', { fixed_cost = 8, holding_cost = 1 })",
                "s.lua:1: eoq_cost: option 'demand_rate' is required (a number: λ, units demanded per time unit)"
            ),
            (
                "almanac.cost('eoq_cots', {})",
                "s.lua:1: almanac.cost: no cost named 'eoq_cots' (did you mean 'eoq_cost'?)"
            ),
            (
                "almanac.cost('golden_section', {})",
                "s.lua:1: almanac.cost: 'golden_section' is a optimizer plugin, not a cost"
            ),
            (
                "optimize.scalar(function(x) return x end, 0, 1, { method = 'golden_section', tolerence = 1e-3 })",
                "s.lua:1: golden_section: unknown option 'tolerence' (did you mean 'tolerance'?)"
            ),
            (
                "optimize.scalar(function(x) return x end, 0, 1, { method = 'golden', tolerance = 1e-3 })",
                "s.lua:1: optimize.scalar: no optimizer named 'golden' (did you mean 'golden_section'?)"
            ),
            (
                "optimize.scalar(function(x) return x end, 0, 1, { method = 'powell' })",
                "s.lua:1: optimize.scalar: no optimizer named 'powell'; there are: brent, coordinate_search, differential_evolution, golden_section, grid_search, lbfgsb, nelder_mead"
            ),
            (
                "optimize.scalar(function(x) return x end, 1, 0)",
                "s.lua:1: optimize.scalar: lo (1) must be less than hi (0)"
            ),
            (
                "optimize.scalar('eoq_cost', 1, 2)",
                "s.lua:1: optimize.scalar: argument 1 'f' must be a function or a cost from almanac.cost, got a string"
            ),
            (
                "optimize.minimize(function(x) return x[1] end, { 1, 2 }, { method = 'golden_section' })",
                "s.lua:1: optimize.minimize: golden_section minimizes over one variable; use a multivariate optimizer such as nelder_mead"
            ),
            (
                "optimize.minimize(function(x) return nil end, { 1 })",
                "s.lua:1: optimize.minimize: the objective must return a number, got nil"
            ),
            (
                "inventory.eoq{ fixed_cost = 8, holding_cost = 0.225, demand = 1300 }",
                "s.lua:1: inventory.eoq: unknown option 'demand' (did you mean 'demand_rate'?)"
            ),
            (
                "inventory.eoq{ fixed_cost = 8, holding_cost = 0.225, demand_rate = 1300, lead_time = 2 }",
                "s.lua:1: inventory.eoq: unknown option 'lead_time'; its options are: fixed_cost, holding_cost, demand_rate, stockout_cost, order_quantity"
            ),
        ]
        for (code, expected) in cases {
            #expect(errorMessage(host, code) == expected, "\(code)")
        }
    }

    @Test func anOptimizerMinimisesARegisteredCost() throws {
        let host = try makeHost()
        let r = try run(
            host,
            """
            local eoq = almanac.cost("eoq_cost", { fixed_cost = 8, holding_cost = 0.225, demand_rate = 1300 })
            local r = optimize.scalar(eoq, 1, 5000)
            local parts = eoq:parts(r.x)
            return r.x, r.f, r.converged, r.method, parts.ordering, parts.holding
            """)
        // Snyder & Shen Example 3.1 / stockpyl: Q* = 304.0467800264368, g* = 68.41052550594829.
        #expect(abs((r[0].doubleValue ?? 0) - 304.0467800264368) < 1e-5)
        #expect(abs((r[1].doubleValue ?? 0) - 68.41052550594829) < 1e-9)
        #expect(r[2] == true && r[3] == "brent")  // the default for optimize.scalar
        #expect(abs((r[4].doubleValue ?? 0) - (r[5].doubleValue ?? 1)) < 1e-4)
    }

    @Test func nelderMeadMinimisesTheLuaCostPlugin() throws {
        let host = try makeHost()
        let r = try run(
            host,
            """
            local p = { fixed_cost = 8, holding_cost = 0.225, stockout_cost = 5, demand_rate = 1300 }
            local c = almanac.cost("eoq_backorder_cost", p)
            local r = optimize.minimize(c, { 300, 0.5 }, { lower = { 1, 0 }, upper = { 5000, 1 } })
            local closed = inventory.eoq(p)
            return r.x[1], r.x[2], closed.order_quantity, closed.stockout_fraction, r.converged
            """)
        #expect(abs((r[0].doubleValue ?? 0) - (r[2].doubleValue ?? 1)) < 1e-3)
        #expect(abs((r[1].doubleValue ?? 0) - (r[3].doubleValue ?? 1)) < 1e-6)
        #expect(r[4] == true)
    }

    @Test func anOptimizerWrittenInLuaWorksLikeANativeOne() throws {
        let host = try makeHost()
        let r = try run(
            host,
            """
            almanac.register {
              kind = "optimizer", name = "even_grid", version = "0.1.0",
              summary = "tries evenly spaced points between the bounds",
              params = { { name = "points", type = "integer", default = 101, min = 2, doc = "how many points" } },
              capabilities = { "scalar", "bounds", "requires_bounds", "derivative_free" },
              minimize = function(f, start, p)
                local lo, hi = start.lower[1], start.upper[1]
                local best_x, best_f = lo, math.huge
                for i = 0, p.points - 1 do
                  local x = lo + (hi - lo) * i / (p.points - 1)
                  local y = f({ x })
                  if y < best_f then best_x, best_f = x, y end
                end
                return { x = { best_x }, f = best_f, iterations = p.points, evaluations = p.points, converged = true }
              end,
            }
            local eoq = almanac.cost("eoq_cost", { fixed_cost = 8, holding_cost = 0.225, demand_rate = 1300 })
            local r = optimize.scalar(eoq, 300, 310, { method = "even_grid", points = 11 })
            local bad = select(2, pcall(optimize.scalar, eoq, 300, 310, { method = "even_grid", points = 1 }))
            return r.x, r.evaluations, r.method, bad
            """)
        #expect(r[0] == 304.0)
        #expect(r[1] == 11)
        #expect(r[2] == "even_grid")
        #expect(r[3] == "even_grid: option 'points' must be >= 2, got 1")
    }

    @Test func luaRegistrationsAreCheckedStrictly() throws {
        let host = try makeHost()
        let base = "kind = 'cost', name = 'c1', version = '1', summary = 's', cost = function(x) return x end"
        #expect(
            errorMessage(host, "almanac.register{ \(base), sumary = 'x' }")
                == "s.lua:1: almanac.register: plugin 'c1': unknown field 'sumary' (did you mean 'summary'?)")
        #expect(
            errorMessage(host, "almanac.register{ kind = 'cost', name = 'c2', version = '1', summary = 's' }")
                == "s.lua:1: almanac.register: plugin 'c2': a cost plugin must give 'cost' as a function")
        #expect(
            errorMessage(host, "almanac.register{ \(base), minimize = print }")
                == "s.lua:1: almanac.register: plugin 'c1': 'minimize' belongs to a optimizer plugin; a cost gives cost"
        )
        #expect(
            errorMessage(host, "almanac.register{ kind = 'costs', name = 'c3' }")
                == "s.lua:1: almanac.register: plugin 'c3': unknown kind 'costs' (did you mean 'cost'?); kinds are model, cost, optimizer"
        )
        #expect(
            errorMessage(host, "almanac.register{ \(base), params = { { name = 'a', type = 'nubmer' } } }")
                .contains("params[1] 'a': unknown type 'nubmer' (did you mean 'number'?)"))
        #expect(
            errorMessage(host, "almanac.register{ \(base), params = { { name = 'a', defualt = 1 } } }")
                .contains("params[1]: unknown field 'defualt' (did you mean 'default'?)"))
        #expect(
            errorMessage(host, "almanac.register{ \(base), capabilities = { 'part' } }")
                .contains("unknown capability 'part' for a cost (did you mean 'parts'?)"))
        #expect(
            errorMessage(host, "almanac.register{ \(base), name = 'eoq_cost' }")
                == "s.lua:1: almanac.register: plugin 'eoq_cost' is already registered (native)")
        // A model plugin registers with fit and forecast.
        #expect(
            errorMessage(
                host,
                """
                almanac.register{ kind = 'model', name = 'mean_model', version = '1', summary = 'the mean',
                  capabilities = { 'intervals' },
                  fit = function(y) local s = 0 for _, v in ipairs(y) do s = s + v end return { mean = s / #y } end,
                  forecast = function(m, h) local f = {} for i = 1, h do f[i] = m.mean end return f end }
                """) == "(no error)")
        #expect(host.registry.plugin(named: "mean_model")?.descriptor.kind == .model)
    }

    @Test func errorsInsideLuaPluginsPointAtThePluginAndTheCaller() throws {
        let host = try makeHost()
        let message = errorMessage(
            host,
            """
            local c = almanac.cost("eoq_backorder_cost",
              { fixed_cost = 8, holding_cost = 0.225, stockout_cost = 5, demand_rate = 1300 })
            return c({ -1, 0.5 })
            """)
        // The plugin raises with error(msg, 2): reported at the script's line, under the plugin's name.
        #expect(message == "s.lua:3: eoq_backorder_cost: order_quantity must be positive, got -1.0")
        let wrongSize = errorMessage(
            host,
            """
            local c = almanac.cost("eoq_backorder_cost", { fixed_cost = 8, holding_cost = 0.225, stockout_cost = 5, demand_rate = 1300 })
            return c(300)
            """)
        #expect(
            wrongSize
                == "s.lua:2: eoq_backorder_cost: takes 2 decision variables (order_quantity, backorder_fraction), got 1"
        )
    }

    @Test func brokenPluginFilesAreReportedAndTheOthersStillLoad() throws {
        let folder = temporaryFolder("plugins")
        writeFile(folder + "/a_syntax.lua", "almanac.register{ kind = 'cost', name = 'x'\n")
        writeFile(folder + "/b_runtime.lua", "local x = nil\nx.y = 1\n")
        writeFile(
            folder + "/c_invalid.lua",
            "almanac.register{ kind = 'cost', name = 'bad plugin', version = '1', summary = 's', cost = print }\n")
        writeFile(
            folder + "/d_good.lua",
            """
            almanac.register{ kind = 'cost', name = 'good_cost', version = '1.0.0', summary = 'twice x',
              cost = function(x) return 2 * x end }
            helper_global = 1  -- stays in the plugin's own environment
            """)
        let host = try makeHost(pluginFolders: [folder])
        #expect(host.pluginFailures.count == 3)
        let messages = host.pluginFailures.map(\.message)
        #expect(messages[0].contains("a_syntax.lua:2:") && messages[0].contains("expected"))
        #expect(messages[1].contains("b_runtime.lua:2: attempt to index a nil value (local 'x')"))
        #expect(messages[2].contains("c_invalid.lua:1: almanac.register: plugin name 'bad plugin' must be lower case"))
        #expect(try run(host, "return almanac.cost('good_cost')(21), helper_global") == [42.0, nil])
    }
}
