import AlmanacCore
import LuaBridge

/// A number that must be neither NaN nor infinite (an interval's ends, a
/// start point), read by `LuaCall.finiteNumber`: "argument 2 'lo' must be a
/// finite number, got inf".
struct FiniteNumber: LuaArgumentValue {
    var value = 0.0

    static var luaType: LuaType { .number }
    static var parameterType: ParameterType { .number }

    static func argument(_ call: LuaCall, _ index: Int32, _ name: String) throws -> FiniteNumber {
        FiniteNumber(value: try call.finiteNumber(index, name))
    }

    init() {}
    init(value: Double) { self.value = value }

    init(option value: ParameterValue, raw: LuaValue, name: String) throws {
        guard case .number(let x) = value else { throw UnexpectedOption(name: name) }
        guard x.isFinite else { throw ScriptError("option '\(name)' must be a finite number, got \(x)") }
        self.value = x
    }

    var shownDefault: ParameterValue? { .number(value) }
}
