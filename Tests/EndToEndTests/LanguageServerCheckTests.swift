import Foundation
import Testing

/// The stubs as the Lua language server itself reads them, with the examples and
/// plugins: only where a server is at hand (scripts/check-stubs.sh says where it
/// looks and how to install one), so CI never downloads it.
@Suite struct LanguageServerCheckTests {
    static let serverAvailable: Bool = {
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["ALMANAC_LUA_LANGUAGE_SERVER"], !path.isEmpty { return true }
        let installed = repositoryRoot + "/.build/lua-language-server/ECY_exe/bin/lua-language-server"
        let onPath = (environment["PATH"] ?? "").split(separator: ":").map { String($0) + "/lua-language-server" }
        return ([installed] + onPath).contains { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    @Test(.enabled(if: serverAvailable, "no lua-language-server: scripts/check-stubs.sh --install gets one"))
    func theLanguageServerFindsNoProblemInTheStubsExamplesAndPlugins() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [repositoryRoot + "/scripts/check-stubs.sh"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.contains("check-stubs: no problems"), "\(text)")
    }
}
