import Foundation
import Testing

/// Issue 16 §3: the ways a script (and the files shipped with it) could reach
/// outside --safe, or outlast its limits. Each runs the real binary.
@Suite("--safe holds against shipped files and hostile scripts", .serialized)
struct SandboxEscapeTests {
    /// Runs `script` with --safe in `folder`; `timeout` ends it after 60 s should a limit fail to hold.
    private func run(_ script: String, in folder: String, _ extra: [String] = []) throws -> Completed {
        try script.write(toFile: folder + "/s.lua", atomically: true, encoding: .utf8)
        let arguments = (["run", "--safe"] + extra + ["s.lua"]).map { "'\($0)'" }.joined(separator: " ")
        return try shell("exec timeout 60 '\(almanacBinary)' \(arguments)", directory: folder)
    }

    /// Runs `script` with `--timeout seconds` and expects the time limit to end it well before the 60 s backstop.
    private func expectStopped(_ script: String, timeout seconds: Int) throws {
        let start = Date()
        let result = try run(script, in: temporaryFolder("escape"), ["--timeout", String(seconds)])
        #expect(result.status == 1)
        #expect(result.stderr.contains("time limit"), "\(result.stderr)")
        #expect(Date().timeIntervalSince(start) < 30)
    }

    @Test("an `out` symlink beside the script is refused")
    func outputFolderSymlink() throws {
        let folder = temporaryFolder("escape"), elsewhere = temporaryFolder("elsewhere")
        try FileManager.default.createSymbolicLink(atPath: folder + "/out", withDestinationPath: elsewhere)
        let result = try run("local f = assert(io.open('out/x.txt', 'w')); f:write('x'); f:close()", in: folder)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("symbolic link"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: elsewhere + "/x.txt"))
    }

    @Test("a dangling symlink inside out/ cannot create a file outside")
    func danglingSymlink() throws {
        let folder = temporaryFolder("escape"), elsewhere = temporaryFolder("elsewhere")
        try FileManager.default.createDirectory(atPath: folder + "/out", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: folder + "/out/link.txt", withDestinationPath: elsewhere + "/created.txt")
        let result = try run("local f = assert(io.open('out/link.txt', 'w')); f:write('x'); f:close()", in: folder)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("symbolic link"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: elsewhere + "/created.txt"))
    }

    @Test("a folder spelt in another Unicode normalisation is another folder")
    func unicodeNormalisation() throws {
        let folder = temporaryFolder("escape")
        let composed = "caf\u{E9}", decomposed = "cafe\u{301}"
        try FileManager.default.createDirectory(atPath: folder + "/" + composed, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: folder + "/" + decomposed, withIntermediateDirectories: true)
        let result = try run(
            "local f = assert(io.open('\(decomposed)/x.txt', 'w')); f:close()", in: folder, ["-o", composed])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("outside the folders"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/" + decomposed + "/x.txt"))
    }

    @Test("render --safe runs no git, so a shipped core.fsmonitor runs nothing")
    func gitFsmonitor() throws {
        let folder = temporaryFolder("escape")
        func git(_ args: [String]) throws {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = ["git", "-C", folder, "-c", "user.name=t", "-c", "user.email=t@t"] + args
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            p.waitUntilExit()
        }
        try "-- %% [markdown]\n-- # Note\n-- %%\nprint(1 + 1)\n".write(
            toFile: folder + "/n.lua", atomically: true, encoding: .utf8)
        try git(["init", "-q"])
        try git(["add", "n.lua"])
        try git(["commit", "-q", "-m", "notebook"])
        try git(["config", "core.fsmonitor", "touch \(folder)/PWNED; false"])
        let result = try almanac(["render", "--safe", "n.lua", "-o", "report.html"], directory: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/PWNED"))
        let html = try String(contentsOfFile: folder + "/report.html", encoding: .utf8)
        #expect(html.contains("not checked"), "the report says the dirty state was not checked")
    }

    @Test("a finalizer that loops stops at --timeout")
    func finalizerLoop() throws {
        try expectStopped(
            "setmetatable({}, { __gc = function() while true do end end }) collectgarbage() collectgarbage() while true do end",
            timeout: 1)
    }

    @Test("a finalizer cannot allocate past --max-memory")
    func finalizerMemory() throws {
        let folder = temporaryFolder("escape")
        let script = """
            setmetatable({}, { __gc = function()
              local t = {}
              for i = 1, 5e7 do t[i] = i end
              finalizer_finished = true
            end })
            collectgarbage() collectgarbage()
            print(finalizer_finished)
            """
        let result = try run(script, in: folder, ["--max-memory", "50"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "nil\n", "the finalizer was stopped by the memory cap")
    }

    @Test("a long native search stops at --timeout")
    func longNativeCall() throws {
        try expectStopped(
            "print(inventory.ss{ holding_cost = 1, stockout_cost = 4, fixed_cost = 5, demand = dist.poisson(1e9) })",
            timeout: 2)
    }

    @Test("a pathological pattern search is ended past --timeout")
    func patternSearch() throws {
        try expectStopped(
            "print(string.find(string.rep('a', 40), string.rep('a?', 40) .. string.rep('a', 40) .. 'b'))", timeout: 1)
    }

    @Test(
        "modules, the standard library and the string metatable are read-only",
        arguments: [
            "math.max = function() return 0 end",
            "forecast.fit = nil",
            "data = {}",
            "rawset(math, 'max', print)",
            "getmetatable('').__index = {}",
            "string.rep = nil",
            "pairs = nil",
            "setmetatable(math, {})",
        ])
    func readOnlyModules(_ script: String) throws {
        let folder = temporaryFolder("escape")
        let result = try run(script, in: folder)
        #expect(result.status == 1, "\(script) must fail")
        #expect(
            result.stderr.contains("read-only") || result.stderr.contains("protected")
                || result.stderr.contains("a string value"),
            "\(script): \(result.stderr)")
    }

    @Test("read-only modules still work as before")
    func readOnlyModulesWork() throws {
        let folder = temporaryFolder("escape")
        let script = """
            local n = 0 for k in pairs(math) do n = n + 1 end
            my_global = 3
            print(math.max(1, my_global), ("x"):rep(2), n > 20, require("string") == string, #almanac.plugins("model") > 10)
            """
        let result = try run(script, in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "3\txx\ttrue\ttrue\ttrue\n", "\(result.stdout)")
    }
}
