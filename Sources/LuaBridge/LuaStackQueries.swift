import CLua

/// Small stack queries for native functions outside LuaBridge, so they need
/// not import CLua. None of them can raise: they read types and values
/// (lua_type, lua_tonumberx), move the top (lua_settop only shrinks here, or
/// grows within the space the caller's results already took), or take a
/// registry reference (luaL_ref, which raises only on memory; the allocator
/// never refuses while a Swift function runs: see docs/architecture.md).
extension LuaStack {
    /// The index of the top value (the number of values on this function's stack).
    public var top: Int32 { lua_gettop(L) }

    /// Drops values above `index` (an absolute index, clamped to 0...top), as after a call whose results were read.
    public func drop(to index: Int32) {
        lua_settop(L, max(0, min(index, lua_gettop(L))))
    }

    /// Drops the top `count` values (clamped to 0...top).
    public func pop(_ count: Int32 = 1) {
        lua_settop(L, -max(0, min(count, lua_gettop(L))) - 1)
    }

    /// Whether the value at `index` is a number (a numeric string is not).
    public func isNumber(at index: Int32) -> Bool { lua_type(L, index) == LUA_TNUMBER }

    /// Whether the value at `index` is a function.
    public func isFunction(at index: Int32) -> Bool { lua_type(L, index) == LUA_TFUNCTION }

    /// Whether the value at `index` is a table.
    public func isTable(at index: Int32) -> Bool { lua_type(L, index) == LUA_TTABLE }

    /// The number at `index`, or nil when it is not a number (a numeric string is not converted).
    public func number(at index: Int32) -> Double? {
        guard lua_type(L, index) == LUA_TNUMBER else { return nil }
        return lua_tonumberx(L, index, nil)
    }

    /// Pops the top value into the registry: a function just pushed with
    /// `pushFunction`, kept to hand to Lua later.
    public func popReference() -> LuaReference { LuaReference(popping: L) }
}

extension LuaState {
    /// The Lua release Almanac is built with ("Lua 5.4.6"), without a state.
    public static var release: String { String(cString: almanac_lua_release()) }
}
