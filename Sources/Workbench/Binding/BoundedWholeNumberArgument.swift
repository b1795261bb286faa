import AlmanacCore
import Forecasting
import LuaBridge

/// The fixed bounds of a whole-number option that words its own range error.
protocol WholeNumberBounds: SendableMetatype {
    static var lower: Int { get }
    static var upper: Int { get }
}

/// A whole number between fixed bounds whose error says both bounds in words
/// ("option 'h' must be a whole number between 1 and 100000, got 0"), as
/// forecast requests and fit_many's threads always have, rather than the
/// spec's ">= 1 and <= 100000". It is checked here: its spec is a plain number
/// with no range, so the spec's own range and 2³¹ checks never speak first.
struct BoundedWholeNumber<Bounds: WholeNumberBounds>: LuaArgumentValue {
    var value: Int

    init() { value = Bounds.lower }
    init(_ value: Int) { self.value = value }

    static var luaType: LuaType { .integer }
    static var parameterType: ParameterType { .number }
    /// The bounds, for docs that cannot show a range the spec does not hold.
    static var boundsText: String { "\(Bounds.lower) to \(Bounds.upper)" }

    static func argument(_ call: LuaCall, _ index: Int32, _ name: String) throws -> BoundedWholeNumber {
        try checked(.number(try call.number(index, name)), name: "argument \(index) '\(name)'")
    }

    init(option value: ParameterValue, raw: LuaValue, name: String) throws {
        self = try Self.checked(raw, name: "option '\(name)'")
    }

    private static func checked(_ given: LuaValue, name: String) throws -> BoundedWholeNumber {
        guard let x = given.doubleValue, x == x.rounded(), x >= Double(Bounds.lower), x <= Double(Bounds.upper) else {
            let got = given.doubleValue.map(formatNumber) ?? "a \(given.typeName)"
            throw ScriptError("\(name) must be a whole number between \(Bounds.lower) and \(Bounds.upper), got \(got)")
        }
        return BoundedWholeNumber(Int(x))
    }

    var shownDefault: ParameterValue? { .integer(value) }
}

/// A forecast's horizon: 1 to ForecastRequest.maximumHorizon steps.
enum StepsAhead: WholeNumberBounds {
    static var lower: Int { 1 }
    static var upper: Int { ForecastRequest.maximumHorizon }
}

/// Left out, a horizon is asked for as before: "needs the horizon, e.g. { h = 12 }".
extension BoundedWholeNumber: LuaArgumentMissingMessage where Bounds == StepsAhead {
    static func missingOption(_ name: String) -> ScriptError { ScriptError("needs the horizon, e.g. { \(name) = 12 }") }
}
