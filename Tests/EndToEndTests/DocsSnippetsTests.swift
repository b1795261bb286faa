import Foundation
import Testing

/// One ```lua block of a guide page.
struct DocSnippet: CustomTestStringConvertible, Sendable {
    let page: String
    let line: Int
    let code: String

    var testDescription: String { "docs/\(page):\(line)" }
}

/// Every ```lua block in the guide (docs/*.md but the generated reference.md)
/// runs with `almanac run` from the repository root and exits 0, so the guide
/// stays true. A block whose info string is `lua fragment` is skipped: it is
/// a signature, a piece of a larger script, or shows an error on purpose.
@Suite struct DocsSnippetsTests {
    static let snippets: [DocSnippet] = {
        let folder = repositoryRoot + "/docs"
        let pages = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { $0.hasSuffix(".md") && $0 != "reference.md" }
            .sorted()
        return pages.flatMap { page -> [DocSnippet] in
            guard let text = try? String(contentsOfFile: folder + "/" + page, encoding: .utf8) else { return [] }
            return luaBlocks(in: text, page: page)
        }
    }()

    /// The runnable ```lua blocks of one page; `line` is the fence's line (1-based).
    static func luaBlocks(in text: String, page: String) -> [DocSnippet] {
        var found: [DocSnippet] = []
        var open: (info: String, line: Int)?
        var body: [Substring] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("```") else {
                if open != nil { body.append(line) }
                continue
            }
            if let block = open {
                if block.info == "lua" {
                    found.append(DocSnippet(page: page, line: block.line, code: body.joined(separator: "\n") + "\n"))
                }
                open = nil
                body = []
            } else {
                let info = trimmed.drop { $0 == "`" }.split(separator: " ").joined(separator: " ")
                // CommonMark: a backtick fence's info string has no backtick (```` `x` ```` is inline code).
                guard !info.contains("`") else { continue }
                open = (info: info, line: index + 1)
            }
        }
        return found
    }

    @Test(arguments: snippets)
    func snippetRuns(_ snippet: DocSnippet) throws {
        let folder = temporaryFolder("docs")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let script = folder + "/\(snippet.page.replacingOccurrences(of: ".md", with: ""))-\(snippet.line).lua"
        writeFile(script, snippet.code)
        let r = try almanac(["run", "--timeout", "120", "-o", folder + "/out", script])
        #expect(r.status == 0, "the ```lua block at docs/\(snippet.page):\(snippet.line) failed:\n\(r.stderr)")
    }

    @Test func everyGuidePageHasBeenRead() {
        #expect(Self.snippets.count >= 20, "found only \(Self.snippets.count) ```lua blocks in docs/")
        #expect(Self.snippets.contains { $0.page == "getting-started.md" })
    }

    @Test func fragmentsAreSkipped() {
        let page =
            "```lua\nprint(1)\n```\n\n```lua fragment\nf(x, [, y])\n```\n\n```sh\nls\n```\n"
            + "```` ```lua ```` is inline code, not a fence\n"
        let blocks = Self.luaBlocks(in: page, page: "p.md")
        #expect(blocks.count == 1)
        #expect(blocks.first?.code == "print(1)\n")
        #expect(blocks.first?.line == 1)
    }
}
