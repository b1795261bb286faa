#ifndef ALMANAC_FUZZ_LUA_LIMIT_H
#define ALMANAC_FUZZ_LUA_LIMIT_H

// The Lua state is passed as an opaque pointer (LuaState.L in Swift).
typedef struct lua_State lua_State;

/// Replaces the state's hook with one that raises "instruction limit" once
/// about `instructions` VM instructions have run; once it fires it re-arms to
/// fire on every instruction, so a script's own pcall cannot swallow the stop
/// (as Almanac's time-limit hook does).
void fuzz_lua_limit_instructions(lua_State *L, long instructions);

/// lua_settop, which Swift cannot reach without importing Lua's headers.
void fuzz_lua_settop(lua_State *L, int top);
int fuzz_lua_gettop(lua_State *L);

#endif
