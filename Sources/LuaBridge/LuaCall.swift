import CLua

/// One call of a native function: typed access to its arguments and a place
/// to push its results. Argument errors name the argument and what was wrong:
/// `argument 2 'lo' must be a number, got a string`.
public struct LuaCall {
    public let L: LuaStatePointer
    /// The running function; Lua's closure keeps it alive for the whole call.
    unowned(unsafe) let function: NativeFunctionBox

    /// The function's qualified name ("optimize.scalar"); errors are prefixed with it.
    public var name: String { function.name }

    public var stack: LuaStack { LuaStack(L) }
    /// How many arguments were passed.
    public var argumentCount: Int32 { lua_gettop(L) }

    public func typeName(_ index: Int32) -> String {
        let t = lua_type(L, index)
        if t == LUA_TUSERDATA, let object = stack.userdataObject(at: index) {
            return type(of: object).luaClassName
        }
        return String(cString: lua_typename(L, t))
    }

    public func isNil(_ index: Int32) -> Bool { almanac_isnoneornil(L, index) != 0 }

    /// The stack index of this function's k-th own upvalue (k = 1...n, see pushFunction).
    public static func upvalueIndex(_ k: Int32) -> Int32 { almanac_upvalueindex(k + 2) }

    @usableFromInline
    func mismatch(_ index: Int32, _ parameter: String, _ expected: String) -> ScriptError {
        let got = isNil(index) ? "nothing" : "a \(typeName(index))"
        return ScriptError("argument \(index) '\(parameter)' must be \(expected), got \(got)")
    }

    /// A number; like luaL_checknumber, a string that reads as a number ("3") counts.
    /// Inlinable: it sits on the hot path of every native call.
    @inlinable
    public func number(_ index: Int32, _ parameter: StaticString) throws(ScriptError) -> Double {
        var isNumber: Int32 = 0
        let x = lua_tonumberx(L, index, &isNumber)
        guard isNumber != 0 else { throw mismatch(index, "\(parameter)", "a number") }
        return x
    }

    public func number(_ index: Int32, _ parameter: String) throws(ScriptError) -> Double {
        var isNumber: Int32 = 0
        let x = lua_tonumberx(L, index, &isNumber)
        guard isNumber != 0 else { throw mismatch(index, parameter, "a number") }
        return x
    }

    /// A number that is neither NaN nor infinite.
    public func finiteNumber(_ index: Int32, _ parameter: String) throws(ScriptError) -> Double {
        let x = try number(index, parameter)
        guard x.isFinite else {
            throw ScriptError("argument \(index) '\(parameter)' must be a finite number, got \(x)")
        }
        return x
    }

    /// A whole number; 3.0 counts, 2.5 does not.
    public func integer(_ index: Int32, _ parameter: String) throws(ScriptError) -> Int {
        guard lua_type(L, index) == LUA_TNUMBER else { throw mismatch(index, parameter, "a whole number") }
        if lua_isinteger(L, index) != 0 { return Int(lua_tointegerx(L, index, nil)) }
        let x = lua_tonumberx(L, index, nil)
        guard x.rounded() == x, let i = Int(exactly: x) else {
            throw ScriptError("argument \(index) '\(parameter)' must be a whole number, got \(x)")
        }
        return i
    }

    public func string(_ index: Int32, _ parameter: String) throws(ScriptError) -> String {
        guard let s = stack.string(at: index) else { throw mismatch(index, parameter, "a string") }
        return s
    }

    public func boolean(_ index: Int32, _ parameter: String) throws(ScriptError) -> Bool {
        guard lua_type(L, index) == LUA_TBOOLEAN else { throw mismatch(index, parameter, "true or false") }
        return lua_toboolean(L, index) != 0
    }

    /// Checks that argument `index` is a table (read it with `value` or `record`).
    public func requireTable(_ index: Int32, _ parameter: String) throws(ScriptError) {
        guard lua_type(L, index) == LUA_TTABLE else { throw mismatch(index, parameter, "a table") }
    }

    public func requireFunction(_ index: Int32, _ parameter: String) throws(ScriptError) -> LuaReference {
        guard lua_type(L, index) == LUA_TFUNCTION else { throw mismatch(index, parameter, "a function") }
        lua_pushvalue(L, index)
        return LuaReference(popping: L)
    }

    /// An array of numbers (a Lua table 1...n of numbers).
    public func numbers(_ index: Int32, _ parameter: String) throws(ScriptError) -> [Double] {
        guard lua_type(L, index) == LUA_TTABLE else { throw mismatch(index, parameter, "an array of numbers") }
        let n = Int(lua_rawlen(L, index))
        var result = [Double](repeating: 0, count: n)
        for i in 0..<n {
            lua_rawgeti(L, index, lua_Integer(i + 1))
            defer { lua_settop(L, -2) }
            guard lua_type(L, -1) == LUA_TNUMBER else {
                throw ScriptError(
                    "argument \(index) '\(parameter)': item \(i + 1) must be a number, got a \(typeName(-1))")
            }
            result[i] = lua_tonumberx(L, -1, nil)
        }
        return result
    }

    /// Any value (tables as arrays or records).
    public func value(_ index: Int32, _ parameter: String) throws(ScriptError) -> LuaValue {
        do { return try stack.value(at: index) } catch {
            throw ScriptError("argument \(index) '\(parameter)': \(error.message)")
        }
    }

    /// A record (a table with string keys); nil or absent gives an empty record.
    public func record(_ index: Int32, _ parameter: String) throws(ScriptError) -> [String: LuaValue] {
        if isNil(index) { return [:] }
        guard lua_type(L, index) == LUA_TTABLE else { throw mismatch(index, parameter, "a table of named options") }
        switch try value(index, parameter) {
        case .record(let fields): return fields
        case .array(let items) where items.isEmpty: return [:]
        default:
            throw ScriptError("argument \(index) '\(parameter)' must be a table of named options like { name = value }")
        }
    }

    /// A Swift object of type T that was handed to Lua as userdata.
    public func object<T: LuaUserdata>(_ index: Int32, _ parameter: String, as type: T.Type = T.self)
        throws(ScriptError) -> T
    {
        guard let object = stack.userdataObject(at: index) as? T else {
            throw mismatch(index, parameter, "a \(T.luaClassName)")
        }
        return object
    }

    /// The Lua file and line that made this call ("plugins/x.lua", 12), when Lua code made it.
    public func callerLocation() -> (file: String, line: Int)? {
        var ar = lua_Debug()
        guard lua_getstack(L, 1, &ar) != 0, lua_getinfo(L, "Sl", &ar) != 0 else { return nil }
        // Bounds: the bytes are the fixed-size short_src array inside `ar` (LUA_IDSIZE); Lua NUL-terminates
        // it, and prefix(while:) stops at that NUL or at the array's end, never past it.
        let file = withUnsafeBytes(of: ar.short_src) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        return (file, Int(ar.currentline))
    }

    // MARK: Results

    /// Pushes `value` and returns 1, for `return call.returning(x)`. The
    /// single-value forms allocate nothing, which keeps native calls cheap.
    @inline(__always)
    public func returning(_ value: LuaValue) -> Int32 {
        stack.push(value)
        return 1
    }

    @inlinable
    public func returning(_ value: Double) -> Int32 {
        lua_pushnumber(L, value)
        return 1
    }

    /// Pushes `values` and returns their count, for `return call.returning(a, b)`.
    public func returning(_ values: LuaValue...) -> Int32 {
        for v in values { stack.push(v) }
        return Int32(values.count)
    }

    public func returning(_ values: [LuaValue]) -> Int32 {
        for v in values { stack.push(v) }
        return Int32(values.count)
    }

    /// Calls a Lua function from this native function (see LuaStack.call).
    public func call(_ function: LuaReference, _ arguments: [LuaValue], results: Int32) throws(LuaError) {
        try stack.call(function, arguments, results: results, caller: name)
    }
}
