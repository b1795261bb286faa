import CLua

extension LuaState {
    /// The names of the userdata types this state has met so far: a metatable
    /// is made the first time an instance is pushed. Lets a test hold the
    /// documented types to those scripts actually get.
    public var userdataTypeNames: [String] {
        var names: [String] = []
        let registry = almanac_registryindex()
        lua_pushnil(L)
        while lua_next(L, registry) != 0 {
            // Key at -2, value at -1; a metatable of ours is a table with __almanac.
            if lua_type(L, -2) == LUA_TSTRING, lua_type(L, -1) == LUA_TTABLE,
                let key = lua_tolstring(L, -2, nil).map({ String(cString: $0) }), key.hasPrefix("almanac.")
            {
                lua_pushstring(L, "__almanac")
                if lua_rawget(L, -2) == LUA_TLIGHTUSERDATA, lua_touserdata(L, -1) == almanacMetatableMark {
                    names.append(String(key.dropFirst("almanac.".count)))
                }
                lua_settop(L, -2)
            }
            lua_settop(L, -2)
        }
        return names.sorted()
    }
}
