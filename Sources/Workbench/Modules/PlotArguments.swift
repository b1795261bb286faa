import AlmanacCore
import Charts
import LuaBridge
import TimeSeries

/// The chart sizes `size` names.
enum PlotSize: String, LuaChoice {
    case screen, slide, tall
}

/// The options every plot.* function takes, after its own.
struct PlotCommonOptions {
    var title: String?
    var out: String?
    var size: PlotSize?
    var width: Int?
    var height: Int?
    var caption: String?
}

/// A plot function's declared arguments: its own, then the common options.
protocol PlotArgumentList: LuaArguments {
    var common: PlotCommonOptions { get set }
}

extension PlotArgumentList {
    /// The common options' declarations, appended to each function's own.
    static var commonOptions: [LuaArgument<Self>] {
        [
            .option(\.common.title, "the chart's title"),
            .option(
                \.common.out,
                "a file to draw into, .png, .svg, .pdf or .txt (relative paths go into the output folder); without it the chart goes into the report when rendering, else to the terminal as text"
            ),
            .option(\.common.size, "screen (800×450, the default), slide (1280×720, larger type) or tall (800×800)"),
            .option(\.common.width, "width in pixels (overrides size)", range: ParameterRange(lower: 200, upper: 4000)),
            .option(
                \.common.height, "height in pixels (overrides size)", range: ParameterRange(lower: 150, upper: 4000)),
            .option(\.common.caption, "the figure's caption in a report; default the title"),
        ]
    }
}

/// What plot functions share: the finishing step, and the Lua values charts are made from.
enum PlotArguments {
    /// Applies title and size, draws the chart where it should go, and returns it to Lua.
    static func finish(_ figure: Figure, _ options: PlotCommonOptions, _ call: LuaCall, context: HostContext) throws
        -> Int32
    {
        var figure = figure
        if let title = options.title {
            if figure.panels.count == 1 {
                figure.panels[0].title = title; figure.title = ""
            } else {
                figure.title = title
            }
        }
        switch options.size {
        case .slide: figure.size = .slide
        case .tall: figure.size = .tall
        case .screen: figure.size = .screen
        case nil: break
        }
        if let w = options.width { figure.size.width = w }
        if let h = options.height { figure.size.height = h }
        let chart = ChartObject(figure, context: context)
        if let out = options.out {
            _ = try chart.save(to: out)
        } else {
            let caption = options.caption ?? options.title ?? figure.title
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
                guard let x = item.doubleValue else {
                    throw ScriptError("\(what): item \(i + 1) is a \(item.typeName), not a number")
                }
                values.append(x)
            }
            return Series(values: values)
        default:
            throw ScriptError(
                "\(what) must be a Series or an array of numbers, got \(value.typeName == "nil" ? "nothing" : "a " + value.typeName)"
            )
        }
    }

    /// One series or an array of them.
    static func seriesList(_ value: LuaValue, _ what: String) throws -> [Series] {
        if case .object(let s as SeriesObject) = value { return [s.series] }
        if case .array(let items) = value, let first = items.first, case .object = first {
            return try items.enumerated().map { i, item in try series(item, "\(what)[\(i + 1)]") }
        }
        return [try series(value, what)]
    }
}
