import CLua

/// A Lua value as Swift sees it. Tables cross as arrays (keys 1...n) or records
/// (string keys); functions and Swift objects cross by reference.
public enum LuaValue {
    case `nil`
    case boolean(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([LuaValue])
    case record([String: LuaValue])
    case function(LuaReference)
    case object(AnyObject)

    /// The value as a Double when it is a number of either subtype.
    public var doubleValue: Double? {
        switch self {
        case .number(let d): return d
        case .integer(let i): return Double(i)
        default: return nil
        }
    }

    /// Lua's name for the value's type, as in error messages ("number", "table", ...).
    public var typeName: String {
        switch self {
        case .nil: return "nil"
        case .boolean: return "boolean"
        case .integer, .number: return "number"
        case .string: return "string"
        case .array, .record: return "table"
        case .function: return "function"
        case .object: return "userdata"
        }
    }
}

extension LuaValue: Equatable {
    public static func == (a: LuaValue, b: LuaValue) -> Bool {
        switch (a, b) {
        case (.nil, .nil): return true
        case let (.boolean(x), .boolean(y)): return x == y
        case let (.integer(x), .integer(y)): return x == y
        case let (.number(x), .number(y)): return x == y
        case let (.integer(x), .number(y)), let (.number(y), .integer(x)): return Double(x) == y
        case let (.string(x), .string(y)): return x == y
        case let (.array(x), .array(y)): return x == y
        case let (.record(x), .record(y)): return x == y
        case let (.function(x), .function(y)): return x === y
        case let (.object(x), .object(y)): return x === y
        default: return false
        }
    }
}

extension LuaValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral
{
    public init(nilLiteral: ()) { self = .nil }
    public init(booleanLiteral value: Bool) { self = .boolean(value) }
    public init(integerLiteral value: Int64) { self = .integer(value) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: LuaValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, LuaValue)...) {
        self = .record(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}

// MARK: - Moving values across the stack

/// Stack operations shared by the state and by native calls (which may run on
/// a coroutine's thread). Only raw table access is used: no metamethod can run,
/// and so no Lua error can be raised, while a Swift frame is on the C stack.
public struct LuaStack {
    public let L: LuaStatePointer
    public init(_ L: LuaStatePointer) { self.L = L }

    public func push(_ value: LuaValue) {
        switch value {
        case .nil: lua_pushnil(L)
        case .boolean(let b): lua_pushboolean(L, b ? 1 : 0)
        case .integer(let i): lua_pushinteger(L, i)
        case .number(let d): lua_pushnumber(L, d)
        case .string(let s): push(string: s)
        case .array(let items):
            lua_createtable(L, Int32(clamping: items.count), 0)
            for (i, item) in items.enumerated() {
                push(item)
                lua_rawseti(L, -2, lua_Integer(i + 1))
            }
        case .record(let fields):
            lua_createtable(L, 0, Int32(clamping: fields.count))
            for (key, item) in fields {
                push(string: key)
                push(item)
                lua_rawset(L, -3)
            }
        case .function(let reference): reference.push(L)
        case .object(let object): pushObject(object)
        }
    }

    public func push(string: String) {
        var s = string
        s.withUTF8 { bytes in
            _ = bytes.withMemoryRebound(to: CChar.self) { chars in
                lua_pushlstring(L, chars.baseAddress, chars.count)
            }
        }
    }

    public func push(numbers: [Double]) {
        lua_createtable(L, Int32(clamping: numbers.count), 0)
        for (i, x) in numbers.enumerated() {
            lua_pushnumber(L, x)
            lua_rawseti(L, -2, lua_Integer(i + 1))
        }
    }

    func pushObject(_ object: AnyObject) {
        guard let userdataObject = object as? any LuaUserdata else {
            lua_pushnil(L)
            return
        }
        pushUserdata(userdataObject)
    }

    /// The string at `index` without converting numbers in place (nil if not a string).
    public func string(at index: Int32) -> String? {
        guard lua_type(L, index) == LUA_TSTRING else { return nil }
        var length = 0
        guard let chars = almanac_tolstring(L, index, &length) else { return nil }
        return String(decoding: UnsafeRawBufferPointer(start: chars, count: length), as: UTF8.self)
    }

    /// How many times one conversion may reach a table it has already copied.
    /// A table that holds one subtable twice per level reaches 2⁴⁰ copies
    /// through 40 levels of 2 tables each, so depth alone does not bound the
    /// work (and the time limit cannot stop Swift code); data that shares no
    /// subtable never comes near this.
    public static let largestSharing = 100_000

    /// Reads the value at `index`. Tables must be arrays or records, nested at
    /// most 64 deep, reaching shared subtables at most `largestSharing` times.
    public func value(at index: Int32, depth: Int = 0) throws(ScriptError) -> LuaValue {
        var sharing = Sharing()
        return try value(at: index, depth: depth, sharing: &sharing)
    }

    /// The tables one conversion has copied, and how often it met one again.
    /// The pointers (lua_topointer) are identities only, never dereferenced;
    /// the tables stay alive on the stack or in their parents while converting.
    private struct Sharing {
        var seen = Set<UnsafeRawPointer>()
        var repeats = 0
    }

    private func value(at index: Int32, depth: Int, sharing: inout Sharing) throws(ScriptError) -> LuaValue {
        let index = lua_absindex(L, index)
        switch lua_type(L, index) {
        case LUA_TNIL, LUA_TNONE: return .nil
        case LUA_TBOOLEAN: return .boolean(lua_toboolean(L, index) != 0)
        case LUA_TNUMBER:
            if lua_isinteger(L, index) != 0 { return .integer(lua_tointegerx(L, index, nil)) }
            return .number(lua_tonumberx(L, index, nil))
        case LUA_TSTRING: return .string(string(at: index) ?? "")
        case LUA_TTABLE:
            if let pointer = lua_topointer(L, index), !sharing.seen.insert(pointer).inserted {
                sharing.repeats += 1
                guard sharing.repeats <= Self.largestSharing else {
                    throw ScriptError(
                        "a table reaches the same subtables more than \(Self.largestSharing) times; each would be copied"
                    )
                }
            }
            return try table(at: index, depth: depth, sharing: &sharing)
        case LUA_TFUNCTION:
            lua_pushvalue(L, index)
            return .function(LuaReference(popping: L))
        case LUA_TUSERDATA:
            if let object = userdataObject(at: index) { return .object(object) }
            throw ScriptError("a userdata that Almanac did not create cannot be passed here")
        default:
            throw ScriptError("a \(String(cString: almanac_typename(L, index))) cannot be passed here")
        }
    }

    private func table(at index: Int32, depth: Int, sharing: inout Sharing) throws(ScriptError) -> LuaValue {
        guard depth < 64 else { throw ScriptError("tables nested more than 64 deep (is there a cycle?)") }
        guard lua_checkstack(L, 4) != 0 else { throw ScriptError("Lua stack overflow") }
        let length = Int(lua_rawlen(L, index))
        var items: [LuaValue] = []
        items.reserveCapacity(length)
        var fields: [String: LuaValue] = [:]
        var count = 0
        var largestIndex: lua_Integer = 0
        lua_pushnil(L)
        while lua_next(L, index) != 0 {
            count += 1
            let keyType = lua_type(L, -2)
            if keyType == LUA_TSTRING {
                let key = string(at: -2) ?? ""
                do { fields[key] = try value(at: -1, depth: depth + 1, sharing: &sharing) } catch {
                    lua_settop(L, -3)
                    throw ScriptError("field '\(key)': \(error.message)")
                }
            } else if keyType == LUA_TNUMBER, lua_isinteger(L, -2) != 0 {
                let key = lua_tointegerx(L, -2, nil)
                if key < 1 { largestIndex = .max } else { largestIndex = max(largestIndex, key) }
            } else {
                lua_settop(L, -3)
                throw ScriptError(
                    "a table key must be a string or an integer, got \(String(cString: almanac_typename(L, -2)))")
            }
            lua_settop(L, -2)
        }
        if !fields.isEmpty {
            if count != fields.count {
                throw ScriptError("a table mixes array items and named fields; use one or the other")
            }
            return .record(fields)
        }
        guard count == length, largestIndex == lua_Integer(length) else {
            throw ScriptError("an array has holes or keys other than 1...\(length)")
        }
        for i in 1...max(1, length) where length > 0 {
            lua_rawgeti(L, index, lua_Integer(i))
            do { items.append(try value(at: -1, depth: depth + 1, sharing: &sharing)) } catch {
                lua_settop(L, -2)
                throw ScriptError("item \(i): \(error.message)")
            }
            lua_settop(L, -2)
        }
        return .array(items)
    }
}

extension LuaState {
    public var stack: LuaStack { LuaStack(L) }
    public func push(_ value: LuaValue) { stack.push(value) }
    public func value(at index: Int32) throws(ScriptError) -> LuaValue { try stack.value(at: index) }
}
