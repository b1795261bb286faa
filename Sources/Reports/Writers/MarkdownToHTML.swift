import Ink

/// Markdown to HTML through Ink, made safe for a report whose Markdown may carry
/// strings from data files (`report.md("Top seller: " .. name)`): raw HTML shows
/// as text, and links or images that could run script (a `javascript:` URL, a
/// quote that ends the attribute) show as their Markdown source.
enum MarkdownToHTML {
    static func render(_ markdown: String) -> String {
        let parser = MarkdownParser(modifiers: [
            Modifier(target: .html) { input in String(input.markdown).htmlEscaped },
            Modifier(target: .links) { input in
                isSafeTag(input.html, opening: "<a href=\"", allowsImageData: false)
                    ? input.html : String(input.markdown).htmlEscaped
            },
            Modifier(target: .images) { input in
                isSafeTag(input.html, opening: "<img src=\"", allowsImageData: true)
                    ? input.html : String(input.markdown).htmlEscaped
            },
        ])
        return parser.html(from: protectingLeadingRule(markdown))
    }

    /// Ink reads a leading `---` line as the start of metadata and drops what
    /// follows up to the next `---`; `***` is the same horizontal rule.
    private static func protectingLeadingRule(_ markdown: String) -> String {
        var lines = splitLuaLines(markdown)
        guard let first = lines.firstIndex(where: { !$0.isBlank }), lines[first].trimmedWhitespace == "---" else {
            return markdown
        }
        lines[first] = "***"
        return lines.joined(separator: "\n")
    }

    /// Whether Ink's tag for a link or image has exactly the attributes Ink means to
    /// write (it copies URLs and alt text without escaping quotes) and a URL whose
    /// scheme cannot run script.
    static func isSafeTag(_ html: String, opening: String, allowsImageData: Bool) -> Bool {
        guard html.hasPrefix(opening) else { return false }
        let afterOpening = html.dropFirst(opening.count)
        guard let urlEnd = afterOpening.firstIndex(of: "\"") else { return false }
        let url = afterOpening[..<urlEnd]
        guard !url.contains("<"), !url.contains(">"), isSafeURL(String(url), allowsImageData: allowsImageData) else {
            return false
        }
        let tag = html.prefix(while: { $0 != ">" })
        let quotes = tag.filter { $0 == "\"" }.count
        let expectedQuotes = allowsImageData && tag.contains(" alt=\"") ? 4 : 2
        return quotes == expectedQuotes
    }

    /// Relative URLs, fragments and http(s)/mailto are fine; so are data URIs of
    /// images shown by <img>. Anything else with a scheme (javascript:, vbscript:,
    /// data: for a link) is not.
    static func isSafeURL(_ url: String, allowsImageData: Bool) -> Bool {
        let lowered = url.trimmedWhitespace.lowercased()
        guard let colon = lowered.firstIndex(of: ":") else { return true }
        let scheme = lowered[..<colon]
        if scheme.contains(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { return true }  // a path, not a scheme
        if ["http", "https", "mailto"].contains(scheme) { return true }
        return allowsImageData && lowered.hasPrefix("data:image/")
    }
}
