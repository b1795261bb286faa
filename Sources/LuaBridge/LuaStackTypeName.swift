import CLua

extension LuaStack {
    /// Lua's own name for the type of the value at `index` ("number", "table",
    /// "userdata" for any userdata), as luaL_typename gives it; it cannot raise.
    public func luaTypeName(at index: Int32) -> String { String(cString: almanac_typename(L, index)) }
}
