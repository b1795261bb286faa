import Foundation
import LuaBridge
@testable import Workbench

/// The repository root, found from this file's path.
let repositoryRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
        url.deleteLastPathComponent()
        if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
    }
    return FileManager.default.currentDirectoryPath
}()

func temporaryFolder(_ label: String) -> String {
    let path = NSTemporaryDirectory() + "almanac-\(label)-\(UUID().uuidString)"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// A host with the repository's plugins, writing into a fresh temporary folder.
func makeHost(safe: Bool = false, pluginFolders: [String] = [], scriptDirectory: String? = nil,
              seed: UInt64 = 0) throws -> ScriptHost {
    var options = HostOptions()
    options.outputDirectory = temporaryFolder("out")
    options.pluginDirectories = [repositoryRoot + "/plugins"] + pluginFolders
    options.safe = safe
    options.scriptDirectory = scriptDirectory
    options.seed = seed
    return try ScriptHost(options: options)
}

/// Runs `code` as chunk `name` and returns its results.
@discardableResult
func run(_ host: ScriptHost, _ code: String, name: String = "@s.lua") throws(LuaError) -> [LuaValue] {
    try host.runChunk(code, chunkName: name)
}

/// The message of the error `code` raises, or "(no error)".
func errorMessage(_ host: ScriptHost, _ code: String, name: String = "@s.lua") -> String {
    do {
        try host.runChunk(code, chunkName: name)
        return "(no error)"
    } catch {
        return error.message
    }
}

func writeFile(_ path: String, _ text: String) {
    try? text.write(toFile: path, atomically: true, encoding: .utf8)
}
