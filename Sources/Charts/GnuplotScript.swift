/// Writes a `Figure` as a self-contained gnuplot program: data in inline
/// blocks, every user string single-quoted, output to standard output (so
/// the program names no file). The text is what golden tests compare.
public enum GnuplotScript {
    public static func render(_ figure: Figure, format: OutputFormat, textSize: TextSize = .standard) throws(ChartError)
        -> String
    {
        try validate(figure)
        var w = Writer()
        w.line("# Almanac figure: \(oneLine(figure.title.isEmpty ? figure.panels.first?.title ?? "" : figure.title))")
        w.line(terminal(format, size: figure.size, text: textSize))
        w.line("set encoding utf8")
        let multi = figure.panels.count > 1
        if multi {
            var layout = "set multiplot layout \(figure.rows),\(figure.columns)"
            if !figure.title.isEmpty {
                layout +=
                    " title \(GnuplotQuoting.quoted(figure.title)) font ',\(ChartStyle.fontSize(for: figure.size) + 2)'"
            }
            w.line(layout)
        }
        for (p, panel) in figure.panels.enumerated() {
            var panel = panel
            if !multi, panel.title.isEmpty { panel.title = figure.title }
            // About one date label per 100 pixels (or 14 characters) of width, so labels never touch.
            let room = format == .text ? textSize.columns / 14 : figure.size.width / 100
            w.panel(panel, number: p + 1, format: format, columns: figure.columns, labelRoom: room)
        }
        if multi { w.line("unset multiplot") }
        return w.text
    }

    static func terminal(_ format: OutputFormat, size: ChartSize, text: TextSize) -> String {
        let font = "font '\(ChartStyle.fontFamily),\(ChartStyle.fontSize(for: size))'"
        switch format {
        case .png:
            return "set terminal pngcairo size \(size.width),\(size.height) \(font) background rgb 'white' noenhanced"
        case .svg: return "set terminal svg size \(size.width),\(size.height) \(font) background rgb 'white' noenhanced"
        case .pdf:
            let inches = { (px: Int) in GnuplotQuoting.number(Double(px) / 100) + "in" }
            return
                "set terminal pdfcairo size \(inches(size.width)),\(inches(size.height)) \(font) background rgb 'white' noenhanced"
        case .text: return "set terminal dumb size \(text.columns),\(text.rows) noenhanced"
        }
    }

    static func validate(_ figure: Figure) throws(ChartError) {
        guard !figure.panels.isEmpty else { throw ChartError("the figure has no panels to draw") }
        for panel in figure.panels {
            let name = panel.title.isEmpty ? "the panel" : "panel '\(panel.title)'"
            var finite = panel.heatmap != nil
            for mark in panel.marks {
                let (x, ys) = mark.columns
                for y in ys where y.count != x.count {
                    throw ChartError("\(name): '\(mark.name)' has \(x.count) x values but \(y.count) y values")
                }
                if let first = ys.first, zip(x, first).contains(where: { $0.isFinite && $1.isFinite }) { finite = true }
            }
            if let heatmap = panel.heatmap {
                guard !heatmap.values.isEmpty, let width = heatmap.values.first?.count, width > 0,
                    heatmap.values.allSatisfy({ $0.count == width })
                else {
                    throw ChartError("\(name): a heatmap needs a non-empty matrix with rows of equal length")
                }
            }
            guard finite else { throw ChartError("\(name) has no finite values to draw") }
        }
    }

    /// Text for the comment line: no line breaks, and never a backslash at the
    /// end, which would continue the comment over the next line (`set terminal`).
    static func oneLine(_ text: String) -> String {
        let flat = String(text.unicodeScalars.map { $0.value < 0x20 ? " " : Character($0) })
        return flat.hasSuffix("\\") ? flat + " " : flat
    }
}

extension Mark {
    var name: String {
        switch self {
        case .line(let m): m.name
        case .band(let m): m.name
        case .bars(let m): m.name
        case .impulses(let m): m.name
        case .points(let m): m.name
        case .rule(let m): m.name
        case .label(let m): m.text
        }
    }

    /// The x values and the y columns that go into the mark's data block (none for rules and labels).
    var columns: (x: [Double], ys: [[Double]]) {
        switch self {
        case .line(let m): (m.x, [m.y])
        case .band(let m): (m.x, [m.lower, m.upper])
        case .bars(let m): (m.x, [m.heights])
        case .impulses(let m): (m.x, [m.y])
        case .points(let m): (m.x, [m.y])
        case .rule, .label: ([], [])
        }
    }
}
