import AlmanacCore
import LuaBridge

/// A Swift type a declared argument decodes into. It knows how to read itself
/// from the stack (a positional argument) and from a validated options table,
/// how the docs and stubs name it, and how a default of it is shown.
protocol LuaArgumentValue: SendableMetatype {
    /// The type the editor stubs declare.
    static var luaType: LuaType { get }
    /// How option validation checks it (type, range, choices).
    static var parameterType: ParameterType { get }
    /// The accepted strings, for a closed vocabulary.
    static var choices: [String]? { get }
    /// Whether leaving it out means nil rather than an error or the default.
    static var isOptional: Bool { get }
    /// Reads positional argument `index` (present and not nil).
    static func argument(_ call: LuaCall, _ index: Int32, _ name: String) throws -> Self
    /// Converts an option already checked against its spec; `raw` is the value as Lua gave it.
    init(option value: ParameterValue, raw: LuaValue, name: String) throws
    /// The value as a default the docs show; nil when it has no plain form.
    var shownDefault: ParameterValue? { get }
}

extension LuaArgumentValue {
    static var choices: [String]? { nil }
    static var isOptional: Bool { false }
}

/// The value a conversion reached after a spec check that cannot produce it.
struct UnexpectedOption: Error, CustomStringConvertible {
    let name: String
    var description: String { "option '\(name)' has an unexpected value" }
}

extension Int: LuaArgumentValue {
    static var luaType: LuaType { .integer }
    static var parameterType: ParameterType { .integer }
    static func argument(_ call: LuaCall, _ index: Int32, _ name: String) throws -> Int {
        try call.integer(index, name)
    }
    init(option value: ParameterValue, raw: LuaValue, name: String) throws {
        guard case .integer(let i) = value else { throw UnexpectedOption(name: name) }
        self = i
    }
    var shownDefault: ParameterValue? { .integer(self) }
}

extension Double: LuaArgumentValue {
    static var luaType: LuaType { .number }
    static var parameterType: ParameterType { .number }
    static func argument(_ call: LuaCall, _ index: Int32, _ name: String) throws -> Double {
        try call.number(index, name)
    }
    init(option value: ParameterValue, raw: LuaValue, name: String) throws {
        guard case .number(let x) = value else { throw UnexpectedOption(name: name) }
        self = x
    }
    var shownDefault: ParameterValue? { .number(self) }
}

extension String: LuaArgumentValue {
    static var luaType: LuaType { .string }
    static var parameterType: ParameterType { .string }
    static func argument(_ call: LuaCall, _ index: Int32, _ name: String) throws -> String {
        try call.string(index, name)
    }
    init(option value: ParameterValue, raw: LuaValue, name: String) throws {
        guard case .string(let s) = value else { throw UnexpectedOption(name: name) }
        self = s
    }
    var shownDefault: ParameterValue? { .string(self) }
}

extension Bool: LuaArgumentValue {
    static var luaType: LuaType { .boolean }
    static var parameterType: ParameterType { .boolean }
    static func argument(_ call: LuaCall, _ index: Int32, _ name: String) throws -> Bool {
        try call.boolean(index, name)
    }
    init(option value: ParameterValue, raw: LuaValue, name: String) throws {
        guard case .boolean(let b) = value else { throw UnexpectedOption(name: name) }
        self = b
    }
    var shownDefault: ParameterValue? { .boolean(self) }
}

extension Array: LuaArgumentValue where Element: LuaListElement {
    static var luaType: LuaType { Element.luaListType }
    static var parameterType: ParameterType { Element.parameterListType }
    static func argument(_ call: LuaCall, _ index: Int32, _ name: String) throws -> [Element] {
        try Element.list(call, index, name)
    }
    init(option value: ParameterValue, raw: LuaValue, name: String) throws {
        guard let list = Element.list(value) else { throw UnexpectedOption(name: name) }
        self = list
    }
    var shownDefault: ParameterValue? { isEmpty ? nil : Element.parameterValue(self) }
}

/// What an array argument may hold: numbers or strings, as option validation knows them.
protocol LuaListElement {
    static var luaListType: LuaType { get }
    static var parameterListType: ParameterType { get }
    static func list(_ call: LuaCall, _ index: Int32, _ name: String) throws -> [Self]
    static func list(_ value: ParameterValue) -> [Self]?
    static func parameterValue(_ list: [Self]) -> ParameterValue
}

extension Double: LuaListElement {
    static var luaListType: LuaType { .number | .array(.number) }
    static var parameterListType: ParameterType { .numbers }
    static func list(_ call: LuaCall, _ index: Int32, _ name: String) throws -> [Double] {
        try call.numbers(index, name)
    }
    static func list(_ value: ParameterValue) -> [Double]? {
        if case .numbers(let xs) = value { return xs }
        return nil
    }
    static func parameterValue(_ list: [Double]) -> ParameterValue { .numbers(list) }
}

extension String: LuaListElement {
    static var luaListType: LuaType { .string | .array(.string) }
    static var parameterListType: ParameterType { .strings }
    static func list(_ call: LuaCall, _ index: Int32, _ name: String) throws -> [String] {
        guard case .array(let items) = try call.value(index, name) else {
            throw ScriptError("argument \(index) '\(name)' must be an array of strings, got a \(call.typeName(index))")
        }
        return try items.enumerated().map { position, item in
            guard case .string(let s) = item else {
                throw ScriptError(
                    "argument \(index) '\(name)': item \(position + 1) must be a string, got a \(item.typeName)")
            }
            return s
        }
    }
    static func list(_ value: ParameterValue) -> [String]? {
        if case .strings(let xs) = value { return xs }
        return nil
    }
    static func parameterValue(_ list: [String]) -> ParameterValue { .strings(list) }
}

extension Optional: LuaArgumentValue where Wrapped: LuaArgumentValue {
    static var luaType: LuaType { Wrapped.luaType }
    static var parameterType: ParameterType { Wrapped.parameterType }
    static var choices: [String]? { Wrapped.choices }
    static var isOptional: Bool { true }
    static func argument(_ call: LuaCall, _ index: Int32, _ name: String) throws -> Wrapped? {
        try Wrapped.argument(call, index, name)
    }
    init(option value: ParameterValue, raw: LuaValue, name: String) throws {
        self = try Wrapped(option: value, raw: raw, name: name)
    }
    var shownDefault: ParameterValue? { self?.shownDefault }
}

/// A closed vocabulary of strings (`"sum"`, `"mean"`) as a Swift enum: its
/// cases are the choices the docs list and validation enforces.
protocol LuaChoice: LuaArgumentValue, RawRepresentable, CaseIterable where RawValue == String {}

extension LuaChoice {
    static var luaType: LuaType { .oneOf(allCases.map(\.rawValue)) }
    static var parameterType: ParameterType { .string }
    static var choices: [String]? { allCases.map(\.rawValue) }
    static func argument(_ call: LuaCall, _ index: Int32, _ name: String) throws -> Self {
        let given = try call.string(index, name)
        guard let value = Self(rawValue: given) else {
            let known = allCases.map(\.rawValue)
            var message =
                "argument \(index) '\(name)' must be one of " + known.map { "\"\($0)\"" }.joined(separator: ", ")
                + ", got \"\(given)\""
            if let guess = closestMatch(to: given, in: known) { message += " (did you mean \"\(guess)\"?)" }
            throw ScriptError(message)
        }
        return value
    }
    init(option value: ParameterValue, raw: LuaValue, name: String) throws {
        guard case .string(let s) = value, let choice = Self(rawValue: s) else { throw UnexpectedOption(name: name) }
        self = choice
    }
    var shownDefault: ParameterValue? { .string(rawValue) }
}

/// Any Lua value, checked by the function itself.
extension LuaValue: LuaArgumentValue {
    static var luaType: LuaType { .any }
    static var parameterType: ParameterType { .any }
    static func argument(_ call: LuaCall, _ index: Int32, _ name: String) throws -> LuaValue {
        try call.value(index, name)
    }
    init(option value: ParameterValue, raw: LuaValue, name: String) throws { self = raw }
    var shownDefault: ParameterValue? { parameterValue }
}
