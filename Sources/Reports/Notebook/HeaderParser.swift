import AlmanacCore
import Foundation

/// Reads the header block: `-- ---` fences around `key: value` lines, each a Lua
/// comment. A small YAML subset, enough for the known keys: plain or quoted
/// scalars, indented continuation lines (folded with spaces, or kept as lines
/// after `|`), and lists as `[a, b]` or as `  - item` lines.
struct HeaderParser {
    static let fence = "-- ---"

    let path: String
    private var header = NotebookHeader()
    private var seenOnLine: [String: Int] = [:]
    private var open: OpenKey?

    /// A key whose value may still grow by continuation or list-item lines.
    private struct OpenKey {
        let key: String
        let line: Int
        var parts: [String]
        var joiner: String  // " " folds lines (plain, `>`); "\n" keeps them (`|`)
        var isList: Bool
    }

    init(path: String) { self.path = path }

    /// The header starting at `lines[start]` and the index just past its closing
    /// fence, or nil when `lines[start]` does not open a header.
    static func parse(
        _ lines: [String], from start: Int, path: String
    ) throws(NotebookError) -> (header: NotebookHeader, end: Int)? {
        guard start < lines.count, isFence(lines[start]) else { return nil }
        var parser = HeaderParser(path: path)
        var index = start + 1
        while index < lines.count, !isFence(lines[index]) {
            let lineNumber = index + 1
            guard let content = commentContent(of: lines[index]) else {
                throw NotebookError(
                    path: path, line: lineNumber,
                    "a header line must be a Lua comment; close the header with '\(fence)' before any code")
            }
            try parser.read(content, line: lineNumber)
            index += 1
        }
        guard index < lines.count else {
            throw NotebookError(
                path: path, line: start + 1, "the header opened here is never closed (end it with a line '\(fence)')")
        }
        try parser.closeOpenKey()
        return (parser.header, index + 1)
    }

    static func isFence(_ line: String) -> Bool {
        line.trimmedWhitespace == fence && line.hasPrefix(fence)
    }

    /// The text of a `--` comment line without its marker (`-- ` or `--`); nil for code.
    static func commentContent(of line: String) -> String? {
        if line.hasPrefix("-- ") { return String(line.dropFirst(3)) }
        if line.hasPrefix("--") { return String(line.dropFirst(2)) }
        return line.isBlank ? "" : nil
    }

    private mutating func read(_ content: String, line: Int) throws(NotebookError) {
        let trimmed = content.trimmedWhitespace
        if trimmed.isEmpty || trimmed.hasPrefix("#") { return }
        let indented = content.first?.isWhitespace ?? false
        if indented || trimmed == "-" || trimmed.hasPrefix("- ") {
            try readContinuation(trimmed, line: line)
            return
        }
        try closeOpenKey()
        guard let colon = trimmed.firstIndex(of: ":") else {
            throw NotebookError(path: path, line: line, "expected 'key: value' in the header, got '\(trimmed)'")
        }
        let key = String(trimmed[..<colon]).trimmedWhitespace
        let value = String(trimmed[trimmed.index(after: colon)...]).trimmedWhitespace
        try checkKey(key, line: line)
        seenOnLine[key] = line
        switch value {
        case "":
            open = OpenKey(key: key, line: line, parts: [], joiner: " ", isList: false)
        case "|", "|-", "|+":
            open = OpenKey(key: key, line: line, parts: [], joiner: "\n", isList: false)
        case ">", ">-", ">+":
            open = OpenKey(key: key, line: line, parts: [], joiner: " ", isList: false)
        default:
            if key == "data", value.hasPrefix("[") {
                try assign(key, list: try flowList(value, line: line), line: line)
            } else {
                open = OpenKey(key: key, line: line, parts: [unquoted(value)], joiner: " ", isList: false)
            }
        }
    }

    private func checkKey(_ key: String, line: Int) throws(NotebookError) {
        guard NotebookHeader.knownKeys.contains(key) else {
            let hint =
                closestMatch(to: key, in: NotebookHeader.knownKeys).map { " (did you mean '\($0)'?)" }
                ?? " (known keys: \(NotebookHeader.knownKeys.joined(separator: ", ")))"
            throw NotebookError(path: path, line: line, "unknown header key '\(key)'\(hint)")
        }
        if let first = seenOnLine[key] {
            throw NotebookError(path: path, line: line, "header key '\(key)' is given twice (first on line \(first))")
        }
    }

    /// An indented line or a `- item` line: more of the open key's value.
    private mutating func readContinuation(_ trimmed: String, line: Int) throws(NotebookError) {
        guard var current = open else {
            throw NotebookError(path: path, line: line, "this header line belongs to no key (expected 'key: value')")
        }
        let isItem = trimmed == "-" || trimmed.hasPrefix("- ")
        if isItem {
            guard current.key == "data" else {
                throw NotebookError(path: path, line: line, "header key '\(current.key)' takes one value, not a list")
            }
            guard current.isList || current.parts.isEmpty else {
                throw NotebookError(path: path, line: line, "a list item cannot follow a value on the same key")
            }
            current.isList = true
            current.parts.append(unquoted(String(trimmed.dropFirst()).trimmedWhitespace))
        } else {
            guard !current.isList else {
                throw NotebookError(path: path, line: line, "expected a list item ('- file.csv') under 'data:'")
            }
            current.parts.append(trimmed)
        }
        open = current
    }

    private mutating func closeOpenKey() throws(NotebookError) {
        guard let current = open else { return }
        open = nil
        if current.key == "data" {
            try assign("data", list: current.parts.filter { !$0.isEmpty }, line: current.line)
        } else {
            try assign(current.key, scalar: current.parts.joined(separator: current.joiner), line: current.line)
        }
    }

    private mutating func assign(_ key: String, scalar value: String, line: Int) throws(NotebookError) {
        let value = value.isEmpty ? nil : value
        switch key {
        case "title": header.title = value
        case "author": header.author = value
        case "date": header.date = value
        case "description": header.description = value
        case "seed": header.seed = try seed(from: value, line: line)
        default: try assign(key, list: value.map { [$0] } ?? [], line: line)
        }
    }

    private mutating func assign(_ key: String, list: [String], line: Int) throws(NotebookError) {
        guard key == "data" else {
            throw NotebookError(path: path, line: line, "header key '\(key)' takes one value, not a list")
        }
        header.data = list
    }

    private func seed(from value: String?, line: Int) throws(NotebookError) -> UInt64? {
        guard let value else { return nil }
        guard value.allSatisfy(\.isASCII), value.allSatisfy(\.isNumber), let seed = UInt64(value) else {
            throw NotebookError(
                path: path, line: line,
                "seed must be a whole number from 0 to \(UInt64.max), got '\(value)'")
        }
        return seed
    }

    /// `[a, "b c", 'd']` → ["a", "b c", "d"].
    private func flowList(_ value: String, line: Int) throws(NotebookError) -> [String] {
        guard value.hasSuffix("]"), value.count >= 2 else {
            throw NotebookError(path: path, line: line, "a list must end with ']', got '\(value)'")
        }
        let inner = value.dropFirst().dropLast()
        return splitOutsideQuotes(String(inner)).map { unquoted($0.trimmedWhitespace) }.filter { !$0.isEmpty }
    }
}

/// Splits on commas that are not inside single or double quotes.
private func splitOutsideQuotes(_ text: String) -> [String] {
    var parts: [String] = []
    var current = ""
    var quote: Character?
    for character in text {
        if let q = quote {
            if character == q { quote = nil }
        } else if character == "\"" || character == "'" {
            quote = character
        } else if character == "," {
            parts.append(current)
            current = ""
            continue
        }
        current.append(character)
    }
    parts.append(current)
    return parts
}

/// A YAML scalar without its quotes: "a \"b\"" → a "b"; 'it''s' → it's; plain text as is.
func unquoted(_ value: String) -> String {
    guard value.count >= 2, let first = value.first, first == value.last, first == "\"" || first == "'" else {
        return value
    }
    let inner = String(value.dropFirst().dropLast())
    if first == "'" { return inner.replacingOccurrences(of: "''", with: "'") }
    var result = ""
    var escaping = false
    for character in inner {
        if escaping {
            switch character {
            case "n": result.append("\n")
            case "t": result.append("\t")
            default: result.append(character)
            }
            escaping = false
        } else if character == "\\" {
            escaping = true
        } else {
            result.append(character)
        }
    }
    return result
}
