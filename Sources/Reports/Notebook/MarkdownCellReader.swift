import Foundation

/// The Markdown of a markdown cell, whose lines are Lua comments: `-- text` and
/// `--text` lose their marker; `--[[ ... ]]` and `--[==[ ... ]==]` long comments
/// give the text between the brackets. Blank lines stay (they separate paragraphs).
/// A line that is Lua code is an error: it would silently never run.
struct MarkdownCellReader {
    let path: String

    /// `lines` are the cell's lines after its marker; `firstLine` is the 1-based number of the first.
    func markdown(of lines: ArraySlice<String>, firstLine: Int) throws(NotebookError) -> String {
        var output: [String] = []
        var longComment: (closing: String, openedOn: Int)?
        for (offset, line) in lines.enumerated() {
            let lineNumber = firstLine + offset
            if let open = longComment {
                if let end = line.range(of: open.closing) {
                    output.append(String(line[..<end.lowerBound]))
                    try requireBlank(String(line[end.upperBound...]), line: lineNumber)
                    longComment = nil
                } else {
                    output.append(line)
                }
                continue
            }
            let trimmed = String(line.drop(while: \.isWhitespace))
            if trimmed.isEmpty {
                output.append("")
            } else if let opening = LongBracket(openingAt: trimmed) {
                let rest = String(trimmed.dropFirst(opening.length))
                if let end = rest.range(of: opening.closing) {
                    output.append(String(rest[..<end.lowerBound]).trimmedWhitespace)
                    try requireBlank(String(rest[end.upperBound...]), line: lineNumber)
                } else {
                    if !rest.isBlank { output.append(rest.trimmedWhitespace) }
                    longComment = (opening.closing, lineNumber)
                }
            } else if let content = HeaderParser.commentContent(of: trimmed) {
                output.append(content)
            } else {
                throw NotebookError(
                    path: path, line: lineNumber,
                    "this line of a markdown cell is not a Lua comment (begin a code cell with '-- %%' before it)")
            }
        }
        if let open = longComment {
            throw NotebookError(
                path: path, line: open.openedOn,
                "the long comment opened here is not closed with '\(open.closing)' before the cell ends")
        }
        return trimmingBlankLines(output).joined(separator: "\n")
    }

    private func requireBlank(_ rest: String, line: Int) throws(NotebookError) {
        guard rest.isBlank else {
            throw NotebookError(
                path: path, line: line,
                "text after the end of a long comment in a markdown cell: '\(rest.trimmedWhitespace)'")
        }
    }
}

/// The opening `--[[` / `--[=[` / `--[==[` … of a Lua long comment.
struct LongBracket {
    let length: Int  // characters of the opening, `--` included
    let closing: String

    init?(openingAt text: String) {
        guard text.hasPrefix("--[") else { return nil }
        let equals = text.dropFirst(3).prefix(while: { $0 == "=" }).count
        guard text.dropFirst(3 + equals).first == "[" else { return nil }
        length = 4 + equals
        closing = "]" + String(repeating: "=", count: equals) + "]"
    }
}

/// `lines` without the blank lines at either end.
func trimmingBlankLines(_ lines: [String]) -> [String] {
    guard let first = lines.firstIndex(where: { !$0.isBlank }), let last = lines.lastIndex(where: { !$0.isBlank })
    else {
        return []
    }
    return Array(lines[first...last])
}
