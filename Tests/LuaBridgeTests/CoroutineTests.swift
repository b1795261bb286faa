import LuaBridge
import Testing

@Suite struct CoroutineTests {
    func state() throws -> LuaState {
        let state = try LuaState()
        state.register("twice") { call in call.returning(.number(2 * (try call.number(1, "x")))) }
        state.register("apply") { call in
            let f = try call.requireFunction(1, "f")
            try call.call(f, [try call.value(2, "x")], results: 1)
            return 1
        }
        state.register("fail") { _ in throw ScriptError("no") }
        return state
    }

    @Test func nativeFunctionsWorkInsideCoroutines() throws {
        let r = try state().run(
            """
            local co = coroutine.wrap(function(a)
              local b = coroutine.yield(twice(a))
              return twice(b)
            end)
            return co(5), co(7)
            """, chunkName: "=co")
        #expect(r == [10.0, 14.0])
    }

    @Test func errorsInsideCoroutinesComeBackFromResume() throws {
        let r = try state().run(
            """
            local co = coroutine.create(function() fail() end)
            return coroutine.resume(co)
            """, chunkName: "@co.lua")
        #expect(r == [false, "co.lua:1: fail: no"])
    }

    @Test func yieldingThroughANativeFunctionSaysWhyItCannot() throws {
        let r = try state().run(
            """
            local co = coroutine.create(function()
              return apply(function(x) coroutine.yield(x) end, 1)
            end)
            return coroutine.resume(co)
            """, chunkName: "@y.lua")
        #expect(r.count == 2)
        #expect(r[0] == false)
        guard case .string(let message) = r[1] else { Issue.record("expected a message"); return }
        #expect(message.contains("apply: cannot yield here"))
        #expect(message.contains("native functions run to completion"))
    }

    @Test func callbacksFromCoroutinesRunOnTheirThread() throws {
        let r = try state().run(
            """
            local co = coroutine.wrap(function()
              local v = apply(function(x) return x + 1 end, 41)
              coroutine.yield(v)
              return apply(function(x) return x * 2 end, v)
            end)
            return co(), co()
            """, chunkName: "=co")
        #expect(r == [42, 84])
    }
}
