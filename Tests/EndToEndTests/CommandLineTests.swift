import Foundation
import Testing

/// The real binary, run as a user would: stdout, stderr and exit codes.
@Suite struct CommandLineTests {
    @Test func versionAndHelp() throws {
        let v = try almanac(["--version"])
        #expect(v.status == 0 && v.stdout == "0.1.0\n")
        for command in [[], ["run"], ["repl"], ["plugins"], ["plugins", "list"], ["plugins", "show"], ["docs"]] {
            let h = try almanac(command + ["--help"])
            #expect(h.status == 0, "\(command)")
            #expect(h.stdout.contains("USAGE"), "\(command)")
        }
    }

    @Test func theMainJobRunsAndAgreesWithTheClosedForm() throws {
        let out = temporaryFolder("main")
        let r = try almanac(["run", "-o", out, "examples/eoq.lua"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(
            r.stdout.contains("TEXTBOOK-3.1      304.0468     304.0468    68.4105       310.8126   0.0431    66.9214"))
        #expect(r.stdout.contains("Every search agrees with its closed form."))
        let csv = try String(contentsOfFile: out + "/eoq_results.csv", encoding: .utf8)
        #expect(csv.hasPrefix("sku,q_closed_form,q_golden_section,cost,"))
        #expect(csv.split(separator: "\n").count == 6)
    }

    @Test func aBrokenScriptGivesLineFunctionAndTracebackAndExits1() throws {
        let folder = temporaryFolder("broken")
        writeFile(
            folder + "/script.lua",
            """
            local function order(q)
              return optimize.scalar(function(x) return x end, q, 1)
            end
            local ok = 1
            order(5)
            """)
        let r = try almanac(["run", "-o", folder + "/out", "script.lua"], directory: folder)
        #expect(r.status == 1)
        let lines = r.stderr.split(separator: "\n").map(String.init)
        #expect(lines.first == "script.lua:2: optimize.scalar: lo (5) must be less than hi (1)")
        #expect(lines.dropFirst().first == "stack traceback:")
        #expect(
            r.stderr.contains("script.lua:2: in local 'order'") || r.stderr.contains("script.lua:2: in upvalue 'order'")
                || r.stderr.contains("script.lua:2: in function"))
        #expect(r.stderr.contains("script.lua:5: in main chunk"))
    }

    @Test func syntaxErrorsAndMissingScripts() throws {
        let folder = temporaryFolder("syntax")
        writeFile(folder + "/bad.lua", "local x = \n")
        let r = try almanac(["run", "-o", folder, "bad.lua"], directory: folder)
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("bad.lua:2: unexpected symbol near <eof>"))
        let missing = try almanac(["run", "-o", folder, "nowhere.lua"], directory: folder)
        #expect(missing.status == 2)
        #expect(missing.stderr == "almanac: no script at 'nowhere.lua'\n")
    }

    @Test func scriptArgumentsArriveInArg() throws {
        let folder = temporaryFolder("args")
        writeFile(folder + "/a.lua", "print(#arg, arg[0], arg[1], arg[2], select('#', ...))")
        let r = try almanac(["run", "-o", folder, "a.lua", "x", "--not-an-option"], directory: folder)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "2\ta.lua\tx\t--not-an-option\t2\n")
    }

    @Test func pluginsListShowsNativeAndLuaSideBySide() throws {
        let r = try almanac(["plugins", "list"])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("NAME") == true)
        #expect(lines.contains { $0.hasPrefix("eoq_cost ") && $0.contains("native") })
        #expect(
            lines.contains { $0.hasPrefix("eoq_backorder_cost ") && $0.contains("plugins/eoq_backorder_cost.lua:") })
        let optimizers = try almanac(["plugins", "list", "--kind", "optimizer"])
        #expect(!optimizers.stdout.contains("eoq_cost"))
        let wrong = try almanac(["plugins", "list", "--kind", "optimiser"])
        #expect(wrong.status != 0)
        #expect(wrong.stderr.contains("unknown kind 'optimiser'"))
    }

    @Test func pluginsShowAndJSON() throws {
        let r = try almanac(["plugins", "show", "eoq_backorder_cost"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("stockout_cost"))
        let json = try almanac(["plugins", "show", "nelder_mead", "--json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["kind"] as? String == "optimizer")
        #expect(
            (object?["parameters"] as? [[String: Any]])?.contains { $0["name"] as? String == "x_tolerance" } == true)
        let unknown = try almanac(["plugins", "show", "nelder_maed"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr == "almanac: no plugin named 'nelder_maed' (did you mean 'nelder_mead'?)\n")
    }

    @Test func pluginFoldersFromTheEnvironmentAndFlagsLoadAndBrokenOnesAreReported() throws {
        let a = temporaryFolder("plugins-a"), b = temporaryFolder("plugins-b")
        writeFile(
            a + "/half.lua",
            "almanac.register{ kind = 'cost', name = 'half', version = '1', summary = 'x/2', cost = function(x) return x / 2 end }"
        )
        writeFile(
            b + "/broken.lua",
            "almanac.register{ kind = 'cost', name = 'broken', version = '1', summary = 's', cost = 42 }")
        writeFile(
            b + "/double.lua",
            "almanac.register{ kind = 'cost', name = 'double', version = '1', summary = '2x', cost = function(x) return 2 * x end }"
        )
        let script = temporaryFolder("plugins-s")
        writeFile(script + "/s.lua", "print(almanac.cost('half')(10), almanac.cost('double')(10))")
        let r = try almanac(
            ["run", "-o", script, "--plugins", b, "s.lua"], environment: ["ALMANAC_PLUGIN_PATH": a], directory: script)
        #expect(r.status == 0)
        #expect(r.stdout == "5.0\t20.0\n")
        #expect(r.stderr.contains("almanac: a plugin failed to load: "))
        #expect(
            r.stderr.contains(
                "broken.lua:1: almanac.register: plugin 'broken': a cost plugin must give 'cost' as a function"))
    }

    @Test func theReferenceDocsAreUpToDate() throws {
        let r = try almanac(["docs", "--check", "-o", "docs/reference.md"])
        #expect(r.status == 0, "docs/reference.md is stale: run `almanac docs -o docs/reference.md` (\(r.stderr))")
    }

    @Test func theEditorStubsAreUpToDate() throws {
        let r = try almanac(["docs", "--stubs", "--check", "-o", "stubs/almanac.lua"])
        #expect(
            r.status == 0, "stubs/almanac.lua is stale: run `almanac docs --stubs -o stubs/almanac.lua` (\(r.stderr))")
    }

    @Test func safeModeRefusesAndLimitsStopRunawayScripts() throws {
        let folder = temporaryFolder("safe")
        writeFile(folder + "/exec.lua", "print('before')\nos.execute('touch /tmp/almanac-should-not-exist')")
        let exec = try almanac(["run", "--safe", "-o", folder + "/out", "exec.lua"], directory: folder)
        #expect(exec.status == 1)
        #expect(exec.stdout == "before\n")
        #expect(exec.stderr.hasPrefix("exec.lua:2: os.execute is not available in --safe mode"))

        writeFile(folder + "/loop.lua", "local n = 0\nwhile true do n = n + 1 end")
        let loop = try almanac(["run", "--timeout", "0.3", "-o", folder + "/out", "loop.lua"], directory: folder)
        #expect(loop.status == 1)
        #expect(loop.stderr.contains("script stopped: it ran longer than its time limit of 0.3 s (--timeout)"))

        writeFile(folder + "/hog.lua", "local t = {}\nfor i = 1, 1e9 do t[i] = string.rep('x', 100) .. i end")
        let hog = try almanac(["run", "--max-memory", "40", "-o", folder + "/out", "hog.lua"], directory: folder)
        #expect(hog.status == 1)
        #expect(hog.stderr.contains("not enough memory: over the memory limit of 40 MB (--max-memory)"))

        let bad = try almanac(["run", "--timeout", "0", "loop.lua"], directory: folder)
        #expect(bad.status != 0 && bad.status != 1)
        #expect(bad.stderr.contains("--timeout must be a positive number of seconds"))
    }

    @Test func theReplWorksOverAPipe() throws {
        let r = try almanac(
            ["repl", "-o", temporaryFolder("repl")],
            stdin: """
                1 + 1
                x = 5
                for i = 1, 2 do
                  x = x * 2
                end
                x
                error('boom')
                print('after')
                almanac.plugin('eoq_cost').version
                """)
        #expect(r.status == 0)
        #expect(r.stdout == "2\n20\nafter\n\"1.0.0\"\n")
        #expect(r.stderr.hasPrefix("stdin:1: boom"))
    }

    @Test func sameSeedSameOutput() throws {
        let folder = temporaryFolder("seed")
        writeFile(
            folder + "/r.lua",
            """
            local t = { b = 1, a = 2, c = 3 }
            for k, v in pairs(t) do io.write(k, v, " ") end
            for i = 1, 5 do io.write(math.random(100), " ") end
            print(math.random())
            """)
        let first = try almanac(["run", "--seed", "11", "-o", folder, "r.lua"], directory: folder)
        let second = try almanac(["run", "--seed", "11", "-o", folder, "r.lua"], directory: folder)
        let other = try almanac(["run", "--seed", "12", "-o", folder, "r.lua"], directory: folder)
        #expect(first.status == 0)
        #expect(first.stdout == second.stdout)
        #expect(first.stdout != other.stdout)
        #expect(first.stdout.hasPrefix("a2 b1 c3 "))
    }
}

@Suite struct ScriptFromStandardInputTests {
    @Test func aDashReadsTheScriptFromStandardInput() throws {
        let r = try almanac(
            ["run", "-o", temporaryFolder("stdin"), "-", "a", "b"], stdin: "print(arg[0], ...)\nerror('late')")
        #expect(r.status == 1)
        #expect(r.stdout == "-\ta\tb\n")
        #expect(r.stderr.hasPrefix("stdin:2: late"))
    }
}
