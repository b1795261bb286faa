import CLua

/// Tracks whether a state is still open, so references that outlive it do not touch it.
final class StateLifetime: @unchecked Sendable {
    var isOpen = true
    let mainThread: LuaStatePointer
    init(mainThread: LuaStatePointer) { self.mainThread = mainThread }
}

/// A Lua value held in the registry so Swift can keep it (a function, a table,
/// an error value). Released when the Swift object goes away.
///
/// Unchecked Sendable: it travels inside LuaError (errors are Sendable), but a
/// Lua state is confined to one thread, and so is every reference into it.
public final class LuaReference: @unchecked Sendable {
    let ref: Int32
    let lifetime: StateLifetime

    /// Pops the top value of `L` into the registry.
    public init(popping L: LuaStatePointer) {
        lifetime = LuaStack(L).lifetime
        ref = luaL_ref(L, almanac_registryindex())
    }

    deinit {
        if lifetime.isOpen { luaL_unref(lifetime.mainThread, almanac_registryindex(), ref) }
    }

    /// Pushes the referenced value onto `L` (any thread of the same state).
    public func push(_ L: LuaStatePointer) {
        lua_rawgeti(L, almanac_registryindex(), lua_Integer(ref))
    }
}

extension LuaStack {
    /// The owning LuaState's lifetime token (through the limits block every thread shares).
    var lifetime: StateLifetime {
        let owner = almanac_limits_of(L).pointee.owner!
        return Unmanaged<LuaState>.fromOpaque(owner).takeUnretainedValue().lifetime
    }

    /// Calls `function` with `arguments` under pcall, from Swift code that Lua called.
    /// A Lua error comes back as a LuaError that keeps the original error value,
    /// so re-raising it through the trampoline gives Lua the same value.
    public func call(_ function: LuaReference, _ arguments: [LuaValue], results: Int32, caller: String) throws(LuaError)
    {
        guard lua_checkstack(L, Int32(arguments.count) + 2) != 0 else {
            throw LuaError(kind: .runtime, message: "\(caller): Lua stack overflow")
        }
        function.push(L)
        for argument in arguments { push(argument) }
        try protectedCall(nargs: Int32(arguments.count), results: results, caller: caller)
    }

    /// Calls the function below `nargs` pushed arguments under pcall (no traceback:
    /// the outermost handler adds one). See `call(_:_:results:caller:)`.
    public func protectedCall(nargs: Int32, results: Int32, caller: String) throws(LuaError) {
        let status = almanac_pcall(L, nargs, results, 0)
        guard status != LUA_OK else { return }
        let killed = almanac_limits_of(L).pointee.killed
        var message = string(at: -1) ?? "(error object is a \(String(cString: almanac_typename(L, -1))) value)"
        if message.hasSuffix("attempt to yield across a C-call boundary") {
            lua_settop(L, -2)
            message =
                "\(caller): cannot yield here: Almanac's native functions run to completion, "
                + "so coroutine.yield cannot be called from code that \(caller) calls"
            throw LuaError(kind: .runtime, message: message)
        }
        let kind: LuaError.Kind =
            killed == 1
            ? .timeLimit
            : killed == 2
                ? .interrupted
                : status == LUA_ERRMEM ? .memory : .runtime
        throw LuaError(kind: kind, message: message, value: LuaReference(popping: L))
    }
}

extension LuaStack {
    /// Calls `function` with a copy of the value at `index` (unconverted: a
    /// userdata stays itself) and returns its string result; the stack is left as it was.
    public func calling(_ function: LuaReference, withCopyOf index: Int32) throws(LuaError) -> String? {
        let absolute = lua_absindex(L, index)
        function.push(L)
        lua_pushvalue(L, absolute)
        try protectedCall(nargs: 1, results: 1, caller: "")
        defer { lua_settop(L, -2) }
        return string(at: -1)
    }
}
