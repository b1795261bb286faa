/// One cell of a notebook script: Lua code, or Markdown written as Lua comments.
public struct NotebookCell: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable {
        case code
        case markdown
    }

    public var kind: Kind
    /// The text after `-- %%` (and after `[markdown]`), trimmed; nil when there is none.
    public var title: String?
    /// Code cells: the Lua lines as written. Markdown cells: the Markdown, comment
    /// markers removed. Leading and trailing blank lines are dropped.
    public var text: String
    /// The 1-based line of the `-- %%` marker; nil for the implicit first cell
    /// (code before the first marker).
    public var markerLine: Int?
    /// The 1-based lines from the first to the last non-blank content line; nil
    /// for a cell with no content.
    public var contentLines: ClosedRange<Int>?

    public init(kind: Kind, title: String?, text: String, markerLine: Int?, contentLines: ClosedRange<Int>?) {
        self.kind = kind
        self.title = title
        self.text = text
        self.markerLine = markerLine
        self.contentLines = contentLines
    }

    public var firstContentLine: Int? { contentLines?.lowerBound }
    public var lastContentLine: Int? { contentLines?.upperBound }
}
