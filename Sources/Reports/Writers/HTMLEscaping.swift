import Foundation

extension String {
    /// Safe as HTML text and inside a double-quoted attribute: nothing in it can
    /// open a tag, end an attribute or start an entity.
    var htmlEscaped: String {
        var result = ""
        result.reserveCapacity(utf8.count)
        for scalar in unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// The text on one line: newlines and tabs become spaces (for table cells and
    /// the volatile lines, which must stay one line each).
    var onOneLine: String {
        String(map { $0.isNewline || $0 == "\t" ? " " : $0 })
    }

    /// A data URI holding an SVG document; as an <img> source it is isolated from
    /// the page (its ids cannot clash, its scripts never run).
    var svgDataURI: String {
        "data:image/svg+xml;base64," + Data(utf8).base64EncodedString()
    }
}
