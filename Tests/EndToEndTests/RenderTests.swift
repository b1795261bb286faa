import Foundation
import Reports
import Testing

/// `almanac render` end to end: the report, its failures, repeatability, and a real browser.
@Suite struct RenderTests {
    static let notebook = """
        -- ---
        -- title: Render test
        -- seed: 5
        -- ---

        -- %% [markdown]
        -- Some **prose**.

        -- %% First
        local x = 21
        print("x is", x)

        -- %% Second
        print(x * 2, math.random(1000))
        report.table({ { a = 1, b = "<script>alert(1)</script>" } })
        plot.series({ 1, 3, 2, 4 }, { title = "A chart", caption = "Four points" })

        """

    func write(_ text: String, name: String = "nb.lua") -> (folder: String, script: String) {
        let folder = temporaryFolder("render")
        let script = folder + "/" + name
        writeFile(script, text)
        return (folder, script)
    }

    @Test func aNotebookRendersToOneSelfContainedFile() throws {
        let (folder, script) = write(Self.notebook)
        let r = try almanac(["render", script, "-o", folder + "/report.html"])
        #expect(r.status == 0, "\(r.stderr)")
        let html = try String(contentsOfFile: folder + "/report.html", encoding: .utf8)
        #expect(html.contains("x is\t21"))  // locals carry from cell to cell
        #expect(html.contains("<strong>prose</strong>"))
        #expect(html.contains("data:image/svg+xml;base64,"))
        #expect(html.contains("Four points"))
        #expect(!html.contains("<script>alert(1)</script>"))  // table text is escaped
        #expect(!html.contains("src=\"http") && !html.contains("href=\"http"))  // nothing to fetch
        #expect(html.contains("Lua 5.4") && html.contains("gnuplot 5"))
        // The same script twice: byte-identical apart from the time stamp and the wall time.
        let again = try almanac(["render", script, "-o", folder + "/again.html"])
        #expect(again.status == 0)
        let second = try String(contentsOfFile: folder + "/again.html", encoding: .utf8)
        #expect(HTMLReportWriter.maskingVolatileLines(html) == HTMLReportWriter.maskingVolatileLines(second))
        // The header's seed is used; --seed overrides it.
        let seeded = try almanac(["render", script, "--seed", "6", "-o", folder + "/seeded.html"])
        let third = try String(contentsOfFile: folder + "/seeded.html", encoding: .utf8)
        #expect(
            seeded.status == 0
                && HTMLReportWriter.maskingVolatileLines(third) != HTMLReportWriter.maskingVolatileLines(html))
    }

    @Test func markdownFormat() throws {
        let (folder, script) = write(Self.notebook)
        let r = try almanac(["render", script, "--format", "md", "-o", folder + "/report.md"])
        #expect(r.status == 0, "\(r.stderr)")
        let md = try String(contentsOfFile: folder + "/report.md", encoding: .utf8)
        #expect(md.contains("```lua") && md.contains("![Four points](data:image/svg+xml;base64,"))
    }

    @Test func aFailingCellIsShownAndTheRenderExitsNonZero() throws {
        let (folder, script) = write(
            """
            -- %% Fine
            print("before")
            -- %% Broken
            local s = series.new{ values = { 1, 2 } }
            forecast.fit("arima", s, { ordr = { 1, 0, 0 } })
            -- %% Never
            print("after")
            """)
        let r = try almanac(["render", script, "-o", folder + "/report.html"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("nb.lua:5:") && r.stderr.contains("did you mean 'order'"), "\(r.stderr)")
        #expect(r.stderr.contains("cell 2 failed"))
        let html = try String(contentsOfFile: folder + "/report.html", encoding: .utf8)
        #expect(html.contains("before") && !html.contains("after\n") && html.contains("did you mean"))
        #expect(html.contains("incomplete"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/.report.html.partial"))
    }

    @Test func aBadHeaderIsAClearErrorAndWritesNothing() throws {
        let (folder, script) = write("-- ---\n-- titel: x\n-- ---\nprint(1)\n")
        let r = try almanac(["render", script, "-o", folder + "/report.html"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("nb.lua:2:") && r.stderr.contains("title"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/report.html"))
        let missing = try almanac(["render", folder + "/none.lua"])
        #expect(missing.status == 2 && missing.stderr.contains("none.lua"))
    }

    /// The main job's report in a real headless browser (Debian's chromium) with the network
    /// cut off: it loads and every figure decodes. scripts/test.sh installs chromium and sets
    /// ALMANAC_REQUIRE_BROWSER=1, so CI cannot skip this silently.
    @Test func theMainReportLoadsOfflineInABrowser() throws {
        guard let chromium = headlessChromium() else { return }
        let folder = temporaryFolder("browser")
        let r = try almanac(["render", "examples/report.lua", "-o", folder + "/report.html"])
        #expect(r.status == 0, "\(r.stderr)")
        writeFile(
            folder + "/harness.html",
            """
            <!doctype html><html><body><iframe id="f" src="report.html" width="1000" height="800"></iframe>
            <script>
            document.getElementById('f').onload = function () {
              var d = this.contentDocument, imgs = d.images, ok = 0;
              for (var i = 0; i < imgs.length; i++) if (imgs[i].complete && imgs[i].naturalWidth > 0) ok++;
              var out = document.createElement('pre'); out.id = 'result';
              out.textContent = 'images=' + imgs.length + ' loaded=' + ok + ' title=' + d.title;
              document.body.appendChild(out);
            };
            </script></body></html>
            """)
        let dom = try renderedDOM(chromium: chromium, page: folder + "/harness.html")
        #expect(dom.contains("images=4 loaded=4 title=Weekly replenishment review"), "\(dom.suffix(400))")
    }
}

/// Every teaching lab in examples/labs renders completely, with its figures, and has its solutions.
@Suite struct LabsRenderTests {
    @Test func everyLabRenders() throws {
        let folder = repositoryRoot + "/examples/labs"
        let labs = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter {
            $0.hasSuffix(".lua")
        }.sorted()
        #expect(!labs.isEmpty)
        for lab in labs {
            let out = temporaryFolder("lab") + "/report.html"
            let r = try almanac(["render", "examples/labs/" + lab, "-o", out])
            #expect(r.status == 0, "\(lab): \(r.stderr)")
            let html = (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
            #expect(html.contains("data:image/svg+xml;base64,"), "\(lab) has no figure")
            #expect(!html.contains("incomplete"), "\(lab) did not finish")
            let solutions = folder + "/" + lab.replacingOccurrences(of: ".lua", with: "_solutions.md")
            #expect(FileManager.default.fileExists(atPath: solutions), "\(lab) has no solutions file")
        }
    }
}
