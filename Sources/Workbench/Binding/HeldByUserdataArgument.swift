import AlmanacCore
import LuaBridge

/// A domain value scripts hold inside a userdata object (a Panel inside a
/// PanelObject): an argument reads it as that object, and refuses anything
/// else with the object's Lua name ("argument 1 'panel' must be a Panel, got a
/// number"). A conforming type says only which object holds it.
protocol HeldByUserdata: LuaArgumentValue {
    associatedtype Holder: LuaUserdata
    static func unwrap(_ holder: Holder) -> Self
}

extension HeldByUserdata {
    static var parameterType: ParameterType { .any }

    static func argument(_ call: LuaCall, _ index: Int32, _ name: String) throws -> Self {
        unwrap(try call.object(index, name, as: Holder.self))
    }

    init(option value: ParameterValue, raw: LuaValue, name: String) throws {
        guard case .object(let object) = raw, let holder = object as? Holder else {
            throw ScriptError("option '\(name)' must be a \(Holder.luaClassName), got a \(raw.typeName)")
        }
        self = Self.unwrap(holder)
    }

    var shownDefault: ParameterValue? { nil }
}
