import Charts
import Foundation
import Testing

/// Heatmap cells stay sharp-edged in every format: SVG draws one crisp polygon per cell (an
/// embedded bitmap is smoothed by browsers); PDF keeps the bitmap, marked not to be interpolated.
@Suite(.enabled(if: Fixtures.gnuplotAvailable)) struct HeatmapOutputTests {
    static func heatmap() throws -> Figure {
        try ChartBuilder.heatmap([[5, 7, 9], [3, 4, 8]], rowNames: ["a", "b"], columnNames: ["x", "y", "z"])
    }

    @Test func svgCellsArePolygonsWithCrispEdges() throws {
        let runner = try GnuplotRunner.located()
        let svg = String(
            decoding: try runner.run(try GnuplotScript.render(try Self.heatmap(), format: .svg), format: .svg),
            as: UTF8.self)
        #expect(!svg.contains("<image"), "a bitmap in the SVG is smoothed when a browser stretches it")
        #expect(svg.contains("shape-rendering='crispEdges'"))
        // Six cells, each a polygon of its own colour (the colour bar is drawn apart).
        let viridisEnds = ["rgb( 68,   1,  84)", "rgb(253, 231,  37)"]  // the lowest (3) and highest (9) values
        for colour in viridisEnds { #expect(svg.contains("<polygon fill = '\(colour)'"), "\(colour)") }
    }

    @Test func pngAndPdfKeepAnUninterpolatedBitmap() throws {
        let runner = try GnuplotRunner.located()
        for format in [OutputFormat.png, .pdf] {
            #expect(try GnuplotScript.render(try Self.heatmap(), format: format).contains("matrix with image notitle"))
        }
        let pdf = try runner.run(try GnuplotScript.render(try Self.heatmap(), format: .pdf), format: .pdf)
        let text = String(decoding: pdf, as: UTF8.self)
        #expect(text.contains("/Interpolate false") && !text.contains("/Interpolate true"))
    }
}
