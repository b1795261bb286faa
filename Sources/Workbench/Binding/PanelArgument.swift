import AlmanacCore
import LuaBridge
import TimeSeries

/// A Panel argument (forecast.fit_many's first), read as the PanelObject it
/// must be: "argument 1 'panel' must be a Panel, got a number".
extension Panel: LuaArgumentValue {
    static var luaType: LuaType { .panel }
    static var parameterType: ParameterType { .any }

    static func argument(_ call: LuaCall, _ index: Int32, _ name: String) throws -> Panel {
        try call.object(index, name, as: PanelObject.self).panel
    }

    init(option value: ParameterValue, raw: LuaValue, name: String) throws {
        guard case .object(let object as PanelObject) = raw else {
            throw ScriptError("option '\(name)' must be a Panel, got a \(raw.typeName)")
        }
        self = object.panel
    }

    var shownDefault: ParameterValue? { nil }
}
