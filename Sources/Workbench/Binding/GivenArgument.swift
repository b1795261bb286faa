import AlmanacCore
import LuaBridge

/// An option whose presence matters as well as its value: `points_per_sd`
/// belongs to one method and is refused with another, yet has a default the
/// docs show. `value` starts as the default; `isGiven` says the caller wrote it.
struct Given<Value: LuaArgumentValue>: LuaArgumentValue {
    var value: Value
    var isGiven = false

    init(_ value: Value) { self.value = value }

    static var luaType: LuaType { Value.luaType }
    static var parameterType: ParameterType { Value.parameterType }
    static var choices: [String]? { Value.choices }
    static var isOptional: Bool { Value.isOptional }

    static func argument(_ call: LuaCall, _ index: Int32, _ name: String) throws -> Given {
        var given = Given(try Value.argument(call, index, name))
        given.isGiven = true
        return given
    }

    /// Called only for an option the caller gave (decoding leaves absent ones at their initial value).
    init(option value: ParameterValue, raw: LuaValue, name: String) throws {
        self.value = try Value(option: value, raw: raw, name: name)
        isGiven = true
    }

    var shownDefault: ParameterValue? { value.shownDefault }
}
