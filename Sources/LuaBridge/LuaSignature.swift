/// What a function or method takes and gives, as types: the structured twin
/// of the human-readable signature, for the editor stubs.
public struct LuaSignature: Sendable, Equatable {
    public let parameters: [LuaParameter]
    public let returns: [LuaReturn]
    /// Other ways to call it (`dist.negbin(size, prob)` or `dist.negbin{ mean =, sd = }`).
    public let alternatives: [LuaSignature]

    public init(_ parameters: [LuaParameter] = [], returns: [LuaType] = [], or alternatives: [LuaSignature] = []) {
        self.init(parameters, namedReturns: returns.map { LuaReturn($0) }, or: alternatives)
    }

    public init(_ parameters: [LuaParameter] = [], namedReturns: [LuaReturn], or alternatives: [LuaSignature] = []) {
        self.parameters = parameters
        self.returns = namedReturns
        self.alternatives = alternatives
    }
}

public struct LuaParameter: Sendable, Equatable {
    public let name: String
    public let type: LuaType
    public let optional: Bool

    public init(_ name: String, _ type: LuaType, optional: Bool = false) {
        self.name = name
        self.type = type
        self.optional = optional
    }

    /// A parameter the caller may leave out.
    public static func optional(_ name: String, _ type: LuaType) -> LuaParameter {
        LuaParameter(name, type, optional: true)
    }
}

/// One result, with a name when it helps (`shortage`, `leftover`).
public struct LuaReturn: Sendable, Equatable {
    public let type: LuaType
    public let name: String?

    public init(_ type: LuaType, _ name: String? = nil) {
        self.type = type
        self.name = name
    }
}
