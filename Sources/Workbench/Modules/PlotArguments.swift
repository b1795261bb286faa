import AlmanacCore
import Charts
import CLua
import LuaBridge
import TimeSeries

/// Options every plot.* function takes, and the Lua values charts are made from.
enum PlotArguments {
    static let common = [
        ParameterSpec("title", .string, doc: "the chart's title"),
        ParameterSpec("out", .string, doc: "a file to draw into, .png, .svg, .pdf or .txt (relative paths go into the output folder); without it the chart goes into the report when rendering, else to the terminal as text"),
        ParameterSpec("size", .string, choices: ["screen", "slide", "tall"], doc: "screen (800×450, the default), slide (1280×720, larger type) or tall (800×800)"),
        ParameterSpec("width", .integer, range: ParameterRange(lower: 200, upper: 4000), doc: "width in pixels (overrides size)"),
        ParameterSpec("height", .integer, range: ParameterRange(lower: 150, upper: 4000), doc: "height in pixels (overrides size)"),
        ParameterSpec("caption", .string, doc: "the figure's caption in a report; default the title"),
    ]

    /// The options a plot function takes, as `options` checks them: `specific`
    /// (which win over common ones of the same name), the common ones, and
    /// `objects`, the object-valued keys taken apart.
    static func optionsType(_ specific: [ParameterSpec], objects: [LuaField] = []) -> LuaType {
        let specs = specific + common.filter { c in !specific.contains { $0.name == c.name } }
        return .record(specs.map(LuaField.init) + objects)
    }

    /// The options at `index`, checked against `specific` + the common ones; object-valued
    /// keys named in `objects` (a Series of actuals, a table of levels) come back apart.
    static func options(_ call: LuaCall, _ index: Int32, _ specific: [ParameterSpec], owner: String,
                        objects: [String] = []) throws -> (set: ParameterSet, objects: [String: LuaValue]) {
        var given = try call.record(index, "options")
        var taken: [String: LuaValue] = [:]
        for key in objects { taken[key] = given.removeValue(forKey: key) }
        let (set, _) = try validateOptions(given, against: specific + common.filter { c in !specific.contains { $0.name == c.name } }, owner: owner)
        return (set, taken)
    }

    /// Applies title and size, draws the chart where it should go, and returns it to Lua.
    static func finish(_ figure: Figure, _ options: ParameterSet, _ call: LuaCall, context: HostContext) throws -> Int32 {
        var figure = figure
        if let title = options.string("title") {
            if figure.panels.count == 1 { figure.panels[0].title = title; figure.title = "" } else { figure.title = title }
        }
        switch options.string("size") {
        case "slide": figure.size = .slide
        case "tall": figure.size = .tall
        case "screen": figure.size = .screen
        default: break
        }
        if let w = options.integer("width") { figure.size.width = w }
        if let h = options.integer("height") { figure.size.height = h }
        let chart = ChartObject(figure, context: context)
        if let out = options.string("out") {
            _ = try chart.save(to: out)
        } else {
            let caption = options.string("caption") ?? options.string("title") ?? figure.title
            try ChartOutput.show(figure, caption: caption, context: context)
        }
        call.stack.pushUserdata(chart)
        return 1
    }

    /// A Series, or an array of numbers (positions 1, 2, ...).
    static func series(_ value: LuaValue, _ what: String) throws -> Series {
        switch value {
        case .object(let s as SeriesObject): return s.series
        case .array(let items):
            var values: [Double] = []
            for (i, item) in items.enumerated() {
                guard let x = item.doubleValue else { throw ScriptError("\(what): item \(i + 1) is a \(item.typeName), not a number") }
                values.append(x)
            }
            return Series(values: values)
        default: throw ScriptError("\(what) must be a Series or an array of numbers, got \(value.typeName == "nil" ? "nothing" : "a " + value.typeName)")
        }
    }

    /// One series or an array of them.
    static func seriesList(_ call: LuaCall, _ index: Int32, _ what: String) throws -> [Series] {
        if let s = call.stack.object(at: index, as: SeriesObject.self) { return [s.series] }
        let value = try call.value(index, what)
        if case .array(let items) = value, let first = items.first, case .object = first {
            return try items.enumerated().map { i, item in try series(item, "\(what)[\(i + 1)]") }
        }
        return [try series(value, what)]
    }

    /// Plain numbers from a Series or an array, without NaN checks (charts show gaps).
    static func numbers(_ call: LuaCall, _ index: Int32, _ what: String) throws -> [Double] {
        try series(try call.value(index, what), what).values
    }
}
