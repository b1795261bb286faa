import AlmanacCore
import LuaBridge

/// A table of named values the function reads itself (a simulation's trace,
/// series by key), read by `LuaCall.record`: nil gives an empty record, and
/// anything but such a table is "argument 1 'x' must be a table of named
/// options, got a number".
extension Dictionary: LuaArgumentValue where Key == String, Value == LuaValue {
    static var luaType: LuaType { .table }
    static var parameterType: ParameterType { .table }

    static func argument(_ call: LuaCall, _ index: Int32, _ name: String) throws -> [String: LuaValue] {
        try call.record(index, name)
    }

    init(option value: ParameterValue, raw: LuaValue, name: String) throws {
        switch raw {
        case .record(let fields): self = fields
        case .array(let items) where items.isEmpty: self = [:]
        default: throw ScriptError("option '\(name)' must be a table of named values, got a \(raw.typeName)")
        }
    }

    var shownDefault: ParameterValue? { nil }
}
