import LuaBridge
import Testing

/// The time limit and the memory cap stop runaway scripts with a clear message,
/// even when the script tries to swallow the stop with pcall.
@Suite struct LimitTests {
    @Test func anInfiniteLoopIsStopped() throws {
        let state = try LuaState()
        state.setTimeLimit(seconds: 0.2)
        do {
            try state.run("while true do end", chunkName: "@loop.lua")
            Issue.record("expected the time limit")
        } catch {
            #expect(error.kind == .timeLimit)
            #expect(error.message.contains("ran longer than its time limit of 0.2 s (--timeout)"))
        }
    }

    @Test func pcallCannotSwallowTheStop() throws {
        let state = try LuaState()
        state.setTimeLimit(seconds: 0.2)
        do {
            try state.run(
                """
                while true do
                  pcall(function() while true do end end)
                end
                """, chunkName: "@sly.lua")
            Issue.record("expected the time limit")
        } catch {
            #expect(error.kind == .timeLimit)
        }
    }

    @Test func loopsInsideCallbacksFromSwiftAreStoppedToo() throws {
        let state = try LuaState()
        state.register("apply") { call in
            let f = try call.requireFunction(1, "f")
            try call.call(f, [], results: 0)
            return 0
        }
        state.setTimeLimit(seconds: 0.2)
        do {
            try state.run("apply(function() while true do end end)", chunkName: "@cb.lua")
            Issue.record("expected the time limit")
        } catch {
            #expect(error.kind == .timeLimit)
        }
    }

    @Test func aRunawayAllocationIsStopped() throws {
        let state = try LuaState()
        state.setMemoryLimit(bytes: 32 * 1024 * 1024)
        do {
            try state.run(
                """
                local t = {}
                for i = 1, math.huge do t[i] = string.rep("x", 1000) .. i end
                """, chunkName: "@alloc.lua")
            Issue.record("expected the memory cap")
        } catch {
            #expect(error.kind == .memory)
            #expect(error.message.contains("memory limit of 32 MB (--max-memory)"))
        }
        #expect(state.peakMemory <= 33 * 1024 * 1024)
        // The state recovers once the garbage is gone.
        #expect(try state.run("collectgarbage() return 1 + 1", chunkName: "=after") == [2])
    }

    @Test func swiftCodeThatPassesTheCapFinishesThenFails() throws {
        let state = try LuaState()
        state.register("big") { call in
            call.stack.push(.array((0..<200_000).map { LuaValue.string("item \($0)") }))
            return 1
        }
        state.setMemoryLimit(bytes: 8 * 1024 * 1024)
        do {
            try state.run("local t = big()", chunkName: "@n.lua")
            Issue.record("expected the memory cap")
        } catch {
            // The position is lost when the traceback handler itself runs out of memory.
            #expect(error.message.contains("not enough memory: over the memory limit of 8 MB (--max-memory)"))
            #expect(error.kind == .memory || error.kind == .runtime)
        }
    }

    @Test func anInterruptStopsRunningCode() throws {
        let state = try LuaState()
        state.installHook()
        state.register("ask_to_stop") { _ in
            state.interruptFlag.pointee = 1
            return 0
        }
        do {
            try state.run("ask_to_stop() while true do end", chunkName: "=i")
            Issue.record("expected an interrupt")
        } catch {
            #expect(error.kind == .interrupted)
        }
        state.clearStop()
        #expect(try state.run("return 7", chunkName: "=again") == [7])
    }
}
