import AlmanacCore
import LuaBridge

/// A positional table of named fields declared as its own argument struct
/// (`plot.eoq({ fixed_cost =, holding_cost =, demand_rate = } [, options])`):
/// checked by the same option validation, with the function's name as owner.
struct OptionsRecord<Fields: LuaArguments>: LuaArgumentValue {
    var fields = Fields()

    static var luaType: LuaType { SignatureText.types(Fields.self, returns: []).parameters.last?.type ?? .table }
    static var parameterType: ParameterType { .table }

    static func argument(_ call: LuaCall, _ index: Int32, _ name: String) throws -> OptionsRecord {
        OptionsRecord(fields: try Fields.decodeOptions(try call.record(index, name), owner: call.name))
    }

    init() {}
    init(fields: Fields) { self.fields = fields }

    init(option value: ParameterValue, raw: LuaValue, name: String) throws {
        guard case .record(let given) = raw else { throw UnexpectedOption(name: name) }
        fields = try Fields.decodeOptions(given, owner: name)
    }

    var shownDefault: ParameterValue? { nil }

    /// The table as the docs show it, from the declaration: `{ fixed_cost =, holding_cost =, demand_rate = }`
    /// (a default after `=` when there is one).
    static var shownTable: String {
        let fields = Fields.options.map { field in
            "\(field.name) =" + (field.spec.defaultValue.map { " \($0.description)" } ?? "")
        }
        return "{ " + fields.joined(separator: ", ") + " }"
    }
}
