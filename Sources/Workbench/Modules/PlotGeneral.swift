import AlmanacCore
import Charts
import LuaBridge

/// plot.histogram, plot.scatter, plot.heatmap.
enum PlotGeneral {
    static let histogramOptions = [
        ParameterSpec("bins", .integer, range: ParameterRange(lower: 1, upper: 1000), doc: "number of bins"),
        ParameterSpec("xlabel", .string, doc: "the x axis label"),
    ]

    static func histogram(_ context: HostContext) -> LuaFunctionSpec {
        LuaFunctionSpec(
            "histogram", signature: "plot.histogram(values [, { bins =, xlabel =, out =, ... }]) -> Chart",
            summary: "A histogram of numbers (a Series or an array); Sturges' number of bins, as R's hist, unless `bins` is given.",
            details: PlotModule.commonDetails,
            example: "plot.histogram(dist.gamma(2, 5):sample(500), { bins = 20, title = \"Lead-time demand\", out = \"hist.svg\" })",
            types: LuaSignature([.init("values", .seriesLike), .optional("options", PlotArguments.optionsType(histogramOptions))], returns: [.chart])
        ) { call in
            let values = try PlotArguments.numbers(call, 1, "plot.histogram: values")
            let (o, _) = try PlotArguments.options(call, 2, histogramOptions, owner: "plot.histogram")
            let figure = try ChartBuilder.histogram(values, bins: o.integer("bins"), xLabel: o.string("xlabel") ?? "")
            return try PlotArguments.finish(figure, o, call, context: context)
        }
    }

    static let scatterOptions = [
        ParameterSpec("fit", .boolean, default: .boolean(false), doc: "draw the least-squares line"),
        ParameterSpec("xlabel", .string, doc: "the x axis label"),
        ParameterSpec("ylabel", .string, doc: "the y axis label"),
    ]

    static func scatter(_ context: HostContext) -> LuaFunctionSpec {
        LuaFunctionSpec(
            "scatter", signature: "plot.scatter(x, y [, { fit = false, xlabel =, ylabel =, out =, ... }]) -> Chart",
            summary: "Points (x, y), with the least-squares line when `fit = true`.",
            details: PlotModule.commonDetails,
            example: "plot.scatter({ 1, 2, 3, 4, 5 }, { 2.1, 3.9, 6.2, 7.8, 10.1 }, { fit = true, xlabel = \"price\", ylabel = \"units\", out = \"scatter.svg\" })",
            types: LuaSignature([.init("x", .seriesLike), .init("y", .seriesLike), .optional("options", PlotArguments.optionsType(scatterOptions))], returns: [.chart])
        ) { call in
            let x = try PlotArguments.numbers(call, 1, "plot.scatter: x"), y = try PlotArguments.numbers(call, 2, "plot.scatter: y")
            let (o, _) = try PlotArguments.options(call, 3, scatterOptions, owner: "plot.scatter")
            let figure = try ChartBuilder.scatter(x: x, y: y, xLabel: o.string("xlabel") ?? "", yLabel: o.string("ylabel") ?? "",
                                                  fitLine: o.boolean("fit") ?? false)
            return try PlotArguments.finish(figure, o, call, context: context)
        }
    }

    static let heatmapOptions = [
        ParameterSpec("rows", .strings, doc: "row names (default 1, 2, ...)"),
        ParameterSpec("columns", .strings, doc: "column names (default 1, 2, ...)"),
        ParameterSpec("label", .string, doc: "what the colours measure"),
    ]

    static func heatmap(_ context: HostContext) -> LuaFunctionSpec {
        LuaFunctionSpec(
            "heatmap", signature: "plot.heatmap(matrix [, { rows =, columns =, label =, out =, ... }]) -> Chart",
            summary: "A matrix as coloured cells (e.g. error by SKU × horizon); `rows` and `columns` name them.",
            details: "`matrix` is an array of rows, each an array of numbers of the same length. " + PlotModule.commonDetails,
            example: """
            plot.heatmap({ { 5, 7, 9 }, { 3, 4, 8 } }, { rows = { "sku1", "sku2" }, columns = { "h1", "h2", "h3" },
              label = "sMAPE", out = "heat.svg" })
            """,
            types: LuaSignature([.init("matrix", .array(.array(.number))), .optional("options", PlotArguments.optionsType(heatmapOptions))], returns: [.chart])
        ) { call in
            guard case .array(let rows) = try call.value(1, "matrix") else {
                throw ScriptError("plot.heatmap: argument 1 must be an array of rows, each an array of numbers")
            }
            let matrix = try rows.enumerated().map { i, row throws -> [Double] in
                guard case .array(let cells) = row else { throw ScriptError("plot.heatmap: row \(i + 1) is not an array of numbers") }
                return try cells.enumerated().map { j, cell throws -> Double in
                    guard let x = cell.doubleValue else { throw ScriptError("plot.heatmap: row \(i + 1), column \(j + 1) is a \(cell.typeName), not a number") }
                    return x
                }
            }
            let (o, _) = try PlotArguments.options(call, 2, heatmapOptions, owner: "plot.heatmap")
            let width = matrix.first?.count ?? 0
            let figure = try ChartBuilder.heatmap(matrix, rowNames: o.strings("rows") ?? matrix.indices.map { "\($0 + 1)" },
                                                  columnNames: o.strings("columns") ?? (0..<width).map { "\($0 + 1)" },
                                                  colorbarLabel: o.string("label") ?? "")
            return try PlotArguments.finish(figure, o, call, context: context)
        }
    }
}
