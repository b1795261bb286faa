#include <lua5.4/lua.h>
#include <lua5.4/lauxlib.h>
#include "bench_add.h"

static int c_add(lua_State *L) {
    lua_pushnumber(L, luaL_checknumber(L, 1) + luaL_checknumber(L, 2));
    return 1;
}

void bench_register_c_add(void *L) { lua_register((lua_State *)L, "c_add", c_add); }
