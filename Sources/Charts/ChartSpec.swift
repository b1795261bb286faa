/// A chart as data: what to draw, never how gnuplot spells it. Builders make
/// these from forecasts, decompositions or simulations; `GnuplotScript`
/// turns one into a gnuplot program.

/// A figure: one panel, or several laid out in a grid (small multiples,
/// residual diagnostics, a decomposition).
public struct Figure: Sendable, Equatable {
    public var title: String
    public var panels: [ChartPanel]
    /// Panels per row; rows follow from the panel count.
    public var columns: Int
    public var size: ChartSize

    public init(title: String = "", panels: [ChartPanel], columns: Int = 1, size: ChartSize = .screen) {
        self.title = title
        self.panels = panels
        self.columns = max(1, columns)
        self.size = size
    }

    public init(_ panel: ChartPanel, size: ChartSize = .screen) {
        self.init(title: "", panels: [panel], columns: 1, size: size)
    }

    public var rows: Int { (panels.count + columns - 1) / columns }
}

/// The drawing area in pixels (PDF: 100 pixels to the inch).
public struct ChartSize: Sendable, Equatable {
    public var width: Int
    public var height: Int
    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
    /// 16:9 for a screen or a report.
    public static let screen = ChartSize(width: 800, height: 450)
    /// 16:9 with larger type, for slides.
    public static let slide = ChartSize(width: 1280, height: 720)
    /// Tall, for stacked panels (decomposition).
    public static let tall = ChartSize(width: 800, height: 800)
}

/// One set of axes and what is drawn on them.
public struct ChartPanel: Sendable, Equatable {
    public var title = ""
    public var xAxis = Axis()
    public var yAxis = Axis()
    /// A second y axis on the right, for marks drawn with `onSecondAxis`.
    public var y2Axis: Axis?
    public var legend: LegendPosition = .topLeft
    public var marks: [Mark] = []
    /// A matrix drawn as coloured cells; the x and y axes then index its columns and rows.
    public var heatmap: Heatmap?

    public init(title: String = "", marks: [Mark] = []) {
        self.title = title
        self.marks = marks
    }
}

public enum LegendPosition: String, Sendable, Equatable {
    case topLeft = "top left", topRight = "top right", bottomLeft = "bottom left", bottomRight = "bottom right"
    case below = "below", hidden = "off"
}

public struct Axis: Sendable, Equatable {
    public var label = ""
    public var scale: AxisScale = .numeric
    public var lower: Double?
    public var upper: Double?
    public var logarithmic = false
    /// A printf-style format for the tick labels ("%.0f%%"), numeric axes only.
    public var tickFormat: String?
    public init(label: String = "", scale: AxisScale = .numeric) {
        self.label = label
        self.scale = scale
    }
}

public enum AxisScale: Sendable, Equatable {
    /// Plain numbers.
    case numeric
    /// x values are days since 1970-01-01; ticks fall on calendar boundaries.
    case calendar
    /// x values 0, 1, 2, ... each labelled with a name (bars by SKU, heatmap columns).
    case categories([String])
}

/// One layer of a panel.
public enum Mark: Sendable, Equatable {
    case line(Line)
    case band(Band)
    case bars(Bars)
    case impulses(Impulses)
    case points(Points)
    case rule(Rule)
    case label(Label)
}

public struct Line: Sendable, Equatable {
    public var name: String
    public var x: [Double]
    public var y: [Double]
    public var color: ChartColor
    public var width = 2.0
    public var dashed = false
    public var withPoints = false
    /// Drawn as a staircase (stock levels change between periods, not along them).
    public var steps = false
    public var onSecondAxis = false
    public init(name: String, x: [Double], y: [Double], color: ChartColor) {
        self.name = name
        self.x = x
        self.y = y
        self.color = color
    }
}

/// A shaded area between two curves (prediction intervals).
public struct Band: Sendable, Equatable {
    public var name: String
    public var x: [Double]
    public var lower: [Double]
    public var upper: [Double]
    public var color: ChartColor
    /// 0 transparent … 1 opaque.
    public var opacity: Double
    public init(name: String, x: [Double], lower: [Double], upper: [Double], color: ChartColor, opacity: Double) {
        self.name = name
        self.x = x
        self.lower = lower
        self.upper = upper
        self.color = color
        self.opacity = opacity
    }
}

public struct Bars: Sendable, Equatable {
    public var name: String
    public var x: [Double]
    public var heights: [Double]
    public var color: ChartColor
    /// In x units; nil: gnuplot's default (touching bars).
    public var width: Double?
    public var onSecondAxis = false
    public init(name: String, x: [Double], heights: [Double], color: ChartColor, width: Double? = nil) {
        self.name = name
        self.x = x
        self.heights = heights
        self.color = color
        self.width = width
    }
}

/// Vertical sticks from zero (autocorrelations, orders placed).
public struct Impulses: Sendable, Equatable {
    public var name: String
    public var x: [Double]
    public var y: [Double]
    public var color: ChartColor
    public var width = 3.0
    public init(name: String, x: [Double], y: [Double], color: ChartColor) {
        self.name = name
        self.x = x
        self.y = y
        self.color = color
    }
}

public struct Points: Sendable, Equatable {
    public var name: String
    public var x: [Double]
    public var y: [Double]
    public var color: ChartColor
    public var size = 0.8
    public var shape: PointShape = .circle
    public init(name: String, x: [Double], y: [Double], color: ChartColor) {
        self.name = name
        self.x = x
        self.y = y
        self.color = color
    }
}

public enum PointShape: Int, Sendable, Equatable {
    case cross = 2, circle = 7, square = 5, triangle = 9, diamond = 13
}

/// A horizontal or vertical reference line across the panel.
public struct Rule: Sendable, Equatable {
    public enum Orientation: Sendable, Equatable { case horizontal, vertical }
    public var orientation: Orientation
    public var at: Double
    public var color: ChartColor
    public var dashed = true
    public var name = ""
    /// A horizontal rule measured on the right-hand axis.
    public var onSecondAxis = false
    public init(_ orientation: Orientation, at: Double, color: ChartColor = .grey, dashed: Bool = true) {
        self.orientation = orientation
        self.at = at
        self.color = color
        self.dashed = dashed
    }
}

/// Text placed at a point in data coordinates.
public struct Label: Sendable, Equatable {
    /// Which side of its point the text goes: right of it (the default) or left of it,
    /// for a point near the right edge.
    public enum Side: Sendable, Equatable { case right, left }

    public var text: String
    public var x: Double
    public var y: Double
    public var side: Side
    public init(_ text: String, x: Double, y: Double, side: Side = .right) {
        self.text = text
        self.x = x
        self.y = y
        self.side = side
    }
}

/// values[row][column], rows drawn top to bottom.
public struct Heatmap: Sendable, Equatable {
    public var values: [[Double]]
    public var rowNames: [String]
    public var columnNames: [String]
    public var colorbarLabel: String
    public init(values: [[Double]], rowNames: [String], columnNames: [String], colorbarLabel: String = "") {
        self.values = values
        self.rowNames = rowNames
        self.columnNames = columnNames
        self.colorbarLabel = colorbarLabel
    }
}
