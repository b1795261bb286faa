extension Notebook {
    /// The whole script as one Lua chunk with the same line numbers, so `local`s
    /// carry from cell to cell as under `almanac run` and Lua's error lines point
    /// into the original file. Each marker line becomes `cellCall(n);` (n is the
    /// 1-based cell index; markdown cells get theirs too), the implicit first cell
    /// gets `cellCall(1); ` before its first line, and the `#` line, the header
    /// and the markdown cells' lines become empty lines.
    ///
    /// The `;` matters: without it, a next line starting with `(` would make Lua
    /// read `cellCall(n)(...)` as one call.
    public func instrumentedSource(cellCall: String) -> String {
        var lines = sourceLines
        func blank(_ lineNumbers: ClosedRange<Int>?) {
            guard let lineNumbers else { return }
            for number in lineNumbers where lines.indices.contains(number - 1) { lines[number - 1] = "" }
        }
        if hasShebang { blank(1...1) }
        blank(headerLines)
        for (offset, cell) in cells.enumerated() {
            let call = "\(cellCall)(\(offset + 1));"
            if cell.kind == .markdown { blank(cell.contentLines) }
            if let marker = cell.markerLine, lines.indices.contains(marker - 1) {
                lines[marker - 1] = call
            } else if cell.markerLine == nil, let first = cell.firstContentLine, lines.indices.contains(first - 1) {
                lines[first - 1] = call + " " + lines[first - 1]
            }
        }
        return lines.joined(separator: "\n")
    }
}
