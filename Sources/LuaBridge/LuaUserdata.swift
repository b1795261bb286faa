import CLua
import Suggestions

/// A Swift class whose instances Lua holds as userdata. Lua keeps the object
/// alive until it collects the userdata; the metatable is built once per state,
/// the first time an instance is pushed, from `luaClass()`.
public protocol LuaUserdata: AnyObject {
    /// The name users see in messages and `tostring` ("Cost", "Series").
    static var luaClassName: String { get }
    /// The metatable, declared as data.
    static func luaClass() -> LuaClass<Self>
}

/// A method of a userdata type, with the text the reference docs show.
public struct LuaMethod<T: AnyObject> {
    public let name: String
    public let signature: String
    public let summary: String
    /// Parameter (after self) and result types, for the editor stubs.
    public let types: LuaSignature?
    public let body: (T, LuaCall) throws -> Int32

    public init(
        _ name: String, signature: String, summary: String, types: LuaSignature? = nil,
        body: @escaping (T, LuaCall) throws -> Int32
    ) {
        self.name = name
        self.signature = signature
        self.summary = summary
        self.types = types
        self.body = body
    }
}

/// A read-only field of a userdata type (`s.name`), with its type for the stubs.
public struct LuaProperty<T: AnyObject> {
    public let name: String
    public let type: LuaType
    public let summary: String
    public let get: (T) -> LuaValue

    public init(_ name: String, _ type: LuaType, _ summary: String, get: @escaping (T) -> LuaValue) {
        self.name = name
        self.type = type
        self.summary = summary
        self.get = get
    }
}

/// An arithmetic metamethod's types (`s + 1` gives a Series): `name` is the
/// metamethod without underscores ("add", "unm"); unary ones have no operand.
public struct LuaOperator: Sendable, Equatable {
    public let name: String
    public let operand: LuaType?
    public let result: LuaType

    public init(_ name: String, _ operand: LuaType?, result: LuaType) {
        self.name = name
        self.operand = operand
        self.result = result
    }
}

/// A userdata type's behaviour in Lua: methods (`obj:name()`), read-only
/// properties (`obj.name`), and metamethods. Unknown fields are an error with
/// a did-you-mean, never a silent nil.
public struct LuaClass<T: AnyObject> {
    public var summary: String
    public var methods: [LuaMethod<T>] = []
    public var properties: [LuaProperty<T>] = []
    public var tostring: ((T) -> String)?
    public var length: ((T) -> Int)?
    /// `obj(...)`: arguments start at index 2.
    public var call: ((T, LuaCall) throws -> Int32)?
    /// What `obj(...)` takes and gives, for the stubs.
    public var callTypes: LuaSignature?
    /// `obj[k]` for keys that are not method or property names (key at index 2);
    /// returns nil when it has nothing for that key.
    public var index: ((T, LuaCall) throws -> Int32?)?
    /// The keys `index` answers and what it gives, for the stubs.
    public var indexTypes: (key: LuaType, value: LuaType)?
    /// Other metamethods by name ("__add", "__eq", ...), as plain native functions.
    public var metamethods: [String: LuaNativeBody] = [:]
    /// The types of the arithmetic ones among `metamethods`, for the stubs.
    public var operators: [LuaOperator] = []

    public init(summary: String) { self.summary = summary }
}

extension LuaUserdata {
    static var metatableName: String { "almanac." + luaClassName }
}

extension LuaStack {
    /// Pushes `object` as userdata with its type's metatable.
    public func pushUserdata<T: LuaUserdata>(_ object: T) {
        let slot = almanac_newuserdata(L, MemoryLayout<UnsafeRawPointer?>.size)!
        slot.storeBytes(
            of: UnsafeRawPointer(Unmanaged.passRetained(object as AnyObject).toOpaque()),
            as: UnsafeRawPointer?.self)
        pushMetatable(for: T.self)
        lua_setmetatable(L, -2)
    }

    /// The Swift object behind userdata at `index`, if Almanac made it.
    public func userdataObject(at index: Int32) -> (any LuaUserdata)? {
        guard lua_type(L, index) == LUA_TUSERDATA, lua_getmetatable(L, index) != 0 else { return nil }
        lua_pushstring(L, "__almanac")
        lua_rawget(L, -2)
        // The mark is a light userdata only Swift can make: a script that sets
        // `__almanac` on some other metatable (io.stdout's is not protected)
        // cannot make a FILE * pass for a Swift object.
        let ours = lua_type(L, -1) == LUA_TLIGHTUSERDATA && lua_touserdata(L, -1) == almanacMetatableMark
        lua_settop(L, -3)
        guard ours, let slot = lua_touserdata(L, index),
            let raw = slot.load(as: UnsafeRawPointer?.self)
        else { return nil }
        return Unmanaged<AnyObject>.fromOpaque(raw).takeUnretainedValue() as? any LuaUserdata
    }

    /// The object at `index` if it is a T (checked by metatable, no dynamic cast).
    public func object<T: LuaUserdata>(at index: Int32, as type: T.Type) -> T? {
        guard let slot = luaL_testudata(L, index, T.metatableName),
            let raw = slot.load(as: UnsafeRawPointer?.self)
        else { return nil }
        return Unmanaged<T>.fromOpaque(raw).takeUnretainedValue()
    }

    func pushMetatable<T: LuaUserdata>(for type: T.Type) {
        guard luaL_newmetatable(L, T.metatableName) != 0 else { return }
        let definition = T.luaClass()
        let className = T.luaClassName
        setField("__name", .string(className))
        setField("__metatable", .string(className))  // getmetatable() sees a name; setmetatable() refuses
        lua_pushstring(L, "__almanac")
        lua_pushlightuserdata(L, almanacMetatableMark)
        lua_rawset(L, -3)

        pushFunction(name: "") { call in
            if let slot = lua_touserdata(call.L, 1),
                let raw = slot.load(as: UnsafeRawPointer?.self)
            {
                Unmanaged<AnyObject>.fromOpaque(raw).release()
                slot.storeBytes(of: nil, as: UnsafeRawPointer?.self)
            }
            return 0
        }
        lua_setfield(L, -2, "__gc")

        // Methods are made once; __index hands out the same closures.
        lua_createtable(L, 0, Int32(definition.methods.count))
        for method in definition.methods {
            let body = method.body
            pushFunction(name: "\(className):\(method.name)") { call in
                guard let me = call.stack.object(at: 1, as: T.self) else {
                    throw ScriptError("call it with a colon: \(className.lowercased()):\(method.name)(...)")
                }
                return try body(me, call)
            }
            lua_setfield(L, -2, method.name)
        }
        let properties = Dictionary(definition.properties.map { ($0.name, $0.get) }, uniquingKeysWith: { a, _ in a })
        let knownNames = definition.methods.map(\.name) + definition.properties.map(\.name)
        let indexer = definition.index
        pushFunction(name: "", upvalues: 1) { call in
            guard let me = call.stack.object(at: 1, as: T.self) else { return call.returning(.nil) }
            if let key = call.stack.string(at: 2) {
                lua_pushvalue(call.L, 2)
                if lua_rawget(call.L, LuaCall.upvalueIndex(1)) != LUA_TNIL { return 1 }
                lua_settop(call.L, -2)
                if let get = properties[key] { return call.returning(get(me)) }
            }
            if let indexer, let n = try indexer(me, call) { return n }
            let key = call.stack.string(at: 2).map { "'\($0)'" } ?? "[\(call.typeName(2))]"
            var message = "a \(className) has no field \(key)"
            if let name = call.stack.string(at: 2), let guess = closestMatch(to: name, in: knownNames) {
                message += " (did you mean '\(guess)'?)"
            } else if !knownNames.isEmpty {
                message += "; it has: " + knownNames.sorted().joined(separator: ", ")
            }
            throw ScriptError(message)
        }
        lua_setfield(L, -2, "__index")

        if let tostring = definition.tostring {
            pushFunction(name: "tostring") { call in
                guard let me = call.stack.object(at: 1, as: T.self) else { return call.returning(.string(className)) }
                return call.returning(.string(tostring(me)))
            }
            lua_setfield(L, -2, "__tostring")
        }
        if let length = definition.length {
            pushFunction(name: "#") { call in
                guard let me = call.stack.object(at: 1, as: T.self) else { return call.returning(.integer(0)) }
                return call.returning(.integer(Int64(length(me))))
            }
            lua_setfield(L, -2, "__len")
        }
        if let callBody = definition.call {
            pushFunction(name: className) { call in
                guard let me = call.stack.object(at: 1, as: T.self) else { return 0 }
                return try callBody(me, call)
            }
            lua_setfield(L, -2, "__call")
        }
        for (name, body) in definition.metamethods.sorted(by: { $0.key < $1.key }) {
            pushFunction(name: className, body)
            lua_setfield(L, -2, name)
        }
    }

    /// t[name] = value for the table on top (raw).
    public func setField(_ name: String, _ value: LuaValue) {
        push(value)
        lua_setfield(L, -2, name)
    }
}

/// A userdata type as the reference docs and the editor stubs show it, read
/// from the same `luaClass()` that builds its metatable, so they cannot drift.
public struct LuaClassDoc: Sendable {
    public struct Method: Sendable {
        public let name: String
        public let signature: String
        public let summary: String
        public let types: LuaSignature?
    }
    public struct Property: Sendable {
        public let name: String
        public let type: LuaType
        public let summary: String
    }
    public let name: String
    public let summary: String
    public let methods: [Method]
    public let properties: [Property]
    public let callable: Bool
    public let callTypes: LuaSignature?
    /// Whether `obj[k]` answers keys besides its fields (`s[1]`, `panel["A"]`).
    public let indexable: Bool
    public let indexTypes: (key: LuaType, value: LuaType)?
    /// Names of the metamethods it has besides __index, __gc, __tostring, __len and __call.
    public let metamethods: [String]
    public let operators: [LuaOperator]
}

extension LuaUserdata {
    public static var documentation: LuaClassDoc {
        let c = luaClass()
        return LuaClassDoc(
            name: luaClassName, summary: c.summary,
            methods: c.methods.map {
                .init(name: $0.name, signature: $0.signature, summary: $0.summary, types: $0.types)
            },
            properties: c.properties.map { .init(name: $0.name, type: $0.type, summary: $0.summary) },
            callable: c.call != nil, callTypes: c.callTypes, indexable: c.index != nil, indexTypes: c.indexTypes,
            metamethods: c.metamethods.keys.sorted(), operators: c.operators)
    }
}

/// The value of `__almanac` in every metatable Almanac makes: an address no
/// script can produce (Lua code cannot create light userdata). Bounds: it is
/// only compared, never read or written; one byte is allocated for the
/// process's lifetime so the address is unique.
nonisolated(unsafe) let almanacMetatableMark = UnsafeMutableRawPointer.allocate(byteCount: 1, alignment: 1)
