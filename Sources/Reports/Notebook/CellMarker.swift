/// A `-- %%` line that begins a cell (Jupytext's "percent" format with Lua's comment
/// marker): `-- %%`, `-- %% Title`, `-- %% [markdown]`, `-- %% [markdown] Title`
/// (Jupytext itself writes `-- %% Title [markdown]`, which is read the same).
struct CellMarker: Equatable {
    var kind: NotebookCell.Kind
    var title: String?

    private static let prefix = "-- %%"
    private static let markdownTags = ["[markdown]", "[md]"]

    /// The marker on `line`, or nil when the line is not one. Trailing whitespace is ignored.
    init?(line: String) {
        let line = line.trimmedTrailingWhitespace
        guard line == Self.prefix || line.hasPrefix(Self.prefix + " ") else { return nil }
        var words = line.dropFirst(Self.prefix.count).split(whereSeparator: \.isWhitespace).map(String.init)
        kind = .code
        if let tag = words.firstIndex(where: { Self.markdownTags.contains($0) }) {
            kind = .markdown
            words.remove(at: tag)
        }
        title = words.isEmpty ? nil : words.joined(separator: " ")
    }
}

extension String {
    var trimmedTrailingWhitespace: String {
        var text = Substring(self)
        while let last = text.last, last.isWhitespace { text = text.dropLast() }
        return String(text)
    }
}
