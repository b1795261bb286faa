import Testing

@testable import Reports

/// Markdown in a report may carry strings from data files, so Ink's output must never run script.
@Suite struct MarkdownToHTMLTests {
    @Test func ordinaryMarkdown() {
        let html = MarkdownToHTML.render(
            "# Title\n\nSome *text*, `a < b` and [a link](https://example.org/x).\n\n- one\n- two")
        #expect(html.contains("<h1>Title</h1>"))
        #expect(html.contains("<em>text</em>"))
        #expect(html.contains("<code>a &lt; b</code>"))
        #expect(html.contains("<a href=\"https://example.org/x\">a link</a>"))
        #expect(html.contains("<li>one</li>"))
    }

    @Test func rawHTMLShowsAsText() {
        for hostile in [
            "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "text <b onmouseover=alert(1)>bold</b>",
        ] {
            let html = MarkdownToHTML.render(hostile)
            #expect(!html.contains("<script"), "\(hostile)")
            #expect(!html.contains("<img"), "\(hostile)")
            #expect(!html.contains("<b "), "\(hostile)")
        }
    }

    @Test func scriptURLsAndAttributeBreakoutsShowAsText() {
        let cases = [
            "[x](javascript:alert(1))",
            "[x](JavaScript:alert(1))",
            "[x](data:text/html;base64,PHNjcmlwdD4=)",
            "[x](a\"onmouseover=\"alert(1))",
            "![x](javascript:alert(1))",
            "![x\" onerror=\"alert(1)](y.png)",
        ]
        for markdown in cases {
            let html = MarkdownToHTML.render(markdown)
            #expect(!html.contains("<a "), "\(markdown) → \(html)")
            #expect(!html.contains("<img"), "\(markdown) → \(html)")
        }
        #expect(
            MarkdownToHTML.render("![chart](data:image/svg+xml;base64,PHN2Zz4=)").contains(
                "<img src=\"data:image/svg+xml;base64,PHN2Zz4=\" alt=\"chart\"/>"))
        #expect(MarkdownToHTML.render("[next](#cell-2)").contains("<a href=\"#cell-2\">next</a>"))
    }

    @Test func leadingRuleIsNotTakenForMetadata() {
        let html = MarkdownToHTML.render("---\ntitle: x\n---\nkept")
        #expect(html.contains("<hr>"))
        #expect(html.contains("kept"))
        #expect(html.contains("title: x"))
    }

    @Test func oddInputDoesNotCrash() {
        for markdown in [
            "", "[", "]", "![", "[]()", "`", "**", "|", "| a |\n|", "<", "<a", "&", "\n\n\n", "-", "1.", "> ", "#",
            "``` \n", "[x]: ",
        ] {
            _ = MarkdownToHTML.render(markdown)
        }
    }
}
