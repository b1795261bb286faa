#ifndef ALMANAC_CLUA_SHIM_H
#define ALMANAC_CLUA_SHIM_H

// Lua 5.4 as Swift sees it: the C API, static-inline wrappers for the API's
// function-like macros (Swift cannot import those), and the few pieces that
// must be C because they raise Lua errors. Lua raises errors with longjmp;
// a longjmp must never cross a Swift frame, so every lua_error call made on
// behalf of Swift code happens here, after the Swift frame has returned.

#include <lua5.4/lua.h>
#include <lua5.4/lauxlib.h>
#include <lua5.4/lualib.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

// ---------------------------------------------------------------------------
// Limits and dispatch shared by every thread of one state (found through
// lua_getextraspace, which Lua copies into each new coroutine).

/// The Swift side of every native function (LuaBridge's nativeDispatch, exported
/// under this C name): returns the number of results, or one of the
/// ALMANAC_RAISE codes with the error value on top of the stack.
extern int almanac_swift_dispatch(lua_State *L);

/// Raise the value on top as it is (an error that came from Lua code).
#define ALMANAC_RAISE (-1)
/// Raise the message on top, prefixed with the caller's "chunk:line:".
#define ALMANAC_RAISE_WITH_WHERE (-2)

typedef struct almanac_limits {
    size_t used;              // bytes Lua holds now
    size_t peak;              // most bytes Lua held at once
    size_t limit;             // memory cap in bytes; 0 = none
    int native_depth;         // > 0 while Swift code runs on this state outside a nested pcall
    int over_in_native;       // the cap was passed while Swift code ran; raised when it returns
    double deadline;          // CLOCK_MONOTONIC seconds; 0 = none
    double timeout_seconds;   // for the message
    volatile int interrupt;   // set from a signal handler (the REPL's Ctrl-C)
    int killed;               // 1 = time limit, 2 = interrupted; stays set so pcall cannot swallow it
    void *owner;              // the Swift LuaState (unretained)
} almanac_limits;

static inline almanac_limits *almanac_limits_of(lua_State *L) {
    return *(almanac_limits **)lua_getextraspace(L);
}

static inline void almanac_set_limits(lua_State *L, almanac_limits *limits) {
    *(almanac_limits **)lua_getextraspace(L) = limits;
}

static inline double almanac_monotonic_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/// The allocator. Past the cap it fails (Lua then raises "not enough memory")
/// only while Lua code runs; while Swift code runs a failure would longjmp
/// across Swift frames, so it records the overrun and the trampoline raises
/// once the Swift function has returned.
static inline void *almanac_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
    almanac_limits *lim = (almanac_limits *)ud;
    size_t old = ptr ? osize : 0;
    if (nsize == 0) {
        free(ptr);
        lim->used -= old;
        return NULL;
    }
    if (lim->limit != 0 && nsize > old && lim->used - old + nsize > lim->limit) {
        if (lim->native_depth == 0) return NULL;
        lim->over_in_native = 1;
    }
    void *p = realloc(ptr, nsize);
    if (p == NULL) return NULL;
    lim->used = lim->used - old + nsize;
    if (lim->used > lim->peak) lim->peak = lim->used;
    return p;
}

static inline lua_State *almanac_newstate(almanac_limits *limits) {
    lua_State *L = lua_newstate(almanac_alloc, limits);
    if (L != NULL) almanac_set_limits(L, limits);
    return L;
}

/// Count hook: the time budget and interrupts. Once it fires it re-arms itself
/// to run on every instruction, so a script's own pcall cannot swallow the stop.
/// Marks the state stopped once the time limit has passed (1) or an interrupt
/// came (2), and says which; the hook and long native work (network training) share it.
static inline int almanac_check_stop(almanac_limits *lim) {
    if (!lim->killed) {
        if (lim->interrupt) lim->killed = 2;
        else if (lim->deadline > 0 && almanac_monotonic_seconds() > lim->deadline) lim->killed = 1;
    }
    return lim->killed;
}

static inline void almanac_hook(lua_State *L, lua_Debug *ar) {
    (void)ar;
    almanac_limits *lim = almanac_limits_of(L);
    if (almanac_check_stop(lim)) {
        lua_sethook(L, almanac_hook, LUA_MASKCOUNT, 1);
        if (lim->killed == 2) luaL_error(L, "interrupted");
        luaL_error(L, "script stopped: it ran longer than its time limit of %f s (--timeout)",
                   lim->timeout_seconds);
    }
}

static inline void almanac_install_hook(lua_State *L, int every) {
    lua_sethook(L, almanac_hook, LUA_MASKCOUNT, every);
}

/// Every native (Swift) function is this C function with the Swift callable
/// as upvalue 1; errors the Swift side reports are raised here, in C.
static inline int almanac_trampoline(lua_State *L) {
    almanac_limits *lim = almanac_limits_of(L);
    lim->native_depth++;
    int n = almanac_swift_dispatch(L);
    lim->native_depth--;
    if (n == ALMANAC_RAISE_WITH_WHERE) {
        luaL_where(L, 1);
        lua_insert(L, -2);
        lua_concat(L, 2);
        return lua_error(L);
    }
    if (n == ALMANAC_RAISE) return lua_error(L);
    // A long native loop that saw the stop (Interruption in Swift) returned
    // early with an unfinished result: raise the stop before the script sees it.
    if (lim->killed && lim->native_depth == 0) {
        lua_sethook(L, almanac_hook, LUA_MASKCOUNT, 1);
        if (lim->killed == 2) return luaL_error(L, "interrupted");
        return luaL_error(L, "script stopped: it ran longer than its time limit of %f s (--timeout)",
                          lim->timeout_seconds);
    }
    if (lim->over_in_native && lim->native_depth == 0) {
        lim->over_in_native = 0;
        return luaL_error(L, "not enough memory: over the memory limit of %d MB (--max-memory)",
                          (int)(lim->limit / (1024 * 1024)));
    }
    return n;
}

/// lua_pcall made from Swift: Lua code inside it may fail allocations and
/// raise normally, because the nearest setjmp is then inside this pcall.
static inline int almanac_pcall(lua_State *L, int nargs, int nresults, int msgh) {
    almanac_limits *lim = almanac_limits_of(L);
    int depth = lim->native_depth;
    lim->native_depth = 0;
    int status = lua_pcall(L, nargs, nresults, msgh);
    lim->native_depth = depth;
    return status;
}

// ---------------------------------------------------------------------------
// Finalizers under the limits. Lua runs __gc with hooks off, so a finalizer
// that loops would never meet the time limit, and one that runs while a Swift
// function is active would allocate past the memory cap. Every __gc a script
// sets (through setmetatable) is wrapped so that it runs in a fresh coroutine:
// coroutines inherit the count hook and have hooks on, and the memory cap is
// enforced inside it as for any Lua code. Its errors end the finalizer only,
// as Lua's own finalizer errors do.

static inline int almanac_run_finalizer(lua_State *L) {
    almanac_limits *lim = almanac_limits_of(L);
    if (lim->killed) return 0;  // the script is stopping: finalizers do not run
    lua_State *co = lua_newthread(L);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_pushvalue(L, 1);
    lua_xmove(L, co, 2);
    int depth = lim->native_depth;
    lim->native_depth = 0;
    int nres = 0;
    (void)lua_resume(co, L, 1, &nres);
    lim->native_depth = depth;
    return 0;
}

/// setmetatable(t, mt) with mt.__gc wrapped (upvalue 1: the original
/// setmetatable; upvalue 2: a weak-keyed set of the wrappers already made).
static inline int almanac_setmetatable(lua_State *L) {
    lua_settop(L, 2);
    if (lua_type(L, 2) == LUA_TTABLE) {
        lua_pushliteral(L, "__gc");
        if (lua_rawget(L, 2) != LUA_TNIL) {
            lua_pushvalue(L, -1);
            if (lua_rawget(L, lua_upvalueindex(2)) == LUA_TNIL) {
                lua_pop(L, 1);
                lua_pushcclosure(L, almanac_run_finalizer, 1);
                lua_pushvalue(L, -1);
                lua_pushboolean(L, 1);
                lua_rawset(L, lua_upvalueindex(2));
                lua_pushliteral(L, "__gc");
                lua_insert(L, -2);
                lua_rawset(L, 2);
            } else {
                lua_pop(L, 2);
            }
        } else {
            lua_pop(L, 1);
        }
    }
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, 2, 1);
    return 1;
}

/// Replaces the global setmetatable with `almanac_setmetatable`; call under pcall.
static inline int almanac_install_finalizer_guard(lua_State *L) {
    lua_getglobal(L, "setmetatable");
    lua_newtable(L);
    lua_newtable(L);
    lua_pushliteral(L, "k");
    lua_setfield(L, -2, "__mode");
    lua_setmetatable(L, -2);
    lua_pushcclosure(L, almanac_setmetatable, 2);
    lua_setglobal(L, "setmetatable");
    return 0;
}

/// Runs `almanac_install_finalizer_guard` under pcall (it allocates); 0 on success.
static inline int almanac_guard_finalizers(lua_State *L) {
    lua_pushcfunction(L, almanac_install_finalizer_guard);
    return lua_pcall(L, 0, 0, 0);
}

/// Message handler: a string error gets a traceback; other values are kept.
static inline int almanac_traceback(lua_State *L) {
    const char *msg = lua_tostring(L, 1);
    if (msg == NULL) {
        if (luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING) {
            msg = lua_tostring(L, -1);
        } else {
            msg = lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
        }
    }
    luaL_traceback(L, L, msg, 1);
    return 1;
}

// ---------------------------------------------------------------------------
// The C API's function-like macros, as functions Swift can call.

static inline const char *almanac_lua_release(void) { return LUA_RELEASE; }
static inline int almanac_registryindex(void) { return LUA_REGISTRYINDEX; }
static inline int almanac_upvalueindex(int i) { return lua_upvalueindex(i); }
static inline void almanac_pop(lua_State *L, int n) { lua_pop(L, n); }
static inline void almanac_newtable(lua_State *L) { lua_newtable(L); }
static inline void almanac_insert(lua_State *L, int idx) { lua_insert(L, idx); }
static inline void almanac_remove(lua_State *L, int idx) { lua_remove(L, idx); }
static inline void almanac_replace(lua_State *L, int idx) { lua_replace(L, idx); }
static inline const char *almanac_tolstring(lua_State *L, int idx, size_t *len) {
    return lua_tolstring(L, idx, len);
}
static inline lua_Number almanac_tonumberx(lua_State *L, int idx, int *isnum) {
    return lua_tonumberx(L, idx, isnum);
}
static inline void *almanac_newuserdata(lua_State *L, size_t size) {
    return lua_newuserdatauv(L, size, 0);
}
static inline void almanac_pushcfunction(lua_State *L, lua_CFunction f) { lua_pushcfunction(L, f); }
static inline void almanac_push_trampoline(lua_State *L, int upvalues) {
    lua_pushcclosure(L, almanac_trampoline, upvalues);
}
static inline void almanac_push_traceback(lua_State *L) { lua_pushcfunction(L, almanac_traceback); }
static inline int almanac_rawgetglobals(lua_State *L) {
    return lua_rawgeti(L, LUA_REGISTRYINDEX, LUA_RIDX_GLOBALS);
}
static inline const char *almanac_typename(lua_State *L, int idx) { return luaL_typename(L, idx); }
static inline int almanac_isnoneornil(lua_State *L, int idx) { return lua_isnoneornil(L, idx); }
static inline int almanac_loadbufferx(lua_State *L, const char *buf, size_t len, const char *name,
                                      const char *mode) {
    return luaL_loadbufferx(L, buf, len, name, mode);
}

#endif
