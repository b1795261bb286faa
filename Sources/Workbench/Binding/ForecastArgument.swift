import Forecasting
import LuaBridge

/// A Forecast argument (forecast.accuracy's `fc`), read as the ForecastObject
/// it must be. Declared as `Forecast?`: an argument struct needs an initial
/// value, and a forecast has no empty one.
extension Forecast: HeldByUserdata {
    static var luaType: LuaType { .forecast }
    static func unwrap(_ holder: ForecastObject) -> Forecast { holder.forecast }
}
