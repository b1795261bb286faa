import AlmanacCore
import Foundation
import LuaBridge

/// A plugin file that failed to load: reported, and the others still load.
public struct PluginLoadFailure: Sendable, Equatable {
    public let file: String
    public let message: String
}

/// A problem setting up a run (not a script error): a missing script, an
/// output folder that cannot be made.
public struct HostError: MessageError {
    public let message: String
    public init(_ message: String) { self.message = message }
}

/// One Almanac session: a Lua state with every module installed, the plugin
/// registry filled with native and Lua plugins, and the run's limits.
public final class ScriptHost {
    public let state: LuaState
    public let registry: PluginRegistry
    public let options: HostOptions
    let context: HostContext
    public private(set) var pluginFailures: [PluginLoadFailure] = []
    public private(set) var pluginFiles: [String] = []

    public init(options: HostOptions) throws(HostError) {
        self.options = options
        if options.safe, let link = symbolicLinkOnTheWay(to: options.outputDirectory) {
            throw HostError(
                "--safe: the output folder '\(options.outputDirectory)' goes through the symbolic link '\(link)'; a link shipped beside a script could send its writes anywhere, so --safe refuses it (give a real folder with -o)"
            )
        }
        do {
            try FileManager.default.createDirectory(atPath: options.outputDirectory, withIntermediateDirectories: true)
        } catch {
            throw HostError(
                "cannot create the output folder '\(options.outputDirectory)': \(error.localizedDescription)")
        }
        registry = PluginRegistry()
        context = HostContext(registry: registry, seed: options.seed, outputDirectory: options.outputDirectory)
        do {
            state = try LuaState()
            state.errorWording = LuaWording.lua
            try registry.registerNativePlugins()
            try state.run(deterministicPairsSource, chunkName: "=[almanac prelude]")
            for module in ScriptHost.modules(context) { try state.install(module) }
            if options.safe {
                let scriptDirectory = options.scriptDirectory ?? FileManager.default.currentDirectoryPath
                let policy = SandboxPolicy(
                    readableRoots: [scriptDirectory] + options.dataDirectories,
                    writableRoots: [options.outputDirectory], modulePath: [scriptDirectory])
                context.sandbox = policy
                try state.applySandbox(policy)
            } else if let scriptDirectory = options.scriptDirectory {
                try state.run(
                    "package.path = ... .. '/?.lua;' .. ... .. '/?/init.lua;' .. package.path",
                    chunkName: "=[almanac]", arguments: [.string(scriptDirectory)])
            }
        } catch let error as LuaError {
            throw HostError("internal error while setting up Lua: \(error.message)")
        } catch {
            throw HostError("internal error while registering plugins: \(error)")
        }
        timeLimit = options.timeout ?? (options.safe ? HostOptions.safeDefaultTimeout : nil)
        for directory in options.pluginDirectories { loadPlugins(in: directory) }
        if let mb = options.maxMemoryMB ?? (options.safe ? HostOptions.safeDefaultMaxMemoryMB : nil) {
            state.setMemoryLimit(bytes: mb * 1024 * 1024)
        }
        state.installHook()
    }

    let timeLimit: Double?
    /// Whether --safe's read-only globals are in place (before the first script chunk runs).
    private var sealed = false

    /// Under --safe, makes the globals read-only once, after the host's own set-up.
    func sealForScripts() throws(LuaError) {
        guard options.safe, !sealed else { return }
        try state.sealGlobals()
        sealed = true
    }

    /// Every Lua module the host installs, in order; the reference docs list the same.
    static func modules(_ context: HostContext) -> [LuaModuleSpec] {
        [
            AlmanacModule.spec(context), RandomModule.spec(context), SeriesModule.spec(), DataModule.spec(context),
            MetricsModule.spec(), ForecastModule.spec(context), OptimizeModule.spec(context), DistModule.spec(context),
            InventoryModule.spec(context),
            PlotModule.spec(context), ReportModule.spec(context),
        ]
    }

    /// The modules as documentation sees them (no state needed).
    public static func moduleSpecs() -> [LuaModuleSpec] {
        modules(HostContext(registry: PluginRegistry(), seed: 0, outputDirectory: "out"))
    }

    // MARK: Plugins

    /// Loads every *.lua file in `directory`, sorted by name; failures are recorded, not fatal.
    public func loadPlugins(in directory: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            pluginFailures.append(PluginLoadFailure(file: directory, message: "\(directory): not a readable folder"))
            return
        }
        for name in names.sorted() where name.hasSuffix(".lua") {
            loadPlugin(at: directory + "/" + name)
        }
    }

    /// Runs one plugin file in its own environment (globals it sets stay its own).
    public func loadPlugin(at path: String) {
        let shown = displayPath(path)
        guard let source = try? String(contentsOfFile: path, encoding: .utf8) else {
            pluginFailures.append(PluginLoadFailure(file: shown, message: "\(shown): cannot read the file"))
            return
        }
        do {
            try state.runInOwnEnvironment(source, chunkName: "@" + shown)
            pluginFiles.append(shown)
        } catch {
            pluginFailures.append(PluginLoadFailure(file: shown, message: error.message))
        }
    }

    // MARK: Running scripts

    /// Runs the script at `path` ("-" reads standard input); `arguments` become `arg[1...]` and `...`.
    public func runScript(at path: String, arguments: [String] = []) throws {
        try runScript(source: try ScriptHost.readScript(at: path), path: path, arguments: arguments)
    }

    /// The text of the script at `path` ("-": standard input).
    public static func readScript(at path: String) throws(HostError) -> String {
        let handle = path == "-" ? FileHandle.standardInput : FileHandle(forReadingAtPath: path)
        guard let handle else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw HostError(exists ? "cannot read script '\(path)'" : "no script at '\(path)'")
        }
        let data = (try? handle.readToEnd()) ?? Data()
        guard let source = String(data: data, encoding: .utf8) else {
            throw HostError("script '\(path)' is not UTF-8 text")
        }
        return source
    }

    /// Runs a script already read from `path` (which names it in messages and `arg[0]`).
    public func runScript(source: String, path: String, arguments: [String] = []) throws {
        try setScriptArguments(path: path, arguments)
        let chunkName = path == "-" ? "=stdin" : "@" + path
        try runChunk(withoutShebang(source), chunkName: chunkName, arguments: arguments.map { .string($0) })
    }

    /// `arg[0]` is the script, `arg[1...]` its arguments, as the lua interpreter sets them.
    func setScriptArguments(path: String, _ arguments: [String]) throws(LuaError) {
        state.setGlobal("arg", .array(arguments.map { .string($0) }))
        try state.run("arg[0] = ...", chunkName: "=[almanac]", arguments: [.string(path)])
    }

    /// Runs Lua source under the run's time limit.
    @discardableResult
    public func runChunk(_ source: String, chunkName: String, arguments: [LuaValue] = []) throws(LuaError) -> [LuaValue]
    {
        try sealForScripts()
        state.setTimeLimit(seconds: timeLimit)
        defer { state.setTimeLimit(seconds: nil) }
        let watchdog = options.endsProcessPastDeadline ? timeLimit.map(HardDeadline.init(seconds:)) : nil
        defer { watchdog?.finish() }
        return try underStopCheck { () throws(LuaError) -> [LuaValue] in
            try state.run(source, chunkName: chunkName, arguments: arguments)
        }
    }

    /// Runs `body` with this state's stop (time limit, interrupt) installed for
    /// long native loops on this thread: they ask the same stop the count hook does.
    func underStopCheck<T>(_ body: () throws(LuaError) -> T) throws(LuaError) -> T {
        let stop = ScriptStop(state.L)
        return try Interruption.withCheck({ stop.requested }, body)
    }

    /// The run's seed and generator state are the host's; this is the seed it started with.
    public var seed: UInt64 { context.initialSeed }
}

/// The first symbolic link among the components of `path` a script's
/// folder could ship: for a relative path every component from the current
/// folder on, for an absolute one (typed by the user) only the last.
func symbolicLinkOnTheWay(to path: String) -> String? {
    let components = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    if path.hasPrefix("/") { return isSymbolicLink(path) ? path : nil }
    var prefix = ""
    for component in components {
        prefix = prefix.isEmpty ? component : prefix + "/" + component
        if isSymbolicLink(prefix) { return prefix }
    }
    return nil
}

/// A `#!` first line is skipped, as lua does, keeping line numbers.
func withoutShebang(_ source: String) -> String {
    guard source.hasPrefix("#") else { return source }
    guard let newline = source.firstIndex(of: "\n") else { return "" }
    return "--" + source[newline...]
}

/// A path as the user would write it: relative to the current folder when below it.
func displayPath(_ path: String) -> String {
    let cwd = FileManager.default.currentDirectoryPath
    let absolute = path.hasPrefix("/") ? path : cwd + "/" + path
    let standardized = (absolute as NSString).standardizingPath
    return standardized.hasPrefix(cwd + "/") ? String(standardized.dropFirst(cwd.count + 1)) : standardized
}
