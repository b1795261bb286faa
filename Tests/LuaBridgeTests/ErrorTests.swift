import LuaBridge
import Testing

/// Errors raised in Swift reach Lua through the trampoline, keep their line
/// numbers, can be caught and re-raised, and never longjmp across Swift frames.
@Suite struct ErrorTests {
    func stateWithNatives() throws -> LuaState {
        let state = try LuaState()
        state.register("fail") { call in
            throw ScriptError("boom: \(try call.string(1, "what"))")
        }
        state.register("twice") { call in
            call.returning(.number(2 * (try call.number(1, "x"))))
        }
        // Calls a Lua function from Swift and returns its result.
        state.register("apply") { call in
            let f = try call.requireFunction(1, "f")
            try call.call(f, [try call.value(2, "x")], results: 1)
            return 1
        }
        return state
    }

    @Test func swiftErrorCarriesScriptLineAndFunctionName() throws {
        let state = try stateWithNatives()
        let script = """
            local a = 1
            local b = 2
            fail("the reason")
            """
        do {
            try state.run(script, chunkName: "@script.lua")
            Issue.record("expected an error")
        } catch {
            #expect(error.message == "script.lua:3: fail: boom: the reason")
            #expect(error.kind == .runtime)
            #expect(error.traceback?.contains("script.lua:3") == true)
        }
    }

    @Test func argumentErrorsNameTheArgument() throws {
        let state = try stateWithNatives()
        do {
            try state.run("twice('seven')", chunkName: "@s.lua")
            Issue.record("expected an error")
        } catch {
            #expect(error.message == "s.lua:1: twice: argument 1 'x' must be a number, got a string")
        }
        do {
            try state.run("twice()", chunkName: "@s.lua")
            Issue.record("expected an error")
        } catch {
            #expect(error.message == "s.lua:1: twice: argument 1 'x' must be a number, got nothing")
        }
    }

    @Test func pcallCatchesSwiftErrorsAndScriptsCanReraise() throws {
        let state = try stateWithNatives()
        let caught = try state.run(
            """
            local ok, err = pcall(fail, "x")
            return ok, err
            """, chunkName: "@t.lua")
        // pcall calls fail directly, so no Lua line is the caller: Lua reports no position.
        #expect(caught == [false, "fail: boom: x"])

        let script = """
            local function inner() fail("deep") end
            local ok, err = pcall(inner)
            assert(not ok)
            error(err, 0)
            """
        do {
            try state.run(script, chunkName: "@t.lua")
            Issue.record("expected the re-raised error")
        } catch {
            #expect(error.message == "t.lua:1: fail: boom: deep")
        }
    }

    @Test func luaErrorsInsideCallbacksKeepTheirOwnPosition() throws {
        let state = try stateWithNatives()
        let script = """
            local function cost(x)
              return x + nil_value_here
            end
            return apply(cost, 1)
            """
        do {
            try state.run(script, chunkName: "@cb.lua")
            Issue.record("expected an error")
        } catch {
            #expect(error.message.hasPrefix("cb.lua:2: attempt to perform arithmetic on a nil value"))
            #expect(error.traceback?.contains("cb.lua:4") == true)
        }
    }

    @Test func errorObjectsSurviveTheNativeBoundary() throws {
        let state = try stateWithNatives()
        let r = try state.run(
            """
            local ok, e = pcall(apply, function() error({ code = 7 }) end, 0)
            return ok, type(e), e.code
            """, chunkName: "@obj.lua")
        #expect(r == [false, "table", 7])
    }

    @Test func syntaxErrorsAreReportedWithTheirLine() throws {
        let state = try LuaState()
        do {
            try state.run("local x = 1\nlocal = 2", chunkName: "@bad.lua")
            Issue.record("expected a syntax error")
        } catch {
            #expect(error.kind == .syntax)
            #expect(error.message.hasPrefix("bad.lua:2:"))
        }
    }

    @Test func manyErrorsLeaveTheStackBalanced() throws {
        let state = try stateWithNatives()
        let r = try state.run(
            """
            local n = 0
            for i = 1, 10000 do
              if not pcall(fail, "x") then n = n + 1 end
              if not pcall(apply, function() error("y") end, 1) then n = n + 1 end
            end
            return n
            """, chunkName: "=loop")
        #expect(r == [20000])
        #expect(state.stackTop == 0)
    }

    @Test func stateStaysUsableAfterAnError() throws {
        let state = try stateWithNatives()
        #expect(throws: LuaError.self) { try state.run("fail('x')", chunkName: "=a") }
        #expect(try state.run("return twice(21)", chunkName: "=b") == [42.0])
    }
}
