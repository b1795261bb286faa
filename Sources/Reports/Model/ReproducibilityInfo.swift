/// What a reader needs to rerun a report and get the same result: the versions
/// of everything involved, the seed, and fingerprints of the script and its data.
public struct ReproducibilityInfo: Sendable, Equatable {
    public var almanacVersion: String
    public var luaVersion: String
    /// nil when gnuplot is not installed.
    public var gnuplotVersion: String?
    public var operatingSystem: String
    public var seed: UInt64?
    public var script: FileFingerprint
    public var dataFiles: [FileFingerprint]
    /// nil when the script is not in a git repository (or git is missing).
    public var git: GitState?
    /// Varies between runs: the HTML and Markdown writers put it on a line of its own.
    public var wallTimeSeconds: Double
    /// Varies between runs, like `wallTimeSeconds`. ISO 8601, e.g. `2025-01-31T09:15:02Z`.
    public var renderedAt: String

    public init(
        almanacVersion: String, luaVersion: String, gnuplotVersion: String?, operatingSystem: String,
        seed: UInt64?, script: FileFingerprint, dataFiles: [FileFingerprint], git: GitState?,
        wallTimeSeconds: Double, renderedAt: String
    ) {
        self.almanacVersion = almanacVersion
        self.luaVersion = luaVersion
        self.gnuplotVersion = gnuplotVersion
        self.operatingSystem = operatingSystem
        self.seed = seed
        self.script = script
        self.dataFiles = dataFiles
        self.git = git
        self.wallTimeSeconds = wallTimeSeconds
        self.renderedAt = renderedAt
    }
}

/// A file and the SHA-256 of its bytes (lowercase hex); nil when it could not be read.
public struct FileFingerprint: Sendable, Equatable {
    public var path: String
    public var sha256: String?

    public init(path: String, sha256: String?) {
        self.path = path
        self.sha256 = sha256
    }
}

/// The commit checked out where the script lives, and whether tracked files differ from it.
public struct GitState: Sendable, Equatable {
    public var commit: String
    /// nil when the working tree was not compared with the commit (under
    /// --safe git is never run: a repository shipped with a notebook could
    /// make it run commands).
    public var isDirty: Bool?

    public init(commit: String, isDirty: Bool?) {
        self.commit = commit
        self.isDirty = isDirty
    }
}
