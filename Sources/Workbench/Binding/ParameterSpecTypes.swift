import AlmanacCore
import LuaBridge

/// Declared parameters (a plugin's, a function's options) as typed record
/// fields, so options validated by specs are typed by the same specs.
extension LuaField {
    public init(_ spec: ParameterSpec) {
        self.init(spec.name, LuaType(spec), optional: !spec.required, doc: spec.typeNote)
    }
}

extension LuaType {
    /// The type a value must have to pass the spec's check (a lone number
    /// passes for an array of numbers, as validation accepts it).
    public init(_ spec: ParameterSpec) {
        switch spec.type {
        case .number: self = .number
        case .integer: self = .integer
        case .string: self = spec.choices.map(LuaType.oneOf) ?? .string
        case .boolean: self = .boolean
        case .numbers: self = .number | .array(.number)
        case .strings: self = .string | .array(.string)
        case .table: self = .table
        case .function: self = .function
        case .distribution: self = .named("Distribution")
        case .any: self = .any
        }
    }

    /// A record of the options these specs accept.
    public static func options(_ specs: [ParameterSpec], named name: String? = nil) -> LuaType {
        .record(specs.map(LuaField.init), named: name)
    }
}

extension ParameterSpec {
    /// The doc with what the type cannot say: required, the default, the range.
    /// One line, as a field's description must be.
    public var typeNote: String {
        var notes: [String] = []
        if required { notes.append("required") }
        if let defaultValue { notes.append("default \(defaultValue)") }
        if let range { notes.append(range.description) }
        let text = notes.isEmpty ? doc : "\(doc) (\(notes.joined(separator: "; ")))"
        return text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}

/// Plugin names and parameter tables in declarations, typed by the plugin contract's kinds.
extension LuaType {
    /// The name of a registered plugin of `kind` (any kind when nil).
    static func pluginName(_ kind: PluginKind?) -> LuaType { .pluginNameOfKind(kind?.rawValue) }
    /// The parameter table of the plugin that the call's plugin-name argument names.
    static func pluginParameters(_ kind: PluginKind) -> LuaType { .pluginParametersOfKind(kind.rawValue) }
}
