import AlmanacCore
import Charts
import Foundation
import LuaBridge

/// What the Lua modules share with the host: the registry, the one random
/// generator, and where output goes.
final class HostContext {
    let registry: PluginRegistry
    var generator: SeededGenerator
    let outputDirectory: String
    /// The run's seed (--seed), for math.randomseed() without arguments.
    let initialSeed: UInt64
    /// In --safe mode, what native file access may touch (the same rules as io.open).
    var sandbox: SandboxPolicy?
    /// Set while rendering a notebook: printed text, tables and charts without a file go there.
    var report: ReportCollector?
    /// Every data file a native function read (data.csv, data.sqlite, forecast.load), in order, for the report's fingerprints.
    private(set) var filesRead: [String] = []
    var gnuplotRunner: GnuplotRunner?
    /// The Lua thread a Lua model plugin runs on while a binding calls it.
    let luaModels = LuaModelThread()

    init(registry: PluginRegistry, seed: UInt64, outputDirectory: String) {
        self.registry = registry
        self.initialSeed = seed
        self.generator = SeededGenerator(seed: seed)
        self.outputDirectory = outputDirectory
    }
}

extension HostContext {
    /// A path a native function will read: checked against the sandbox in --safe mode.
    func readablePath(_ path: String) throws(ScriptError) -> String {
        if !filesRead.contains(path) { filesRead.append(path) }
        guard let sandbox else { return path }
        switch sandbox.check(path, mode: "r") {
        case .success(let resolved): return resolved
        case .failure(let error): throw error
        }
    }

    /// A path a native function will write: relative paths go into the output
    /// folder (-o/--out); in --safe mode the result must lie inside it.
    func writablePath(_ path: String) throws(ScriptError) -> String {
        let full = path.hasPrefix("/") ? path : outputDirectory + "/" + path
        guard let sandbox else { return full }
        switch sandbox.check(full, mode: "w") {
        case .success(let resolved): return resolved
        case .failure(let error): throw error
        }
    }
}

/// Almanac's version; `almanac --version` and `almanac.version` report it.
public let almanacVersion = "0.1.0"
