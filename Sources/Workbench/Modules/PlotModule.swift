import AlmanacCore
import Charts
import LuaBridge

/// `plot.*`: typed charts drawn by gnuplot (see docs/charts.md).
enum PlotModule {
    static func spec(_ context: HostContext) -> LuaModuleSpec {
        LuaModuleSpec(
            "plot",
            summary:
                "Charts through gnuplot: into a file (out = \"x.png|svg|pdf|txt\"), into the report when rendering, or as text on the terminal.",
            functions: [
                PlotSeriesFunctions.series(context), PlotSeriesFunctions.panel(context),
                PlotSeriesFunctions.forecast(context),
                PlotDiagnostics.acf(context), PlotDiagnostics.residuals(context),
                PlotDiagnostics.decomposition(context),
                PlotInventory.costCurve(context), PlotInventory.eoq(context), PlotInventory.simulation(context),
                PlotInventory.pareto(context),
                PlotGeneral.histogram(context), PlotGeneral.scatter(context), PlotGeneral.heatmap(context),
            ])
    }

    /// The text every plot function's docs share.
    static let commonDetails =
        "Every plot function also takes `title`, `out`, `size`, `width`, `height` and `caption` (see docs/charts.md) and returns a Chart (`chart:save(path)`, `chart:gnuplot()`)."
}
