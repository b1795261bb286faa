/// Colours safe for colour blindness: Okabe & Ito's palette (2008), plus greys.
public struct ChartColor: Sendable, Equatable, Hashable {
    /// "#RRGGBB".
    public let hex: String
    public init(hex: String) { self.hex = hex }

    public static let black = ChartColor(hex: "#000000")
    public static let orange = ChartColor(hex: "#E69F00")
    public static let skyBlue = ChartColor(hex: "#56B4E9")
    public static let green = ChartColor(hex: "#009E73")
    public static let yellow = ChartColor(hex: "#F0E442")
    public static let blue = ChartColor(hex: "#0072B2")
    public static let vermillion = ChartColor(hex: "#D55E00")
    public static let purple = ChartColor(hex: "#CC79A7")
    public static let grey = ChartColor(hex: "#777777")
    public static let darkGrey = ChartColor(hex: "#333333")

    /// The order in which series take colours: the most distinct first, yellow last (weak on white).
    public static let cycle: [ChartColor] = [.blue, .vermillion, .green, .orange, .purple, .skyBlue, .black, .yellow]

    public static func cycled(_ i: Int) -> ChartColor { cycle[((i % cycle.count) + cycle.count) % cycle.count] }
}

/// The house style: one place for fonts and sizes.
enum ChartStyle {
    static let fontFamily = "sans"
    /// Type size in points for a figure `size` wide: 11 pt at 800 px, growing with the width (slides).
    static func fontSize(for size: ChartSize) -> Int { max(8, Int((Double(size.width) / 800 * 11).rounded())) }
    static let axisColor = "#555555"
    static let textColor = "#222222"
    static let gridColor = "#E5E5E5"
    /// Viridis stops (perceptually uniform, readable in grey and by colour-blind readers).
    static let heatmapPalette = ["#440154", "#3B528B", "#21908C", "#5DC863", "#FDE725"]
}
