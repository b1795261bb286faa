import Reports
import Testing

@Suite struct NotebookParserTests {
    @Test func headerWithEveryKnownKey() throws {
        let source = """
            #!/usr/bin/env almanac
            -- ---
            -- title: Demand review
            -- author: "A. Analyst"
            -- date: 2025-01-31
            -- seed: 42
            -- data: [examples/data/sales.csv, 'other file.csv']
            -- description: >
            --   Weekly demand,
            --   reviewed.
            -- ---
            print(1)
            """
        let notebook = try NotebookParser.parse(source: source, path: "review.lua")
        #expect(notebook.hasShebang)
        #expect(notebook.headerLines == 2...11)
        #expect(
            notebook.header
                == NotebookHeader(
                    title: "Demand review", author: "A. Analyst", date: "2025-01-31",
                    description: "Weekly demand, reviewed.", seed: 42,
                    data: ["examples/data/sales.csv", "other file.csv"]))
        #expect(notebook.cells.count == 1)
        #expect(notebook.cells.first?.contentLines == 12...12)
    }

    @Test func dataAsABlockList() throws {
        let source = """
            -- ---
            -- data:
            --   - a.csv
            --   - "b c.csv"
            -- title: T
            -- ---
            """
        let notebook = try NotebookParser.parse(source: source, path: "n.lua")
        #expect(notebook.header.data == ["a.csv", "b c.csv"])
        #expect(notebook.header.title == "T")
        #expect(notebook.cells.isEmpty)
    }

    @Test func everyMarkerForm() throws {
        let source = """
            -- %%
            local a = 1
            -- %% Fit the model
            local b = a + 1

            -- %% [markdown]
            -- # Heading
            --
            --Text *here*.
            -- %% [markdown] Notes
            -- more
            -- %% Jupytext's order [markdown]
            -- last
            """
        let cells = try NotebookParser.parse(source: source, path: "n.lua").cells
        #expect(cells.map(\.kind) == [.code, .code, .markdown, .markdown, .markdown])
        #expect(cells.map(\.title) == [nil, "Fit the model", nil, "Notes", "Jupytext's order"])
        #expect(cells.map(\.markerLine) == [1, 3, 6, 10, 12])
        #expect(cells[0].text == "local a = 1")
        #expect(cells[1].text == "local b = a + 1")
        #expect(cells[1].contentLines == 4...4)
        #expect(cells[2].text == "# Heading\n\nText *here*.")
        #expect(cells[2].firstContentLine == 7 && cells[2].lastContentLine == 9)
        #expect(cells[3].text == "more")
        #expect(cells[4].text == "last")
    }

    @Test func notAMarker() throws {
        // Only `-- %%` alone or followed by a space begins a cell.
        let source = "--%%\n-- %%x\n  -- %%\nprint(1)"
        let cells = try NotebookParser.parse(source: source, path: "n.lua").cells
        #expect(cells.count == 1)
        #expect(cells.first?.markerLine == nil)
    }

    @Test func implicitFirstCellKeptOrDropped() throws {
        let kept = try NotebookParser.parse(source: "\nlocal x = 1\n-- %%\nprint(x)", path: "n.lua")
        #expect(kept.cells.count == 2)
        #expect(kept.cells[0].markerLine == nil)
        #expect(kept.cells[0].contentLines == 2...2)
        let dropped = try NotebookParser.parse(source: "\n  \n-- %%\nprint(1)", path: "n.lua")
        #expect(dropped.cells.count == 1)
        #expect(dropped.cells[0].markerLine == 3)
    }

    @Test func scriptWithoutMarkersIsOneCodeCell() throws {
        let notebook = try NotebookParser.parse(source: "local x = 1\n\nprint(x)\n", path: "n.lua")
        #expect(
            notebook.cells == [
                NotebookCell(
                    kind: .code, title: nil, text: "local x = 1\n\nprint(x)", markerLine: nil, contentLines: 1...3)
            ])
        #expect(notebook.header == NotebookHeader())
        #expect(notebook.headerLines == nil)
    }

    @Test func longCommentMarkdownCells() throws {
        let source = """
            -- %% [markdown]
            --[[
            # Title

              indented stays
            ]]
            -- %% [markdown]
            --[==[ one ]] line ]==]
            -- %% [markdown]
            --[=[ starts here
            ends here ]=]
            """
        let cells = try NotebookParser.parse(source: source, path: "n.lua").cells
        #expect(cells.map(\.text) == ["# Title\n\n  indented stays", "one ]] line", "starts here\nends here "])
        #expect(cells[0].contentLines == 2...6)
    }

    @Test func unknownHeaderKeySuggestsTheNearest() {
        let source = "-- ---\n-- title: x\n-- autor: me\n-- ---\n"
        #expect(throws: NotebookError("review.lua:3: unknown header key 'autor' (did you mean 'author'?)")) {
            try NotebookParser.parse(source: source, path: "review.lua")
        }
        #expect(
            throws: NotebookError(
                "review.lua:2: unknown header key 'jupyter' (known keys: title, author, date, seed, data, description)"
            )
        ) {
            try NotebookParser.parse(source: "-- ---\n-- jupyter:\n-- ---\n", path: "review.lua")
        }
    }

    @Test func malformedSeedNamesItsLine() {
        for bad in ["-1", "4.2", "abc", "99999999999999999999"] {
            let source = "-- ---\n-- title: x\n--\n-- seed: \(bad)\n-- ---\n"
            #expect(throws: NotebookError.self) { try NotebookParser.parse(source: source, path: "s.lua") }
            do {
                _ = try NotebookParser.parse(source: source, path: "s.lua")
            } catch {
                #expect(error.message.hasPrefix("s.lua:4: seed must be a whole number"))
                #expect(error.message.hasSuffix("got '\(bad)'"))
            }
        }
    }

    @Test func otherHeaderMistakes() {
        let cases: [(String, String)] = [
            ("-- ---\n-- title: x\n", "h.lua:1: the header opened here is never closed"),
            ("-- ---\nlocal x = 1\n-- ---\n", "h.lua:2: a header line must be a Lua comment"),
            ("-- ---\n-- title x\n-- ---\n", "h.lua:2: expected 'key: value'"),
            (
                "-- ---\n-- title: a\n-- title: b\n-- ---\n",
                "h.lua:3: header key 'title' is given twice (first on line 2)"
            ),
            ("-- ---\n-- title:\n--   - a\n-- ---\n", "h.lua:3: header key 'title' takes one value, not a list"),
            ("-- ---\n--   - a\n-- ---\n", "h.lua:2: this header line belongs to no key"),
        ]
        for (source, expected) in cases {
            do {
                _ = try NotebookParser.parse(source: source, path: "h.lua")
                Issue.record("no error for \(source.debugDescription)")
            } catch {
                #expect(error.message.hasPrefix(expected), "\(error.message)")
            }
        }
    }

    @Test func codeInAMarkdownCellIsAnError() {
        let source = "-- %% [markdown]\n-- text\nprint(1)\n"
        #expect(
            throws: NotebookError(
                "m.lua:3: this line of a markdown cell is not a Lua comment (begin a code cell with '-- %%' before it)"
            )
        ) {
            try NotebookParser.parse(source: source, path: "m.lua")
        }
        #expect(throws: NotebookError.self) {
            try NotebookParser.parse(source: "-- %% [markdown]\n--[[ never closed\n-- %%\n", path: "m.lua")
        }
    }

    @Test func crlfAndCarriageReturnLineEndings() throws {
        let source =
            "-- ---\r\n-- title: T\r\n-- ---\r\nlocal x = 1\r\n-- %% Two\r\nprint(x)\r\n-- %% [markdown]\r\n-- *hi*\r\n"
        let notebook = try NotebookParser.parse(source: source, path: "n.lua")
        #expect(notebook.header.title == "T")
        #expect(notebook.cells.map(\.text) == ["local x = 1", "print(x)", "*hi*"])
        #expect(notebook.cells.map(\.markerLine) == [nil, 5, 7])
        #expect(notebook.cells[1].title == "Two")
        // A lone \r ends a line too, as in Lua.
        let classicMac = try NotebookParser.parse(source: "a = 1\r-- %%\rb = 2", path: "n.lua")
        #expect(classicMac.cells.map(\.markerLine) == [nil, 2])
    }

    @Test func readsAFile() throws {
        #expect(throws: NotebookError("/no/such/file.lua: cannot read the file")) {
            try NotebookParser.parse(fileAt: "/no/such/file.lua")
        }
    }
}
