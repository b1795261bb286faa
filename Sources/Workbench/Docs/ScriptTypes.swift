import AlmanacCore
import LuaBridge
import TimeSeries

/// Every userdata type a script can get, documented from the same `luaClass()`
/// that registers its methods; the reference and the stubs list these.
public enum ScriptTypes {
    public static let classes: [LuaClassDoc] = [
        SeriesObject.documentation, PanelObject.documentation, DistributionObject.documentation,
        CostHandle.documentation,
        FittedModelObject.documentation, ForecastObject.documentation, SamplePathsObject.documentation,
        FittedPanelObject.documentation, ChartObject.documentation,
    ]
}

/// The userdata types by their Lua names, for declarations' types.
extension LuaType {
    static let series = LuaType.named(SeriesObject.luaClassName)
    static let panel = LuaType.named(PanelObject.luaClassName)
    static let distribution = LuaType.named(DistributionObject.luaClassName)
    static let cost = LuaType.named(CostHandle.luaClassName)
    static let fittedModel = LuaType.named(FittedModelObject.luaClassName)
    static let forecast = LuaType.named(ForecastObject.luaClassName)
    static let samplePaths = LuaType.named(SamplePathsObject.luaClassName)
    static let fittedPanel = LuaType.named(FittedPanelObject.luaClassName)
    static let chart = LuaType.named(ChartObject.luaClassName)

    /// What a Series argument also accepts: a plain array of numbers.
    static let seriesLike = series | .array(.number)
    /// `{ name = array or Series, ... }`: covariates by name.
    static let covariates = LuaType.map(key: .string, value: .array(.number) | .series)
    /// A record whose fields are all numbers.
    static func numbers(_ names: [String]) -> LuaType {
        .record(names.map { LuaField($0, .number) })
    }
}

/// Records the registry hands out (almanac.plugin, almanac.plugins, cost.plugin).
extension LuaType {
    static let parameterDescriptor = LuaType.record(
        [
            LuaField("name", .string), LuaField("type", .oneOf(ParameterType.allCases.map(\.rawValue))),
            LuaField("doc", .string), LuaField("required", .boolean),
            .optional("default", .any), .optional("range", .string, doc: "\"> 0\", \">= 1 and <= 100\""),
            .optional("choices", .array(.string)),
        ], named: "almanac.ParameterDescriptor")

    static let pluginDescriptor = LuaType.record(
        [
            LuaField("name", .pluginName(nil)), LuaField("kind", .oneOf(PluginKind.allCases.map(\.rawValue))),
            LuaField("version", .string), LuaField("summary", .string),
            LuaField("source", .string, doc: "\"native\" or the Lua file and line"),
            LuaField("capabilities", .array(.string)),
            LuaField("decision", .array(.string), doc: "a cost's decision variables"),
            LuaField("params", .array(parameterDescriptor)),
            .optional("doc", .string), .optional("author", .string), .optional("license", .string),
            .optional("homepage", .string), .optional("example", .string),
        ], named: "almanac.PluginDescriptor")
}

/// Small vocabularies several declarations share.
extension LuaType {
    /// A calendar's name, as Series.freq gives it.
    static let frequency = LuaType.oneOf(Frequency.allCases.map(\.rawValue))
}
