/// What gnuplot draws into, chosen from the output file's extension.
public enum OutputFormat: String, Sendable, Equatable, CaseIterable {
    case png, svg, pdf
    /// Text for a terminal (gnuplot's dumb terminal).
    case text

    /// png, svg or pdf from "chart.png"; nil for any other extension.
    public init?(fileName: String) {
        guard let dot = fileName.lastIndex(of: "."), !fileName[dot...].contains("/") else { return nil }
        switch fileName[fileName.index(after: dot)...].lowercased() {
        case "png": self = .png
        case "svg": self = .svg
        case "pdf": self = .pdf
        case "txt": self = .text
        default: return nil
        }
    }

    /// Extensions accepted in an output file name, for messages.
    public static let extensions = ".png, .svg, .pdf or .txt"
}

/// The size of a text chart, in characters.
public struct TextSize: Sendable, Equatable {
    public var columns: Int
    public var rows: Int
    public init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
    }
    public static let standard = TextSize(columns: 100, rows: 30)
}
