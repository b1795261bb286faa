import CLua
import Foundation

/// The raw Lua state pointer (`lua_State *`).
public typealias LuaStatePointer = OpaquePointer

/// One Lua 5.4 interpreter: its state, its limits, and the native functions and
/// userdata types registered on it. A class because the Lua state has identity
/// and Swift objects handed to Lua keep it alive.
public final class LuaState {
    public let L: LuaStatePointer
    let limits: UnsafeMutablePointer<almanac_limits>
    let lifetime: StateLifetime
    /// Rewrites the text of every error a native function raises (a `ScriptError`
    /// or any other Swift error, not an error that came from Lua code) just before
    /// Lua sees it. The host uses it to say a domain message's plain advice in
    /// Lua's words; LuaBridge itself knows no such words. nil keeps messages as they are.
    public var errorWording: ((String) -> String)?

    /// Creates a state with the standard libraries open.
    public init() throws(LuaError) {
        limits = UnsafeMutablePointer<almanac_limits>.allocate(capacity: 1)
        limits.initialize(to: almanac_limits())
        guard let state = almanac_newstate(limits) else {
            limits.deallocate()
            throw LuaError(kind: .memory, message: "could not create a Lua state")
        }
        L = state
        lifetime = StateLifetime(mainThread: state)
        limits.pointee.owner = Unmanaged.passUnretained(self).toOpaque()
        lua_atpanic(L, luaPanic)
        luaL_openlibs(L)
        // Finalizers a script sets run under the time limit and memory cap (shim.h).
        // (Every stored property is set: deinit closes the state if this throws.)
        guard almanac_guard_finalizers(L) == LUA_OK else {
            throw LuaError(kind: .memory, message: "could not set up the Lua state's finalizer guard")
        }
        registerClosureBoxMetatable()
    }

    deinit {
        lifetime.isOpen = false  // references released during lua_close must not touch the registry
        lua_close(L)
        limits.deinitialize(count: 1)
        limits.deallocate()
    }

    /// Bytes Lua holds now, and the most it held at once.
    /// "Lua 5.4.6": the release this binary links.
    public var luaRelease: String { String(cString: almanac_lua_release()) }

    /// How many values are on the main thread's stack (0 between calls).
    public var stackTop: Int32 { lua_gettop(L) }

    public var memoryInUse: Int { Int(limits.pointee.used) }
    public var peakMemory: Int { Int(limits.pointee.peak) }

    // MARK: Limits

    /// Caps the memory Lua may hold, in bytes (nil: no cap). Past the cap, Lua
    /// code fails with "not enough memory"; a Swift function that passes it
    /// finishes and the error is raised when it returns.
    public func setMemoryLimit(bytes: Int?) {
        limits.pointee.limit = bytes.map { size_t(max(0, $0)) } ?? 0
    }

    /// Stops the script once it has run `seconds` of wall time from now.
    public func setTimeLimit(seconds: Double?) {
        if let seconds {
            limits.pointee.deadline = almanac_monotonic_seconds() + seconds
            limits.pointee.timeout_seconds = seconds
        } else {
            limits.pointee.deadline = 0
        }
        installHook()
    }

    /// Arms the count hook that checks the time limit and interrupts. It runs
    /// every few thousand instructions, which costs well under 1%.
    public func installHook() {
        almanac_install_hook(L, 4096)
    }

    /// Asks running Lua code to stop with "interrupted" (safe from a signal handler).
    public var interruptFlag: UnsafeMutablePointer<Int32> {
        UnsafeMutableRawPointer(limits).advanced(by: MemoryLayout<almanac_limits>.offset(of: \.interrupt)!)
            .assumingMemoryBound(to: Int32.self)
    }

    /// Clears a stop (time limit or interrupt) so the state can run again, as the REPL does.
    public func clearStop() {
        limits.pointee.killed = 0
        limits.pointee.interrupt = 0
        if limits.pointee.deadline > 0 {
            limits.pointee.deadline = almanac_monotonic_seconds() + limits.pointee.timeout_seconds
        }
        installHook()
    }

    // MARK: Loading and running code

    /// Compiles `source` and leaves the chunk on the stack. `binary: false` refuses precompiled chunks.
    public func load(_ source: String, chunkName: String, allowBinary: Bool = false) throws(LuaError) {
        let status = source.utf8CString.withUnsafeBufferPointer { buffer in
            almanac_loadbufferx(L, buffer.baseAddress, buffer.count - 1, chunkName, allowBinary ? "bt" : "t")
        }
        if status != LUA_OK {
            let message = popString()
            throw LuaError(kind: status == LUA_ERRMEM ? .memory : .syntax, message: message)
        }
    }

    /// Calls the function below `nargs` arguments under pcall with a traceback.
    /// `nresults` of LUA_MULTRET keeps every result on the stack.
    public func call(nargs: Int32, nresults: Int32) throws(LuaError) {
        let base = lua_gettop(L) - nargs
        almanac_push_traceback(L)
        lua_rotate(L, base, 1)  // the handler goes below the function
        let status = almanac_pcall(L, nargs, nresults, base)
        almanac_remove(L, base)
        if status != LUA_OK { throw popError(status: status, withTraceback: true) }
    }

    /// Runs `source` as a chunk named `chunkName` with `arguments` as `...`.
    @discardableResult
    public func run(_ source: String, chunkName: String, arguments: [LuaValue] = []) throws(LuaError) -> [LuaValue] {
        let top = lua_gettop(L)
        try load(source, chunkName: chunkName)
        for argument in arguments { push(argument) }
        try call(nargs: Int32(arguments.count), nresults: LUA_MULTRET)
        var results: [LuaValue] = []
        let n = lua_gettop(L) - top
        for i in 0..<n { results.append((try? value(at: top + 1 + i)) ?? .nil) }
        lua_settop(L, top)
        return results
    }

    // MARK: Errors

    /// Turns the error value on top into a LuaError, popping it.
    func popError(status: Int32, withTraceback: Bool) -> LuaError {
        let killed = limits.pointee.killed
        var kind: LuaError.Kind
        switch status {
        case LUA_ERRMEM: kind = .memory
        case LUA_ERRERR: kind = .handler
        case LUA_ERRSYNTAX: kind = .syntax
        default: kind = .runtime
        }
        if killed == 1 { kind = .timeLimit } else if killed == 2 { kind = .interrupted }
        var text = lua_type(L, -1) == LUA_TSTRING ? String(cString: lua_tolstring(L, -1, nil)) : ""
        if lua_type(L, -1) != LUA_TSTRING {
            text = "(error object is a \(String(cString: almanac_typename(L, -1))) value)"
        }
        lua_settop(L, -2)
        var message = text
        var traceback: String?
        if withTraceback, let range = text.range(of: "\nstack traceback:") {
            message = String(text[..<range.lowerBound])
            traceback = String(text[text.index(after: range.lowerBound)...])
        }
        if kind == .memory && limits.pointee.limit != 0 && !message.contains("--max-memory") {
            message =
                "not enough memory: over the memory limit of \(limits.pointee.limit / (1024 * 1024)) MB (--max-memory)"
        }
        return LuaError(kind: kind, message: message, traceback: traceback)
    }

    func popString() -> String {
        var length = 0
        let text: String
        if let chars = almanac_tolstring(L, -1, &length) {
            text = String(decoding: UnsafeRawBufferPointer(start: chars, count: length), as: UTF8.self)
        } else {
            text = "(error object is a \(String(cString: almanac_typename(L, -1))) value)"
        }
        lua_settop(L, -2)
        return text
    }

    // MARK: Globals

    /// Sets a global without invoking metamethods on the globals table.
    public func setGlobal(_ name: String, _ value: LuaValue) {
        almanac_rawgetglobals(L)
        lua_pushstring(L, name)
        push(value)
        lua_rawset(L, -3)
        lua_settop(L, -2)
    }

    /// Sets global `name` to the value on top of the stack, popping it.
    public func setGlobalFromTop(_ name: String) {
        almanac_rawgetglobals(L)
        lua_rotate(L, -2, 1)
        lua_pushstring(L, name)
        lua_rotate(L, -2, 1)
        lua_rawset(L, -3)
        lua_settop(L, -2)
    }

    /// Reads a global without invoking metamethods.
    public func global(_ name: String) throws(ScriptError) -> LuaValue {
        almanac_rawgetglobals(L)
        lua_pushstring(L, name)
        lua_rawget(L, -2)
        defer { lua_settop(L, -3) }
        return try value(at: -1)
    }
}

/// Called by Lua only for an error outside any pcall: a host bug, never user input.
private let luaPanic: lua_CFunction = { L in
    let message = lua_type(L, -1) == LUA_TSTRING ? String(cString: lua_tolstring(L, -1, nil)) : "unknown"
    FileHandle.standardError.write(Data("almanac: internal error: unprotected Lua error: \(message)\n".utf8))
    return 0
}

extension LuaState {
    /// `nresults` meaning "every result the chunk returns".
    public static let allResults = LUA_MULTRET

    /// Drops everything above stack index `top` (a count of values to keep).
    public func restoreTop(_ top: Int32) { lua_settop(L, top) }

    /// Runs `source` with an environment of its own whose reads fall through to
    /// the globals, so the globals a plugin file sets stay its own. The stack is
    /// left as it was, also on error.
    public func runInOwnEnvironment(_ source: String, chunkName: String) throws(LuaError) {
        let top = lua_gettop(L)
        do {
            try load(source, chunkName: chunkName)
            lua_createtable(L, 0, 0)  // the chunk's _ENV
            lua_createtable(L, 0, 1)  // its metatable: __index = the real globals
            almanac_rawgetglobals(L)
            lua_setfield(L, -2, "__index")
            lua_setmetatable(L, -2)
            lua_setupvalue(L, -2, 1)
            try call(nargs: 0, nresults: 0)
        } catch {
            lua_settop(L, top)
            throw error
        }
    }
}
