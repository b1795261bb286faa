import AlmanacCore
import LuaBridge
import TimeSeries

/// `series.new`: a series from Lua values.
enum SeriesModule {
    struct NewArguments: LuaArguments {
        var values: [Double] = []
        var start: String?
        var freq: Frequency?
        var period: Int?
        var name = ""
        static let arguments: [LuaArgument<Self>] = [
            .option(
                \.values, "the observations; 0/0 (or series.na) marks a missing one", type: .array(.number),
                required: true),
            .option(\.start, "label of the first observation: \"2020-01\", \"2020-Q1\", \"2020\", \"2020-01-06\""),
            .option(
                \.freq,
                "the calendar; default: read from the form of start, or none (positions 1, 2, ...) without start"),
            .option(
                \.period, "observations per seasonal cycle; default from freq (7, 52, 12, 4, 1)",
                range: ParameterRange(lower: 1, upper: Double(Series.maximumSeasonalPeriod))),
            .option(\.name, "a name for messages, tables and charts"),
        ]
    }

    static func spec() -> LuaModuleSpec {
        LuaModuleSpec(
            "series", summary: "Time series: make one from values (data.* reads them from files).",
            functions: [
                LuaFunctionSpec(
                    "new", in: "series",
                    summary:
                        "A series from an array of numbers, on a calendar (start + freq) or on positions 1, 2, ... with a seasonal period.",
                    details: "Options: "
                        + NewArguments.options.map { "`\($0.name)` (\($0.doc))" }.joined(separator: "; ") + ".",
                    example: """
                        local s = series.new{ values = { 112, 118, 132, 129 }, start = "1949-01", freq = "month" }
                        print(s)            -- a readable table
                        print(#s, s[2], s.start, s.period)  --> 4  118.0  1949-01  12
                        local q = series.new{ values = { 1, 2, 3, 4, 5, 6, 7, 8 }, period = 4 }
                        print((q * 2 + 1):values()[8])  --> 17.0
                        """,
                    arguments: NewArguments.self, returns: [.init(.series)]
                ) { call in
                    try call.requireTable(1, "spec")
                    // Checked before the options are: an empty or non-array `values` has its own message.
                    var given = try call.record(1, "spec")
                    if case .array(let items) = given["values"] ?? .nil, items.isEmpty {
                        throw ScriptError("'values' is empty; a series needs at least one observation")
                    }
                    if case .array = given["values"] ?? .nil {
                    } else if given["values"] != nil {
                        throw ScriptError.named("series.new: option 'values' must be an array of numbers")
                    }
                    given = given.filter { $0.value != .nil }
                    let p = try NewArguments.decodeOptions(given, owner: "series.new")
                    let start = p.start
                    var frequency = p.freq
                    var index = TimeIndex.positions
                    if let start {
                        guard let parsed = DateParser.iso.parse(start) else {
                            throw ScriptError(
                                "start '\(start)' is not a date label (\"2020-01\", \"2020-Q1\", \"2020\", \"2020-01-06\")"
                            )
                        }
                        let f = frequency ?? parsed.finestFrequency
                        frequency = f
                        guard f != .none, let ordinal = parsed.ordinal(for: f) else {
                            throw ScriptError("start '\(start)' does not name a \(f.rawValue)")
                        }
                        index = TimeIndex(frequency: f, start: ordinal)
                    } else if let f = frequency, f != .none {
                        throw ScriptError("freq = \"\(f.rawValue)\" needs a start label, e.g. start = \"2020-01\"")
                    }
                    let s = Series(name: p.name, values: p.values, index: index, seasonalPeriod: p.period)
                    return SeriesObject.push(s, call)
                }
            ],
            fields: [
                LuaFieldSpec(
                    "na", .number(.nan),
                    summary: "a missing value (NaN), for series.new{ values = { 1, series.na, 3 } }.")
            ])
    }
}
