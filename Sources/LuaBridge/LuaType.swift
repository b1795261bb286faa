/// A Lua value's type as the editor stubs declare it (LuaCATS). Built from
/// pieces rather than written as text, so the writer can name nested tables,
/// expand plugin names per plugin, and a test can check every name resolves.
public indirect enum LuaType: Sendable, Equatable {
    case number, integer, string, boolean, table, function, any, `nil`
    /// A string that must be exactly this (`"sum"`).
    case literal(String)
    /// A type the stubs declare by name: a userdata class (`Series`) or an alias.
    case named(String)
    case array(LuaType)
    /// `{ [key]: value }`
    case map(key: LuaType, value: LuaType)
    case union([LuaType])
    /// A function the script passes in (an objective, a callback).
    case callback(LuaSignature)
    /// A table of named fields; the stubs declare it as a class of its own.
    case shape(LuaRecord)
    /// The name of a registered plugin of this kind ("model"; any kind when
    /// nil). A function taking one gets an overload per plugin. The kind is
    /// its name: LuaBridge knows no plugins (the host's `pluginName(_:)` is typed).
    case pluginNameOfKind(String?)
    /// The parameter table of the plugin that the call's plugin-name argument names.
    case pluginParametersOfKind(String)

    /// A table of named fields; `name` is chosen by the stub writer from where it is used when nil.
    public static func record(_ fields: [LuaField], named name: String? = nil) -> LuaType {
        .shape(LuaRecord(name: name, fields: fields))
    }

    /// One of these strings exactly.
    public static func oneOf(_ choices: [String]) -> LuaType {
        choices.count == 1 ? .literal(choices[0]) : .union(choices.map { .literal($0) })
    }

    /// Either type; nested unions are flattened.
    public static func | (lhs: LuaType, rhs: LuaType) -> LuaType {
        .union(lhs.alternatives + rhs.alternatives)
    }

    /// The members of a union, or the type itself.
    public var alternatives: [LuaType] {
        if case .union(let members) = self { return members }
        return [self]
    }
}

/// A table of named fields (options a function takes, a record it returns).
public struct LuaRecord: Sendable, Equatable {
    public let name: String?
    public let fields: [LuaField]
}

/// One field of a record: its name, type, whether it may be left out, what it means.
public struct LuaField: Sendable, Equatable {
    public let name: String
    public let type: LuaType
    public let optional: Bool
    public let doc: String

    public init(_ name: String, _ type: LuaType, optional: Bool = false, doc: String = "") {
        self.name = name
        self.type = type
        self.optional = optional
        self.doc = doc
    }

    /// An option field that may be left out.
    public static func optional(_ name: String, _ type: LuaType, doc: String = "") -> LuaField {
        LuaField(name, type, optional: true, doc: doc)
    }
}
