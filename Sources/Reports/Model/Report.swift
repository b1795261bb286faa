/// Everything a report shows, as plain values: what the notebook declared, each
/// cell with what it produced, whether the run finished, and how to reproduce it.
/// The writers (`HTMLReportWriter`, `MarkdownReportWriter`) turn it into one file.
public struct Report: Sendable, Equatable {
    public var header: NotebookHeader
    public var cells: [RenderedCell]
    public var status: ReportStatus
    public var reproducibility: ReproducibilityInfo

    public init(
        header: NotebookHeader, cells: [RenderedCell], status: ReportStatus, reproducibility: ReproducibilityInfo
    ) {
        self.header = header
        self.cells = cells
        self.status = status
        self.reproducibility = reproducibility
    }
}

public enum ReportStatus: Sendable, Equatable {
    case complete
    /// The run stopped in cell `cellIndex` (1-based, as in `instrumentedSource`);
    /// the cells after it did not run. An index outside the cells means the
    /// script failed outside any cell.
    case failed(cellIndex: Int, message: String)
}

public struct RenderedCell: Sendable, Equatable {
    public var cell: NotebookCell
    public var outputs: [CellOutput]

    public init(cell: NotebookCell, outputs: [CellOutput] = []) {
        self.cell = cell
        self.outputs = outputs
    }
}
