import Foundation
import LuaBridge
import Testing

/// Every --safe restriction, tried and refused; and what stays allowed, allowed.
@Suite struct SandboxTests {
    let root: String
    let scripts: String
    let data: String
    let out: String
    let outside: String

    init() throws {
        root = NSTemporaryDirectory() + "almanac-sandbox-\(UUID().uuidString)"
        scripts = root + "/scripts"
        data = root + "/data"
        out = root + "/out"
        outside = root + "/outside"
        for dir in [scripts, data, out, outside, scripts + "/lib"] {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        }
        try "secret".write(toFile: outside + "/secret.txt", atomically: true, encoding: .utf8)
        try "1,2,3".write(toFile: data + "/d.csv", atomically: true, encoding: .utf8)
        try "return { answer = 42 }".write(toFile: scripts + "/lib/helper.lua", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(
            atPath: scripts + "/link.txt", withDestinationPath: outside + "/secret.txt")
    }

    func sandboxed() throws(LuaError) -> LuaState {
        let state = try LuaState()
        try state.applySandbox(
            SandboxPolicy(readableRoots: [scripts, data], writableRoots: [out], modulePath: [scripts]))
        return state
    }

    func refusal(_ code: String) throws -> String {
        do {
            try sandboxed().run(code, chunkName: "@safe.lua")
            return "(not refused)"
        } catch {
            return error.message
        }
    }

    @Test(arguments: [
        ("os.execute('true')", "os.execute is not available in --safe mode"),
        ("io.popen('ls')", "io.popen is not available in --safe mode"),
        ("os.exit(0)", "os.exit is not available in --safe mode"),
        ("package.loadlib('libc.so.6', 'puts')", "package.loadlib is not available in --safe mode"),
        ("os.getenv('HOME')", "os.getenv is not available in --safe mode"),
        ("string.dump(print)", "string.dump is not available in --safe mode"),
        ("debug.sethook()", "attempt to index a nil value (global 'debug')"),
    ])
    func dangerousFunctionsAreRefused(_ code: String, _ expected: String) throws {
        #expect(try refusal(code) == "safe.lua:1: " + expected)
    }

    @Test func binaryChunksAreRefused() throws {
        let binary: String
        do {
            let plain = try LuaState()
            binary = try plain.run("return string.dump(function() return 1 end)", chunkName: "=d")[0].stringValue ?? ""
        }
        let state = try sandboxed()
        state.setGlobal("chunk", .string(binary))
        let r = try state.run("return load(chunk)", chunkName: "=b")
        #expect(r.count == 2)
        #expect(r[0] == .nil)
        #expect(r[1].stringValue?.contains("attempt to load a binary chunk") == true)
    }

    @Test func readingOutsideTheAllowedFoldersIsRefused() throws {
        #expect(
            try refusal("io.open('\(outside)/secret.txt')").contains("is outside the folders a --safe script may read"))
        #expect(try refusal("for l in io.lines('/etc/passwd') do end").contains("is outside the folders"))
        #expect(try refusal("dofile('\(outside)/secret.txt')").contains("is outside the folders"))
        #expect(try refusal("loadfile('/etc/hostname')").contains("is outside the folders"))
        #expect(try refusal("io.input('/etc/hostname')").contains("is outside the folders"))
    }

    @Test func symbolicLinksCannotEscape() throws {
        #expect(try refusal("io.open('\(scripts)/link.txt')").contains("is outside the folders"))
        #expect(try refusal("io.open('\(scripts)/../outside/secret.txt')").contains("is outside the folders"))
    }

    @Test func writingOutsideTheOutputFolderIsRefused() throws {
        #expect(try refusal("io.open('\(scripts)/new.txt', 'w')").contains("may write: the output folder"))
        #expect(try refusal("io.open('\(data)/d.csv', 'a')").contains("may write"))
        #expect(try refusal("io.open('\(data)/d.csv', 'r+')").contains("may write"))
        #expect(try refusal("os.remove('\(data)/d.csv')").contains("may write"))
        #expect(try refusal("os.rename('\(data)/d.csv', '\(out)/d.csv')").contains("may write"))
        #expect(FileManager.default.fileExists(atPath: data + "/d.csv"))
    }

    @Test func allowedReadsWritesAndRequiresWork() throws {
        let r = try sandboxed().run(
            """
            local f = assert(io.open('\(data)/d.csv'))
            local text = f:read('a'); f:close()
            local g = assert(io.open('\(out)/result.txt', 'w'))
            g:write(text); g:close()
            local helper = require('lib.helper')
            return text, helper.answer
            """, chunkName: "=ok")
        #expect(r == ["1,2,3", 42])
        #expect(try String(contentsOfFile: out + "/result.txt", encoding: .utf8) == "1,2,3")
    }

    @Test func requireCannotLoadCModules() throws {
        #expect(try refusal("require('socket.core')").contains("module 'socket.core' not found"))
    }
}

extension LuaValue {
    var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }
}
