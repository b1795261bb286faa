/// The lines of a gnuplot program, panel by panel.
struct Writer {
    private(set) var text = ""
    private var blocks = 0

    mutating func line(_ s: String) { text += s + "\n" }

    mutating func dataBlock(_ x: [Double], _ ys: [[Double]]) -> String {
        blocks += 1
        let name = "$d\(blocks)"
        line("\(name) << EOD")
        for i in x.indices {
            line(([x[i]] + ys.map { $0[i] }).map(GnuplotQuoting.number).joined(separator: " "))
        }
        line("EOD")
        return name
    }

    mutating func matrixBlock(_ values: [[Double]]) -> String {
        blocks += 1
        let name = "$d\(blocks)"
        line("\(name) << EOD")
        for row in values { line(row.map(GnuplotQuoting.number).joined(separator: " ")) }
        line("EOD")
        return name
    }

    mutating func panel(_ panel: ChartPanel, number: Int, format: OutputFormat, columns: Int, labelRoom: Int) {
        let q = GnuplotQuoting.quoted
        line("# panel \(number)")
        if number > 1 { line("reset") }
        line("set border \(panel.y2Axis == nil ? 3 : 11) lc rgb '\(ChartStyle.axisColor)'")
        line("set tics nomirror out scale 0.5 textcolor rgb '\(ChartStyle.textColor)'")
        // In text a grid line is drawn with the same characters as the data.
        if format != .text { line("set grid ytics lc rgb '\(ChartStyle.gridColor)' lt 1 lw 1") }
        line("set style fill solid 1.0 noborder")
        line(panel.legend == .hidden ? "set key off" : "set key \(panel.legend.rawValue) noopaque nobox samplen 2")
        if !panel.title.isEmpty { line("set title \(q(panel.title))") }
        axis(panel.xAxis, name: "x", panel: panel, format: format, columns: columns, labelRoom: labelRoom)
        axis(panel.yAxis, name: "y", panel: panel, format: format, columns: columns, labelRoom: labelRoom)
        if let y2 = panel.y2Axis {
            line("set y2tics nomirror")
            axis(y2, name: "y2", panel: panel, format: format, columns: columns, labelRoom: labelRoom)
        }
        var items: [String] = []
        if let heatmap = panel.heatmap { items.append(self.heatmap(heatmap, format: format)) }
        for mark in panel.marks { items += plotItems(mark, format: format) }
        if items.isEmpty { items.append("NaN notitle") }
        line("plot " + items.joined(separator: ", \\\n     "))
    }

    private mutating func axis(
        _ axis: Axis, name: String, panel: ChartPanel, format: OutputFormat, columns: Int, labelRoom: Int
    ) {
        let q = GnuplotQuoting.quoted
        if !axis.label.isEmpty { line("set \(name)label \(q(axis.label))") }
        if axis.logarithmic { line("set logscale \(name)") }
        if let f = axis.tickFormat { line("set format \(name) \(q(f))") }
        switch axis.scale {
        case .numeric: break
        case .calendar:
            let xs = panel.marks.flatMap { $0.columns.x }.filter(\.isFinite)
            if let lo = xs.min(), let hi = xs.max() {
                let maxTicks = max(2, labelRoom / columns)
                let ticks = CalendarTicks.ticks(from: lo, to: hi, maxTicks: maxTicks)
                if !ticks.isEmpty {
                    line("set \(name)tics (" + ticks.map { "\(q($0.label)) \($0.day)" }.joined(separator: ", ") + ")")
                }
            }
            line("set autoscale \(name)fix")
        case .categories(let names):
            let rotate = names.count > 8 || names.contains { $0.count > 6 }
            line(
                "set \(name)tics (" + names.enumerated().map { "\(q($0.element)) \($0.offset)" }.joined(separator: ", ")
                    + ")"
                    + (rotate ? " rotate by 45 right" : ""))
            line("set \(name)range [-0.5:\(GnuplotQuoting.number(Double(names.count) - 0.5))]")
        }
        if axis.lower != nil || axis.upper != nil {
            let lo = axis.lower.map(GnuplotQuoting.number) ?? "*", hi = axis.upper.map(GnuplotQuoting.number) ?? "*"
            line("set \(name)range [\(lo):\(hi)]")
        }
    }

    /// Cells must stay sharp-edged. `with image` puts a bitmap of one pixel per cell into
    /// the output; pngcairo draws it pixel for pixel and pdfcairo marks it
    /// `/Interpolate false`, but an SVG `<image>` is stretched and smoothed by browsers.
    /// So SVG gets `with image pixels`: one filled polygon per cell, drawn with
    /// `shape-rendering='crispEdges'`. (In PNG those polygons would leave faint
    /// anti-aliased seams between cells, so raster and PDF output keep the bitmap.)
    private mutating func heatmap(_ h: Heatmap, format: OutputFormat) -> String {
        let q = GnuplotQuoting.quoted
        let stops = ChartStyle.heatmapPalette.enumerated().map { "\($0.offset) '\($0.element)'" }.joined(
            separator: ", ")
        line("set palette defined (\(stops))")
        if !h.colorbarLabel.isEmpty { line("set cblabel \(q(h.colorbarLabel))") }
        let rotate = h.columnNames.count > 8 || h.columnNames.contains { $0.count > 6 }
        line(
            "set xtics (" + h.columnNames.enumerated().map { "\(q($0.element)) \($0.offset)" }.joined(separator: ", ")
                + ")"
                + (rotate ? " rotate by 45 right" : ""))
        line(
            "set ytics (" + h.rowNames.enumerated().map { "\(q($0.element)) \($0.offset)" }.joined(separator: ", ")
                + ")")
        line("set xrange [-0.5:\(GnuplotQuoting.number(Double(h.values[0].count) - 0.5))]")
        line("set yrange [\(GnuplotQuoting.number(Double(h.values.count) - 0.5)):-0.5]")
        line("unset grid")
        let data = matrixBlock(h.values)
        return "\(data) matrix with image\(format == .svg ? " pixels" : "") notitle"
    }

    private mutating func plotItems(_ mark: Mark, format: OutputFormat) -> [String] {
        let q = GnuplotQuoting.quoted
        func title(_ name: String) -> String { name.isEmpty ? "notitle" : "title \(q(name))" }
        func color(_ c: ChartColor) -> String { "lc rgb '\(c.hex)'" }
        let (x, ys) = mark.columns
        switch mark {
        case .line(let m):
            let data = dataBlock(x, ys)
            let style = m.steps ? "steps" : m.withPoints && format != .text ? "linespoints pt 7 ps 0.5" : "lines"
            let axes = m.onSecondAxis ? " axes x1y2" : ""
            return [
                "\(data) using 1:2\(axes) with \(style) lw \(GnuplotQuoting.number(m.width)) dt \(m.dashed ? 2 : 1) \(color(m.color)) \(title(m.name))"
            ]
        case .band(let m):
            let data = dataBlock(x, ys)
            if format == .text {  // a filled area would hide everything in text; draw its edges
                return [
                    "\(data) using 1:2 with lines dt 2 \(color(m.color)) \(title(m.name))",
                    "\(data) using 1:3 with lines dt 2 \(color(m.color)) notitle",
                ]
            }
            return [
                "\(data) using 1:2:3 with filledcurves fc rgb '\(m.color.hex)' fs transparent solid \(GnuplotQuoting.number(m.opacity)) noborder \(title(m.name))"
            ]
        case .bars(let m):
            let data = dataBlock(x, ys)
            let width = m.width.map { ":(\(GnuplotQuoting.number($0)))" } ?? ""
            let axes = m.onSecondAxis ? " axes x1y2" : ""
            return [
                "\(data) using 1:2\(width)\(axes) with boxes fc rgb '\(m.color.hex)' fs solid 0.85 noborder \(title(m.name))"
            ]
        case .impulses(let m):
            let data = dataBlock(x, ys)
            return [
                "\(data) using 1:2 with impulses lw \(GnuplotQuoting.number(m.width)) \(color(m.color)) \(title(m.name))"
            ]
        case .points(let m):
            let data = dataBlock(x, ys)
            return [
                "\(data) using 1:2 with points pt \(m.shape.rawValue) ps \(GnuplotQuoting.number(m.size)) \(color(m.color)) \(title(m.name))"
            ]
        case .rule(let r):
            let at = GnuplotQuoting.number(r.at)
            let system = r.onSecondAxis ? "second" : "first"
            let from =
                r.orientation == .horizontal
                ? "graph 0, \(system) \(at) to graph 1, \(system) \(at)"
                : "first \(at), graph 0 to first \(at), graph 1"
            line("set arrow from \(from) nohead \(color(r.color)) lw 1.5 dt \(r.dashed ? 2 : 1) back")
            // A named rule also needs a legend entry: an empty line of its style.
            return r.name.isEmpty
                ? [] : ["NaN with lines lw 1.5 dt \(r.dashed ? 2 : 1) \(color(r.color)) \(title(r.name))"]
        case .label(let l):
            let placement = l.side == .right ? "front offset 0.5,1" : "right front offset -0.5,1"
            line(
                "set label \(q(l.text)) at first \(GnuplotQuoting.number(l.x)), first \(GnuplotQuoting.number(l.y)) \(placement)"
            )
            return []
        }
    }
}
