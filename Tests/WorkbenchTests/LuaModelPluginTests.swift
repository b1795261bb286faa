import Foundation
import LuaBridge
import Testing

@testable import Workbench

/// A forecasting model written in Lua: intervals by level, and sample paths drawn
/// from the run's generator (which must not be held by the host while Lua draws).
@Suite struct LuaModelPluginTests {
    static let plugin = """
        almanac.register {
          kind = "model", name = "flat_normal", version = "1.0.0", summary = "the last value, normal noise",
          capabilities = { "intervals", "samples" },
          fit = function(y) return { last = y[#y] } end,
          forecast = function(m, h, levels)
            local mean, lower, upper = {}, {}, {}
            for i = 1, h do mean[i] = m.last end
            for j, level in ipairs(levels) do
              lower[j], upper[j] = {}, {}
              for i = 1, h do lower[j][i], upper[j][i] = m.last - level, m.last + level end
            end
            return { mean = mean, lower = lower, upper = upper }
          end,
          sample = function(m, h, n)
            local paths = {}
            for j = 1, n do
              paths[j] = {}
              for i = 1, h do paths[j][i] = m.last + dist.normal(0, 1):sample() + math.random() end
            end
            return paths
          end,
        }
        """

    @Test func intervalArraysFollowTheOrderOfTheLevels() throws {
        let host = try makeHost()
        let r = try run(
            host,
            Self.plugin + """
                local fc = forecast.fit("flat_normal", { 1, 2, 10 }):forecast{ h = 2, levels = { 95, 80 } }
                return fc:lower(95)[1], fc:upper(80)[2]
                """)
        #expect(r[0].doubleValue.map { $0 == -85 } == true)
        #expect(r[1].doubleValue.map { $0 == 90 } == true)
    }

    @Test func samplePathsDrawFromTheSeededGenerator() throws {
        let host = try makeHost()
        let r = try run(
            host,
            Self.plugin + """
                local m = forecast.fit("flat_normal", { 1, 2, 10 })
                almanac.seed(7)
                local a = m:sample{ h = 3, n = 50 }:mean()[1]
                almanac.seed(7)
                local b = m:sample{ h = 3, n = 50 }:mean()[1]
                local c = m:sample{ h = 3, n = 50 }:mean()[1]
                return a, b, c
                """)
        #expect(r[0] == r[1])
        #expect(r[0] != r[2])
        #expect(abs((r[0].doubleValue ?? 0) - 10.5) < 1)
    }
}
