import AlmanacCore
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

    init(registry: PluginRegistry, seed: UInt64, outputDirectory: String) {
        self.registry = registry
        self.initialSeed = seed
        self.generator = SeededGenerator(seed: seed)
        self.outputDirectory = outputDirectory
    }
}

/// Almanac's version; `almanac --version` and `almanac.version` report it.
public let almanacVersion = "0.1.0"
