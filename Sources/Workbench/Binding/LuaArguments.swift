import AlmanacCore
import LuaBridge

/// The arguments of one Lua function or method, declared once as a Swift
/// struct: each property's initial value is its default, and `arguments`
/// says, in call order, which properties are positional and which are fields
/// of the options table, with their docs and ranges. From that one
/// declaration come the decoding (with unknown-option and did-you-mean
/// checks), the defaults, the validation, the signature line, the reference
/// docs and the editor stubs. See docs/architecture.md, "Adding a function".
protocol LuaArguments: SendableMetatype {
    init()
    /// In call order; a `static let`, so it is built once.
    static var arguments: [LuaArgument<Self>] { get }
    /// What the options table is called and whether it must be given (default: `options`, may be left out).
    static var optionsTable: LuaOptionsTable { get }
}

/// No arguments at all.
struct NoArguments: LuaArguments {
    static var arguments: [LuaArgument<Self>] { [] }
}

/// One declared argument: a positional one, or a field of the options table.
struct LuaArgument<Root>: Sendable {
    enum Place: Equatable {
        case positional(required: Bool)
        case option
    }

    let name: String
    let place: Place
    let doc: String
    let type: LuaType
    /// How an option is validated (its default is the struct's initial value).
    let spec: ParameterSpec
    let readArgument: @Sendable (inout Root, LuaCall, Int32) throws -> Void
    let readOption: @Sendable (inout Root, ParameterValue, LuaValue) throws -> Void
    /// A required option's own message when it is left out (see LuaArgumentMissingMessage); nil: validation's.
    let missing: ScriptError?

    var isOption: Bool { place == .option }
}

extension LuaArgument where Root: LuaArguments {
    /// A positional argument the caller must give.
    static func required<Value: LuaArgumentValue>(
        _ path: WritableKeyPath<Root, Value> & Sendable, _ doc: String, name: String? = nil, type: LuaType? = nil
    ) -> LuaArgument {
        make(path, doc, name: name, type: type, place: .positional(required: true), range: nil, required: true)
    }

    /// A positional argument the caller may leave out (or pass nil): the property's initial value stands.
    static func optional<Value: LuaArgumentValue>(
        _ path: WritableKeyPath<Root, Value> & Sendable, _ doc: String, name: String? = nil, type: LuaType? = nil
    ) -> LuaArgument {
        make(path, doc, name: name, type: type, place: .positional(required: false), range: nil, required: false)
    }

    /// A field of the options table that follows the positional arguments.
    static func option<Value: LuaArgumentValue>(
        _ path: WritableKeyPath<Root, Value> & Sendable, _ doc: String, name: String? = nil, type: LuaType? = nil,
        range: ParameterRange? = nil, required: Bool = false
    ) -> LuaArgument {
        make(path, doc, name: name, type: type, place: .option, range: range, required: required)
    }

    private static func make<Value: LuaArgumentValue>(
        _ path: WritableKeyPath<Root, Value> & Sendable, _ doc: String, name: String?, type: LuaType?, place: Place,
        range: ParameterRange?, required: Bool
    ) -> LuaArgument {
        let luaName = name ?? LuaNames.snakeCase(of: path)
        let initial = Root()[keyPath: path]
        let spec = ParameterSpec(
            luaName, Value.parameterType, default: required ? nil : initial.shownDefault, required: required,
            range: range, choices: Value.choices, doc: doc)
        var missing: ScriptError?
        if place == .option, required, let worded = Value.self as? any LuaArgumentMissingMessage.Type {
            missing = worded.missingOption(luaName)
        }
        return LuaArgument(
            name: luaName, place: place, doc: doc, type: type ?? Value.luaType, spec: spec,
            readArgument: { root, call, index in root[keyPath: path] = try Value.argument(call, index, luaName) },
            readOption: { root, value, raw in root[keyPath: path] = try Value(option: value, raw: raw, name: luaName) },
            missing: missing)
    }
}

/// Lua names from Swift property names: `seriesPerChunk` is `series_per_chunk`.
enum LuaNames {
    /// The snake_case name of the property a key path ends in (`\Args.seriesPerChunk`).
    static func snakeCase<Root, Value>(of path: KeyPath<Root, Value>) -> String {
        let text = String(describing: path)
        let property = text.split(separator: ".").last.map(String.init) ?? text
        var out = ""
        for character in property {
            if character.isUppercase {
                out += "_" + character.lowercased()
            } else {
                out.append(character)
            }
        }
        return out
    }
}
