#include "fuzz_lua_limit.h"

#include <lua5.4/lua.h>
#include <lua5.4/lauxlib.h>

enum { FUZZ_HOOK_EVERY = 1000 };

// One harness process runs one state at a time, on one thread.
static long fuzz_remaining;

static void fuzz_hook(lua_State *L, lua_Debug *ar) {
    (void)ar;
    fuzz_remaining -= FUZZ_HOOK_EVERY;
    if (fuzz_remaining <= 0) {
        lua_sethook(L, fuzz_hook, LUA_MASKCOUNT, 1);
        luaL_error(L, "instruction limit");
    }
}

void fuzz_lua_limit_instructions(lua_State *L, long instructions) {
    fuzz_remaining = instructions;
    lua_sethook(L, fuzz_hook, LUA_MASKCOUNT, FUZZ_HOOK_EVERY);
}

void fuzz_lua_settop(lua_State *L, int top) { lua_settop(L, top); }
int fuzz_lua_gettop(lua_State *L) { return lua_gettop(L); }
