import AlmanacCore
import LuaBridge
import TimeSeries

/// A Series argument that also takes an array of numbers (a plain series on
/// positions 1, 2, ...), read by `SeriesObject.argument` so its errors read
/// "argument 1 'actual' must be a Series or an array of numbers, got a string".
/// A wrapper rather than a conformance of Series itself: Series is already a
/// result value whose Lua type is `Series`, while this argument's is
/// `Series|number[]`.
struct SeriesArgument: LuaArgumentValue {
    var series = Series(values: [])

    static var luaType: LuaType { .seriesLike }
    /// As an option it is checked here, not by the spec (which knows no Series).
    static var parameterType: ParameterType { .any }

    static func argument(_ call: LuaCall, _ index: Int32, _ name: String) throws -> SeriesArgument {
        SeriesArgument(series: try SeriesObject.argument(call, index, name))
    }

    init() {}
    init(series: Series) { self.series = series }

    init(option value: ParameterValue, raw: LuaValue, name: String) throws {
        switch raw {
        case .object(let object as SeriesObject): series = object.series
        case .array(let items):
            series = Series(
                values: try items.enumerated().map { position, item in
                    guard let x = item.doubleValue else {
                        throw ScriptError(
                            "option '\(name)': item \(position + 1) must be a number, got a \(item.typeName)")
                    }
                    return x
                })
        default: throw ScriptError("option '\(name)' must be a Series or an array of numbers, got a \(raw.typeName)")
        }
    }

    var shownDefault: ParameterValue? { nil }
}
