import LuaBridge
import TimeSeries

/// A Panel argument (forecast.fit_many's first), read as the PanelObject it
/// must be: "argument 1 'panel' must be a Panel, got a number".
extension Panel: HeldByUserdata {
    static var luaType: LuaType { .panel }
    static func unwrap(_ holder: PanelObject) -> Panel { holder.panel }
}
