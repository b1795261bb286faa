/// A notebook script parsed into its header and cells. Produced by
/// `NotebookParser`; `instrumentedSource(cellCall:)` turns it back into one
/// Lua chunk for running.
public struct Notebook: Sendable, Equatable {
    /// The path the script was read from, as given (used in messages and reports).
    public var path: String
    public var header: NotebookHeader
    public var cells: [NotebookCell]
    /// The script's lines, split the way Lua counts lines (`\n`, `\r`, `\r\n`, `\n\r`).
    public var sourceLines: [String]
    /// The 1-based lines of the header block, `-- ---` fences included; nil without a header.
    public var headerLines: ClosedRange<Int>?
    /// Whether line 1 is a `#!` line (Lua skips it when loading a file, not a string).
    public var hasShebang: Bool

    public init(
        path: String, header: NotebookHeader, cells: [NotebookCell],
        sourceLines: [String], headerLines: ClosedRange<Int>?, hasShebang: Bool
    ) {
        self.path = path
        self.header = header
        self.cells = cells
        self.sourceLines = sourceLines
        self.headerLines = headerLines
        self.hasShebang = hasShebang
    }
}
