import AlmanacCore
import LuaBridge

/// Interval levels in percent: one number, or an array of them (`{}` asks for
/// none, which a `.numbers` spec would refuse as an empty table). Forecast
/// requests and backtests take them through this one type.
struct IntervalLevels: LuaArgumentValue {
    var values: [Double]

    init() { values = [] }
    init(_ values: [Double]) { self.values = values }

    static var luaType: LuaType { .number | .array(.number) }
    /// Checked here, so an empty array passes.
    static var parameterType: ParameterType { .any }

    static func argument(_ call: LuaCall, _ index: Int32, _ name: String) throws -> IntervalLevels {
        IntervalLevels(try call.numbers(index, name))
    }

    init(option value: ParameterValue, raw: LuaValue, name: String) throws {
        switch raw {
        case .number(let x): values = [x]
        case .integer(let x): values = [Double(x)]
        case .array(let items) where items.allSatisfy({ $0.doubleValue != nil }):
            values = items.compactMap(\.doubleValue)
        default: throw ScriptError("option '\(name)' must be an array of percentages like { 80, 95 }")
        }
    }

    var shownDefault: ParameterValue? { .numbers(values) }
}
