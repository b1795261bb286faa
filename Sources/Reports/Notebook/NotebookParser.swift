import Foundation

/// Reads a notebook script: an optional `#` first line, an optional header block,
/// then cells begun by `-- %%` markers. Code before the first marker is an
/// implicit first code cell (dropped when blank); a script without markers is
/// one code cell.
public enum NotebookParser {
    public static func parse(fileAt path: String) throws(NotebookError) -> Notebook {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw NotebookError("\(path): cannot read the file")
        }
        return try parse(source: String(decoding: data, as: UTF8.self), path: path)
    }

    public static func parse(source: String, path: String) throws(NotebookError) -> Notebook {
        let lines = splitLuaLines(source)
        // Lua skips a first line starting with '#' when it loads a file.
        let hasShebang = lines.first?.hasPrefix("#") ?? false
        var bodyStart = hasShebang ? 1 : 0
        var header = NotebookHeader()
        var headerLines: ClosedRange<Int>?
        if let parsed = try HeaderParser.parse(lines, from: bodyStart, path: path) {
            header = parsed.header
            headerLines = (bodyStart + 1)...parsed.end
            bodyStart = parsed.end
        }
        let cells = try readCells(lines, from: bodyStart, path: path)
        return Notebook(
            path: path, header: header, cells: cells,
            sourceLines: lines, headerLines: headerLines, hasShebang: hasShebang)
    }

    /// Only the header of a script (an empty one when it has none), for commands that run
    /// the script as it is but honour the header's settings, as `almanac run` does its seed.
    public static func header(source: String, path: String) throws(NotebookError) -> NotebookHeader {
        let lines = splitLuaLines(source)
        let start = (lines.first?.hasPrefix("#") ?? false) ? 1 : 0
        return try HeaderParser.parse(lines, from: start, path: path)?.header ?? NotebookHeader()
    }

    private static func readCells(_ lines: [String], from start: Int, path: String) throws(NotebookError)
        -> [NotebookCell]
    {
        var markers: [(index: Int, marker: CellMarker)] = []
        for index in lines.indices where index >= start {
            if let marker = CellMarker(line: lines[index]) { markers.append((index, marker)) }
        }
        var cells: [NotebookCell] = []
        let implicitEnd = markers.first?.index ?? lines.count
        let implicit = codeCell(lines, start..<implicitEnd, marker: nil)
        if implicit.contentLines != nil { cells.append(implicit) }
        for (position, entry) in markers.enumerated() {
            let end = position + 1 < markers.count ? markers[position + 1].index : lines.count
            let body = (entry.index + 1)..<end
            switch entry.marker.kind {
            case .code:
                cells.append(codeCell(lines, body, marker: entry))
            case .markdown:
                let text = try MarkdownCellReader(path: path).markdown(of: lines[body], firstLine: body.lowerBound + 1)
                cells.append(
                    NotebookCell(
                        kind: .markdown, title: entry.marker.title, text: text,
                        markerLine: entry.index + 1, contentLines: nonBlankLines(lines, body)))
            }
        }
        return cells
    }

    private static func codeCell(_ lines: [String], _ body: Range<Int>, marker: (index: Int, marker: CellMarker)?)
        -> NotebookCell
    {
        let contentLines = nonBlankLines(lines, body)
        let text = contentLines.map { lines[($0.lowerBound - 1)..<$0.upperBound].joined(separator: "\n") } ?? ""
        return NotebookCell(
            kind: .code, title: marker?.marker.title, text: text,
            markerLine: marker.map { $0.index + 1 }, contentLines: contentLines)
    }

    /// The 1-based numbers of the first and last non-blank lines among `lines[body]`.
    private static func nonBlankLines(_ lines: [String], _ body: Range<Int>) -> ClosedRange<Int>? {
        let clamped = body.clamped(to: lines.indices)
        guard let first = clamped.first(where: { !lines[$0].isBlank }),
            let last = clamped.last(where: { !lines[$0].isBlank })
        else { return nil }
        return (first + 1)...(last + 1)
    }
}
