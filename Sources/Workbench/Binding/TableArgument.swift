import AlmanacCore
import LuaBridge

/// A table the function takes apart itself, kept as Lua gave it (per-key
/// attributes, column names). Validation checks only that it is a table, as a
/// `.table` parameter spec does ("option 'x' must be a table, got a string");
/// declare its precise shape with `type:` for the docs and stubs.
struct TableArgument: LuaArgumentValue {
    var value = LuaValue.nil

    static var luaType: LuaType { .table }
    static var parameterType: ParameterType { .table }

    static func argument(_ call: LuaCall, _ index: Int32, _ name: String) throws -> TableArgument {
        try call.requireTable(index, name)
        return TableArgument(value: try call.value(index, name))
    }

    init() {}
    init(value: LuaValue) { self.value = value }
    init(option value: ParameterValue, raw: LuaValue, name: String) throws { self.value = raw }

    var shownDefault: ParameterValue? { nil }
}
