import AlmanacCore
import Charts
import LuaBridge

/// plot.histogram, plot.scatter, plot.heatmap.
enum PlotGeneral {
    struct HistogramArguments: PlotArgumentList {
        var values = LuaValue.nil
        var bins: Int?
        var xlabel = ""
        var common = PlotCommonOptions()
        static let arguments: [LuaArgument<Self>] =
            [
                .required(\.values, "the numbers (a Series or an array)", type: .seriesLike),
                .option(\.bins, "number of bins", range: ParameterRange(lower: 1, upper: 1000)),
                .option(\.xlabel, "the x axis label"),
            ] + commonOptions
    }

    static func histogram(_ context: HostContext) -> LuaFunctionSpec {
        LuaFunctionSpec(
            "histogram", in: "plot",
            summary:
                "A histogram of numbers (a Series or an array); Sturges' number of bins, as R's hist, unless `bins` is given.",
            details: PlotModule.commonDetails,
            example:
                "plot.histogram(dist.gamma(2, 5):sample(500), { bins = 20, title = \"Lead-time demand\", out = \"hist.svg\" })",
            arguments: HistogramArguments.self, returns: [.init(.chart)]
        ) { args, call in
            let values = try PlotArguments.series(args.values, "plot.histogram: values").values
            let figure = try ChartBuilder.histogram(values, bins: args.bins, xLabel: args.xlabel)
            return try PlotArguments.finish(figure, args.common, call, context: context)
        }
    }

    struct ScatterArguments: PlotArgumentList {
        var x = LuaValue.nil
        var y = LuaValue.nil
        var fit = false
        var xlabel = ""
        var ylabel = ""
        var common = PlotCommonOptions()
        static let arguments: [LuaArgument<Self>] =
            [
                .required(\.x, "the x coordinates (a Series or an array)", type: .seriesLike),
                .required(\.y, "the y coordinates", type: .seriesLike),
                .option(\.fit, "draw the least-squares line"),
                .option(\.xlabel, "the x axis label"),
                .option(\.ylabel, "the y axis label"),
            ] + commonOptions
    }

    static func scatter(_ context: HostContext) -> LuaFunctionSpec {
        LuaFunctionSpec(
            "scatter", in: "plot",
            summary: "Points (x, y), with the least-squares line when `fit = true`.",
            details: PlotModule.commonDetails,
            example:
                "plot.scatter({ 1, 2, 3, 4, 5 }, { 2.1, 3.9, 6.2, 7.8, 10.1 }, { fit = true, xlabel = \"price\", ylabel = \"units\", out = \"scatter.svg\" })",
            arguments: ScatterArguments.self, returns: [.init(.chart)]
        ) { args, call in
            let x = try PlotArguments.series(args.x, "plot.scatter: x").values
            let y = try PlotArguments.series(args.y, "plot.scatter: y").values
            let figure = try ChartBuilder.scatter(
                x: x, y: y, xLabel: args.xlabel, yLabel: args.ylabel, fitLine: args.fit)
            return try PlotArguments.finish(figure, args.common, call, context: context)
        }
    }

    struct HeatmapArguments: PlotArgumentList {
        var matrix = LuaValue.nil
        var rows: [String] = []
        var columns: [String] = []
        var label = ""
        var common = PlotCommonOptions()
        static let arguments: [LuaArgument<Self>] =
            [
                .required(
                    \.matrix, "an array of rows, each an array of numbers of the same length",
                    type: .array(.array(.number))),
                .option(\.rows, "row names (default 1, 2, ...)"),
                .option(\.columns, "column names (default 1, 2, ...)"),
                .option(\.label, "what the colours measure"),
            ] + commonOptions
    }

    static func heatmap(_ context: HostContext) -> LuaFunctionSpec {
        LuaFunctionSpec(
            "heatmap", in: "plot",
            summary: "A matrix as coloured cells (e.g. error by SKU × horizon); `rows` and `columns` name them.",
            details: "`matrix` is an array of rows, each an array of numbers of the same length. "
                + PlotModule.commonDetails,
            example: """
                plot.heatmap({ { 5, 7, 9 }, { 3, 4, 8 } }, { rows = { "sku1", "sku2" }, columns = { "h1", "h2", "h3" },
                  label = "sMAPE", out = "heat.svg" })
                """,
            arguments: HeatmapArguments.self, returns: [.init(.chart)]
        ) { args, call in
            guard case .array(let rows) = args.matrix else {
                throw ScriptError("plot.heatmap: argument 1 must be an array of rows, each an array of numbers")
            }
            let matrix = try rows.enumerated().map { i, row throws -> [Double] in
                guard case .array(let cells) = row else {
                    throw ScriptError("plot.heatmap: row \(i + 1) is not an array of numbers")
                }
                return try cells.enumerated().map { j, cell throws -> Double in
                    guard let x = cell.doubleValue else {
                        throw ScriptError(
                            "plot.heatmap: row \(i + 1), column \(j + 1) is a \(cell.typeName), not a number")
                    }
                    return x
                }
            }
            let width = matrix.first?.count ?? 0
            // An empty list of names means none given: the positions name them.
            let figure = try ChartBuilder.heatmap(
                matrix, rowNames: args.rows.isEmpty ? matrix.indices.map { "\($0 + 1)" } : args.rows,
                columnNames: args.columns.isEmpty ? (0..<width).map { "\($0 + 1)" } : args.columns,
                colorbarLabel: args.label)
            return try PlotArguments.finish(figure, args.common, call, context: context)
        }
    }
}
