import CLua

/// A native function as a module declares it: the body plus the text the
/// reference docs and in-app help show. One value serves both.
public struct LuaFunctionSpec {
    public let name: String
    /// "optimize.scalar(f, lo, hi [, options]) -> result"
    public let signature: String
    public let summary: String
    /// Parameters and results, in Markdown (optional).
    public let details: String?
    /// A runnable Lua snippet (optional).
    public let example: String?
    /// Parameter and result types, for the editor stubs.
    public let types: LuaSignature?
    /// Swift code, or Lua source for an expression that yields the function.
    public let implementation: Implementation

    public enum Implementation {
        case native(LuaNativeBody)
        case lua(String)
    }

    public init(
        _ name: String, signature: String, summary: String, details: String? = nil, example: String? = nil,
        types: LuaSignature? = nil, body: @escaping LuaNativeBody
    ) {
        self.init(
            name, signature: signature, summary: summary, details: details, example: example, types: types,
            implementation: .native(body))
    }

    public init(
        _ name: String, signature: String, summary: String, details: String? = nil, example: String? = nil,
        types: LuaSignature? = nil, implementation: Implementation
    ) {
        self.name = name
        self.signature = signature
        self.summary = summary
        self.details = details
        self.example = example
        self.types = types
        self.implementation = implementation
    }
}

/// A value a module exposes as a field (`almanac.version`).
public struct LuaFieldSpec {
    public let name: String
    public let value: LuaValue
    public let summary: String
    public init(_ name: String, _ value: LuaValue, summary: String) {
        self.name = name
        self.value = value
        self.summary = summary
    }
}

/// A global table of native functions (`optimize`, `inventory`, ...).
public struct LuaModuleSpec {
    public let name: String
    public let summary: String
    public var functions: [LuaFunctionSpec]
    public var fields: [LuaFieldSpec]

    public init(_ name: String, summary: String, functions: [LuaFunctionSpec], fields: [LuaFieldSpec] = []) {
        self.name = name
        self.summary = summary
        self.functions = functions
        self.fields = fields
    }
}

extension LuaState {
    /// Creates (or extends) the global table `module.name` with its functions and fields.
    /// Errors inside a function are reported as `module.function: ...`.
    public func install(_ module: LuaModuleSpec) throws(LuaError) {
        almanac_rawgetglobals(L)
        lua_pushstring(L, module.name)
        if lua_rawget(L, -2) != LUA_TTABLE {
            lua_settop(L, -2)
            lua_createtable(L, 0, Int32(module.functions.count + module.fields.count))
            lua_pushstring(L, module.name)
            lua_pushvalue(L, -2)
            lua_rawset(L, -4)
        }
        for function in module.functions {
            switch function.implementation {
            case .native(let body):
                stack.pushFunction(name: "\(module.name).\(function.name)", body)
            case .lua(let source):
                let top = lua_gettop(L)
                do {
                    try load("return " + source, chunkName: "=[\(module.name).\(function.name)]")
                    try call(nargs: 0, nresults: 1)
                } catch {
                    lua_settop(L, top - 2)
                    throw error
                }
            }
            lua_setfield(L, -2, function.name)
        }
        for field in module.fields {
            stack.setField(field.name, field.value)
        }
        lua_settop(L, -3)
    }
}
