/// How a host is set up: the CLI's flags, as a value.
public struct HostOptions: Sendable {
    /// Where everything the script writes goes (-o/--out). Created if missing.
    public var outputDirectory = "out"
    /// Run with the sandbox (--safe).
    public var safe = false
    /// Wall-clock limit in seconds (--timeout); nil: none.
    public var timeout: Double?
    /// Memory cap in MB for Lua (--max-memory); nil: none.
    public var maxMemoryMB: Int?
    /// Extra folders a --safe script may read (--data).
    public var dataDirectories: [String] = []
    /// Folders whose *.lua plugins load at start-up, in order.
    public var pluginDirectories: [String] = []
    /// The run's seed (--seed).
    public var seed: UInt64 = 0
    /// Whether --seed was given: it then wins over a notebook header's seed.
    public var seedGivenExplicitly = false
    /// The script's folder, readable in --safe mode and searched by require.
    public var scriptDirectory: String?
    /// End the whole process when a script is still running `HardDeadline.grace`
    /// seconds past its time limit: the one stop that also holds inside code
    /// that never yields (a C pattern search in Lua's string library). The CLI
    /// sets it; a library embedding the host decides for itself.
    public var endsProcessPastDeadline = false

    public init() {}

    /// A notebook header's seed is the run's seed unless --seed was given.
    public mutating func adoptHeaderSeed(_ headerSeed: UInt64?) {
        if let headerSeed, !seedGivenExplicitly { seed = headerSeed }
    }

    /// --safe without explicit limits still has some: a script someone else wrote
    /// must not be able to run forever or eat the machine.
    public static let safeDefaultTimeout = 600.0
    public static let safeDefaultMaxMemoryMB = 4096
}
