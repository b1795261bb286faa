import Foundation

/// Fills in what plain Swift can learn for `ReproducibilityInfo`: file hashes, the
/// operating system, the git state and gnuplot's version. Nothing here throws;
/// what cannot be learned comes back nil.
public enum ReproducibilityProbe {
    /// The SHA-256 of a file's bytes as lowercase hex; nil when it cannot be read.
    /// Reads in chunks, so a large data file is never held in memory whole.
    public static func sha256(ofFile path: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var hasher = SHA256()
        do {
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { hasher.update(chunk) }
        } catch {
            return nil  // a directory, or a read error
        }
        return hasher.finalizeHex()
    }

    /// The SHA-256 of `bytes` as lowercase hex.
    public static func sha256(of bytes: some Collection<UInt8>) -> String {
        SHA256.hexDigest(of: bytes)
    }

    public static func fingerprint(ofFile path: String) -> FileFingerprint {
        FileFingerprint(path: path, sha256: sha256(ofFile: path))
    }

    /// "Debian GNU/Linux 12 (bookworm); Linux 6.1.0-18-amd64 x86_64": the
    /// distribution's PRETTY_NAME from /etc/os-release, then the kernel.
    public static func operatingSystem() -> String {
        let kernel = kernelDescription()
        guard let distribution = osReleasePrettyName() else { return kernel }
        return "\(distribution); \(kernel)"
    }

    /// The commit checked out in `directory`'s repository and whether tracked files
    /// have uncommitted changes (untracked files do not count: a report written
    /// next to the script would otherwise make the next render "dirty").
    /// nil when `directory` is not in a repository or git is missing.
    /// With `runningGit` false (--safe) no program runs: the commit is read from
    /// the repository's files (GitHeadReader) and the dirty state is left
    /// unknown, because git's status can be made to run commands by the
    /// repository's own config (core.fsmonitor, filters), which a notebook
    /// received from someone else may ship.
    public static func gitState(of directory: String, runningGit: Bool = true) -> GitState? {
        guard runningGit else {
            return GitHeadReader.commit(of: directory).map { GitState(commit: $0, isDirty: nil) }
        }
        // Even when trusted, keep the repository's fsmonitor hook from running.
        let git = ["git", "-c", "core.fsmonitor=false", "-C", directory]
        guard let head = CommandRunner.output(of: git + ["rev-parse", "HEAD"]) else { return nil }
        let commit = head.trimmedWhitespace
        guard !commit.isEmpty,
            let status = CommandRunner.output(of: git + ["status", "--porcelain", "--untracked-files=no"])
        else { return nil }
        return GitState(commit: commit, isDirty: !status.isBlank)
    }

    /// An ISO 8601 timestamp in UTC, to the second: `2025-01-31T09:15:02Z`.
    public static func timestamp(_ date: Date = Date()) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    static func osReleasePrettyName() -> String? {
        guard let text = try? String(contentsOfFile: "/etc/os-release", encoding: .utf8) else { return nil }
        for line in splitLuaLines(text) where line.hasPrefix("PRETTY_NAME=") {
            let value = unquoted(String(line.dropFirst("PRETTY_NAME=".count)).trimmedWhitespace)
            return value.isEmpty ? nil : value
        }
        return nil
    }

    /// The kernel's name, release and machine, as `uname -srm` prints them.
    static func kernelDescription() -> String {
        var info = utsname()
        guard uname(&info) == 0 else { return ProcessInfo.processInfo.operatingSystemVersionString }
        let fields = [field(&info.sysname), field(&info.release), field(&info.machine)].filter { !$0.isEmpty }
        return fields.joined(separator: " ")
    }

    private static func field<T>(_ value: inout T) -> String {
        withUnsafeBytes(of: &value) { raw in
            String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
        }
    }
}
