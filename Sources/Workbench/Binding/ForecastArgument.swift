import AlmanacCore
import Forecasting
import LuaBridge

/// A Forecast argument (forecast.accuracy's `fc`), read as the ForecastObject
/// it must be. Declared as `Forecast?`: an argument struct needs an initial
/// value, and a forecast has no empty one.
extension Forecast: LuaArgumentValue {
    static var luaType: LuaType { .forecast }
    static var parameterType: ParameterType { .any }

    static func argument(_ call: LuaCall, _ index: Int32, _ name: String) throws -> Forecast {
        try call.object(index, name, as: ForecastObject.self).forecast
    }

    init(option value: ParameterValue, raw: LuaValue, name: String) throws {
        guard case .object(let object as ForecastObject) = raw else {
            throw ScriptError("option '\(name)' must be a Forecast, got a \(raw.typeName)")
        }
        self = object.forecast
    }

    var shownDefault: ParameterValue? { nil }
}
