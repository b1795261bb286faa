import ArgumentParser
import Foundation
import LuaBridge
import Workbench

/// Flags shared by every command that starts a Lua session.
struct HostFlags: ParsableArguments {
    @Flag(
        help:
            "Sandbox the script: no programs, no C modules or binary chunks, reads only below the script's folder and --data folders, writes only below --out. Implies --timeout 600 and --max-memory 4096 unless given."
    )
    var safe = false

    @Option(help: ArgumentHelp("Stop the script after this many seconds of wall time.", valueName: "seconds"))
    var timeout: Double?

    @Option(name: .customLong("max-memory"), help: ArgumentHelp("Cap the memory Lua may hold, in MB.", valueName: "MB"))
    var maxMemory: Int?

    @Option(
        name: .customLong("plugins"),
        help: ArgumentHelp("Also load the Lua plugins in this folder (repeatable).", valueName: "dir"))
    var pluginDirectories: [String] = []

    @Option(
        name: .customLong("data"),
        help: ArgumentHelp("A folder a --safe script may read (repeatable).", valueName: "dir"))
    var dataDirectories: [String] = []

    @Option(
        help:
            "Seed of the random generator behind math.random and every sampler (default 0, or a notebook header's seed)."
    )
    var seed: UInt64?

    func validate() throws {
        if let timeout, !(timeout > 0) { throw ValidationError("--timeout must be a positive number of seconds") }
        if let maxMemory, maxMemory < 1 { throw ValidationError("--max-memory must be at least 1 (MB)") }
    }

    func hostOptions(scriptDirectory: String?, outputDirectory: String) -> HostOptions {
        var options = HostOptions()
        options.outputDirectory = outputDirectory
        options.safe = safe
        options.timeout = timeout
        options.endsProcessPastDeadline = true
        options.maxMemoryMB = maxMemory
        options.dataDirectories = dataDirectories
        options.seed = seed ?? 0
        options.seedGivenExplicitly = seed != nil
        options.scriptDirectory = scriptDirectory
        options.pluginDirectories = PluginFolders.standard(extra: pluginDirectories)
        return options
    }
}

/// -o/--out for commands whose output is a folder (run, repl).
struct OutputFolderFlag: ParsableArguments {
    @Option(name: [.customShort("o"), .long], help: "Folder for everything the script writes.")
    var out: String = "out"
}

/// Where plugins come from, in load order.
enum PluginFolders {
    /// The bundled plugins/, then ALMANAC_PLUGIN_PATH's folders, then --plugins folders.
    static func standard(extra: [String], includeEnvironment: Bool = true) -> [String] {
        var folders: [String] = []
        if let bundled = bundled() { folders.append(bundled) }
        if includeEnvironment, let path = ProcessInfo.processInfo.environment["ALMANAC_PLUGIN_PATH"] {
            folders += path.split(separator: ":").map(String.init).filter { !$0.isEmpty }
        }
        return folders + extra
    }

    /// The plugins/ folder that ships with this binary: $ALMANAC_HOME/plugins,
    /// <prefix>/share/almanac/plugins next to an installed binary, or the
    /// checkout the binary was built in (found by walking up from it).
    static func bundled() -> String? {
        let fm = FileManager.default
        if let home = ProcessInfo.processInfo.environment["ALMANAC_HOME"] {
            return home + "/plugins"
        }
        let executable = (try? fm.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var folder = URL(fileURLWithPath: executable).deletingLastPathComponent()
        let installed = folder.deletingLastPathComponent().appendingPathComponent("share/almanac/plugins").path
        if fm.fileExists(atPath: installed) { return installed }
        for _ in 0..<6 {
            let candidate = folder.appendingPathComponent("plugins").path
            if fm.fileExists(atPath: folder.appendingPathComponent("Package.swift").path),
                fm.fileExists(atPath: candidate)
            {
                return candidate
            }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }
}

/// Messages for people, on standard error.
enum Diagnostics {
    static func print(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static func report(_ failures: [PluginLoadFailure]) {
        for failure in failures { print("almanac: a plugin failed to load: \(failure.message)") }
    }

    /// A Lua error as the user reads it: the message, then a short traceback.
    static func report(_ error: Error) {
        if let error = error as? LuaError {
            print(error.message)
            if let traceback = error.shortTraceback() { print(traceback) }
        } else {
            print("almanac: \(error)")
        }
    }

    static func makeHost(_ options: HostOptions) throws -> ScriptHost {
        do {
            let host = try ScriptHost(options: options)
            report(host.pluginFailures)
            return host
        } catch {
            print("almanac: \(error.message)")
            throw ExitCode(2)
        }
    }
}

/// Flushes standard output before writing to standard error, so the two interleave in order.
func flushStandardOutput() { fflush(nil) }
