import Foundation
import LuaBridge
@_exported import TestSupport

@testable import Workbench

/// A host with the repository's plugins, writing into a fresh temporary folder.
func makeHost(
    safe: Bool = false, pluginFolders: [String] = [], scriptDirectory: String? = nil,
    seed: UInt64 = 0
) throws -> ScriptHost {
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
