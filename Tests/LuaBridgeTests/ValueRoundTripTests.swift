import LuaBridge
import Testing

/// Every value kind goes Swift → Lua → Swift unchanged.
@Suite struct ValueRoundTripTests {
    func roundTrip(_ value: LuaValue) throws -> LuaValue {
        let state = try LuaState()
        state.setGlobal("x", value)
        return try state.run("return x", chunkName: "=test")[0]
    }

    @Test func scalars() throws {
        let values: [LuaValue] = [
            .nil, true, false, 0, 42, -7, .integer(.max), .integer(.min), 3.25, -0.5, 1e300, .number(.infinity),
            "", "héllo wörld", "with\0zero", "multi\nline",
        ]
        for value in values {
            #expect(try roundTrip(value) == value)
        }
    }

    @Test func integersAndFloatsStayDistinct() throws {
        let state = try LuaState()
        let results = try state.run("return 3, 3.0, 2^53, 7 // 2", chunkName: "=test")
        #expect(results.count == 4)
        guard case .integer(3) = results[0] else { Issue.record("3 should stay an integer"); return }
        guard case .number(3.0) = results[1] else { Issue.record("3.0 should stay a float"); return }
        guard case .number = results[2] else { Issue.record("2^53 is a float in Lua"); return }
        guard case .integer(3) = results[3] else { Issue.record("7 // 2 is an integer"); return }
    }

    @Test func nanRoundTrips() throws {
        guard case .number(let x) = try roundTrip(.number(.nan)) else { Issue.record("NaN lost its type"); return }
        #expect(x.isNaN)
    }

    @Test func arraysAndRecordsNest() throws {
        let value: LuaValue = [
            "name": "eoq", "sizes": [1, 2.5, "three", [true, false]],
            "params": ["fixed_cost": 8, "holding_cost": 0.225, "nested": ["deep": ["deeper": 1]]],
            "empty": [],
        ]
        #expect(try roundTrip(value) == value)
    }

    @Test func luaSideSeesTheRightShapes() throws {
        let state = try LuaState()
        state.setGlobal("t", ["items": [10, 20, 30], "label": "x"])
        let r = try state.run("return #t.items, t.items[2], t.label, type(t)", chunkName: "=test")
        #expect(r == [3, 20, "x", "table"])
    }

    @Test func mixedTablesAreRefusedWithAReason() throws {
        let state = try LuaState()
        try state.load("return {1, 2, x = 3}", chunkName: "=test")
        try state.call(nargs: 0, nresults: 1)
        #expect(throws: ScriptError.self) { try state.value(at: -1) }
        do { _ = try state.value(at: -1) } catch {
            #expect(error.message.contains("mixes array items and named fields"))
        }
    }

    @Test func arraysWithHolesAreRefused() throws {
        let state = try LuaState()
        try state.load("return {1, nil, 3, [10] = 4}", chunkName: "=test")
        try state.call(nargs: 0, nresults: 1)
        #expect(throws: ScriptError.self) { try state.value(at: -1) }
    }

    @Test func cyclesAreReportedNotFollowedForever() throws {
        let state = try LuaState()
        try state.load("local t = {} t.self = t return t", chunkName: "=test")
        try state.call(nargs: 0, nresults: 1)
        do {
            _ = try state.value(at: -1)
            Issue.record("a cycle should not convert")
        } catch { #expect(error.message.contains("nested more than 64 deep")) }
    }

    @Test func functionsCrossAsReferencesAndCanBeCalled() throws {
        let state = try LuaState()
        let results = try state.run("return function(a, b) return a * b end", chunkName: "=test")
        guard case .function(let f) = results[0] else { Issue.record("expected a function"); return }
        state.setGlobal("g", .function(f))
        #expect(try state.run("return g(6, 7)", chunkName: "=test") == [42])
    }
}
