import CLua
import LuaBridge
import Testing

/// Inputs the Lua-value fuzzer found (fuzz/findings/FuzzLuaValue-*), kept as regressions.
@Suite struct LuaFuzzFindingTests {
    /// FuzzLuaValue-1: a script marking another metatable `__almanac` made a FILE * pass for a Swift object.
    @Test func forgedMarkIsNotAnAlmanacObject() throws {
        let state = try LuaState()
        let results = try state.run("getmetatable(io.stdout).__almanac = true; return 1", chunkName: "=t")
        #expect(results.first == .integer(1))
        // `run` reads results it cannot convert as nil: the point is that it does not crash.
        #expect(try state.run("return io.stdout", chunkName: "=t") == [.nil])
        try state.load("return io.stdout", chunkName: "=t")
        try state.call(nargs: 0, nresults: 1)
        #expect(throws: ScriptError.self) { try state.value(at: -1) }
        lua_settop(state.L, 0)
    }

    /// FuzzLuaValue-2: a subtable shared twice per level, 40 levels deep, is 2⁴⁰ values; conversion stops.
    @Test func sharedSubtablesAreBounded() throws {
        let state = try LuaState()
        let source = "local t = { 1 } for i = 1, 40 do t = { t, t } end return t"
        #expect(try state.run(source, chunkName: "=t") == [.nil])
        #expect(state.stackTop == 0)
    }
}
