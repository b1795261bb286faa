import Reports
import Testing

@Suite struct InstrumentationTests {
    let source = """
        #!/usr/bin/env almanac
        -- ---
        -- title: T
        -- seed: 7
        -- ---

        local x = 1
        -- %% Second
        (print)(x)
        -- %% [markdown]
        -- Some *text*
        --[[ more ]]
        -- %%
        print(x + 1)
        """

    @Test func keepsEveryLineNumber() throws {
        let notebook = try NotebookParser.parse(source: source, path: "n.lua")
        let instrumented = notebook.instrumentedSource(cellCall: "__almanac_cell")
        let lines = instrumented.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.count == notebook.sourceLines.count)
        #expect(
            lines == [
                "", "", "", "", "", "",
                "__almanac_cell(1); local x = 1",
                "__almanac_cell(2);",
                "(print)(x)",
                "__almanac_cell(3);",
                "", "",
                "__almanac_cell(4);",
                "print(x + 1)",
            ])
    }

    @Test func everyMarkerIsReplacedOnItsOwnLine() throws {
        let notebook = try NotebookParser.parse(source: source, path: "n.lua")
        let lines = notebook.instrumentedSource(cellCall: "f").split(separator: "\n", omittingEmptySubsequences: false)
        for (offset, cell) in notebook.cells.enumerated() {
            let line = try #require(cell.markerLine ?? cell.firstContentLine)
            #expect(lines[line - 1].hasPrefix("f(\(offset + 1));"))
        }
        #expect(!lines.contains { $0.contains("%%") })
    }

    @Test func crlfSourceKeepsItsLineCount() throws {
        let notebook = try NotebookParser.parse(source: "a = 1\r\n-- %%\r\nb = 2\r\n", path: "n.lua")
        let instrumented = notebook.instrumentedSource(cellCall: "c")
        #expect(instrumented == "c(1); a = 1\nc(2);\nb = 2\n")
    }

    @Test func scriptWithoutMarkersGetsOneCall() throws {
        let notebook = try NotebookParser.parse(source: "\nprint(1)\nprint(2)", path: "n.lua")
        #expect(notebook.instrumentedSource(cellCall: "c") == "\nc(1); print(1)\nprint(2)")
    }
}
