/// One thing a cell produced, in the order it was produced.
public enum CellOutput: Sendable, Equatable {
    /// What the cell printed.
    case text(String)
    case table(ReportTable)
    /// A complete SVG document (gnuplot's) and its caption.
    case figure(svg: String, caption: String)
    /// Markdown the cell wrote with `report.md`.
    case markdown(String)
    /// An error message (the failing cell's).
    case error(String)
}
