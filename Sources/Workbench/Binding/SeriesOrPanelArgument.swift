import AlmanacCore
import LuaBridge
import TimeSeries

/// A series (or array of numbers) or a whole panel, for functions that work
/// on either (forecast.backtest, m:fine_tune). A panel is taken as it is; any
/// other value is read as a series, with that reader's messages.
enum SeriesOrPanel: LuaArgumentValue {
    case series(Series)
    case panel(Panel)

    init() { self = .series(Series(values: [])) }

    static var luaType: LuaType { .seriesLike | .panel }
    static var parameterType: ParameterType { .any }

    static func argument(_ call: LuaCall, _ index: Int32, _ name: String) throws -> SeriesOrPanel {
        if let panel = call.stack.object(at: index, as: PanelObject.self)?.panel { return .panel(panel) }
        return .series(try SeriesObject.argument(call, index, name))
    }

    init(option value: ParameterValue, raw: LuaValue, name: String) throws {
        if case .object(let object as PanelObject) = raw {
            self = .panel(object.panel)
        } else {
            self = .series(try SeriesArgument(option: value, raw: raw, name: name).series)
        }
    }

    var shownDefault: ParameterValue? { nil }
}
