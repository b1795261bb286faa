import AlmanacCore
import Foundation
import LuaBridge
import Testing

@testable import Workbench

@Suite struct HostTests {
    @Test func pairsVisitsKeysInTheSameOrderEveryRun() throws {
        let host = try makeHost()
        let r = try run(
            host,
            """
            local t = { zebra = 1, apple = 2, [3] = "c", [1] = "a", mango = 3, [true] = 0, [2.5] = "x" }
            local seen = {}
            for k in pairs(t) do seen[#seen + 1] = tostring(k) end
            return table.concat(seen, ",")
            """)
        #expect(r == ["1,2.5,3,apple,mango,zebra,true"])
    }

    @Test func pairsStillHonoursPairsMetamethodsAndRemovals() throws {
        let host = try makeHost()
        let r = try run(
            host,
            """
            local proxy = setmetatable({}, { __pairs = function() return function(_, k) if not k then return 1, "one" end end, nil, nil end })
            local out = {}
            for k, v in pairs(proxy) do out[#out + 1] = v end
            local t = { a = 1, b = 2, c = 3 }
            for k in pairs(t) do if k == "a" then t.b = nil end end
            local n = 0
            for _ in pairs(t) do n = n + 1 end
            return out[1], n
            """)
        #expect(r == ["one", 2])
    }

    @Test func randomNumbersRepeatForASeedAndFollowLuasConventions() throws {
        let a = try makeHost(seed: 7), b = try makeHost(seed: 7), c = try makeHost(seed: 8)
        let code = "local t = {} for i = 1, 5 do t[i] = math.random(1, 1000) end return table.concat(t, ',')"
        let ra = try run(a, code), rb = try run(b, code), rc = try run(c, code)
        #expect(ra == rb)
        #expect(ra != rc)
        var g = SeededGenerator(seed: 7)
        let expected = (0..<5).map { _ in String(g.nextInt(in: 1, 1000)) }.joined(separator: ",")
        #expect(ra == [.string(expected)])
        let r = try run(
            a,
            """
            almanac.seed(3)
            local x = math.random()
            math.randomseed(3)
            local y = math.random()
            local ok, err = pcall(math.random, 5, 1)
            return x == y, x >= 0 and x < 1, math.type(math.random(3)), err
            """)
        #expect(r == [true, true, "integer", "math.random: interval is empty: 5 > 1"])
    }

    @Test func inspectShowsTablesReadably() throws {
        let host = try makeHost()
        let r = try run(host, #"return almanac.inspect({ 1, 2.5, "x\ty", { q = 304.05 }, name = "eoq", ok = true })"#)
        #expect(r == [#"{ 1, 2.5, "x\ty", { q = 304.05 }, name = "eoq", ok = true }"#])
        let cyc = try run(host, "local t = {} t.self = t return almanac.inspect(t)")
        #expect(cyc == ["{ self = <cycle> }"])
    }

    @Test func outputPathsStayInTheOutputFolder() throws {
        let host = try makeHost()
        let r = try run(host, "return almanac.out('reports/q.csv')")
        guard case .string(let path) = r[0] else { Issue.record("expected a path"); return }
        #expect(path == host.options.outputDirectory + "/reports/q.csv")
        #expect(FileManager.default.fileExists(atPath: host.options.outputDirectory + "/reports"))
        #expect(
            errorMessage(host, "almanac.out('../escape.csv')").contains(
                "must be a relative path inside the output folder"))
    }

    @Test func safeModeAppliesToTheWholeSession() throws {
        let scripts = temporaryFolder("scripts")
        writeFile(scripts + "/data.txt", "42")
        let host = try makeHost(safe: true, scriptDirectory: scripts)
        #expect(errorMessage(host, "os.execute('true')") == "s.lua:1: os.execute is not available in --safe mode")
        #expect(try run(host, "return io.open('\(scripts)/data.txt'):read('a')") == ["42"])
        // Plugins still work under the sandbox.
        #expect(
            try run(
                host,
                "return almanac.cost('eoq_cost', { fixed_cost = 8, holding_cost = 0.225, demand_rate = 1300 })(304) > 68"
            )
                == [true])
    }

    @Test func theReplPrintsValuesAndSurvivesErrors() throws {
        let session = try ReplSession(host: try makeHost())
        #expect(session.submit("1 + 1") == .output("2"))
        #expect(session.submit("x = 21") == .output(""))
        #expect(session.submit("x * 2, 'two'") == .output("42\t\"two\""))
        #expect(session.submit("function f(a)") == .needsMore)
        #expect(session.isContinuing)
        #expect(session.submit("  return a * 3") == .needsMore)
        #expect(session.submit("end") == .output(""))
        #expect(session.submit("f(5)") == .output("15"))
        guard case .error(let message) = session.submit("almanac.cost('nope')") else {
            Issue.record("expected an error"); return
        }
        #expect(message.hasPrefix("stdin:1: almanac.cost: no cost named 'nope'"))
        guard case .error(let syntax) = session.submit("x = = 1") else {
            Issue.record("expected a syntax error"); return
        }
        #expect(syntax.contains("unexpected symbol"))
        #expect(session.submit("x") == .output("21"))
        #expect(session.submit("{ a = 1 }") == .output("{ a = 1 }"))
    }

    @Test func theReferenceCoversEveryModuleFunctionAndPlugin() throws {
        let host = try makeHost()
        let text = ReferenceDocs.markdown(registry: host.registry)
        for module in ScriptHost.moduleSpecs() {
            for function in module.functions { #expect(text.contains(function.signature), "\(function.signature)") }
        }
        for plugin in host.registry.list() {
            #expect(text.contains("`\(plugin.descriptor.name)` — "), "\(plugin.descriptor.name)")
        }
        #expect(text.contains("| `fixed_cost` | number | required | > 0 |"))
        #expect(text.contains("Lua (`eoq_backorder_cost.lua`)"))
    }
}
