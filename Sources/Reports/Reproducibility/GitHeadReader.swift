import Foundation

/// The commit a repository has checked out, read from its files without
/// running git: `.git/HEAD` (a commit id, or `ref: refs/heads/…`), then the
/// ref's loose file or `packed-refs`. Follows a `.git` file's `gitdir:` (work
/// trees, submodules). Reads a handful of small files and nothing else, so a
/// hostile repository can at most make it answer nil.
enum GitHeadReader {
    static func commit(of directory: String) -> String? {
        guard let gitDirectory = findGitDirectory(from: directory) else { return nil }
        guard let head = readSmallFile(gitDirectory + "/HEAD")?.trimmedWhitespace else { return nil }
        if isCommitID(head) { return head }
        guard head.hasPrefix("ref: ") else { return nil }
        let ref = String(head.dropFirst(5)).trimmedWhitespace
        // A ref is a relative path under the git folder: refuse anything that could leave it.
        guard ref.hasPrefix("refs/"), !ref.split(separator: "/").contains("..") else { return nil }
        // Work trees keep their refs in the common folder.
        var folders = [gitDirectory]
        if let common = readSmallFile(gitDirectory + "/commondir")?.trimmedWhitespace {
            folders.append(common.hasPrefix("/") ? common : gitDirectory + "/" + common)
        }
        for folder in folders {
            if let loose = readSmallFile(folder + "/" + ref)?.trimmedWhitespace, isCommitID(loose) { return loose }
            if let packed = readSmallFile(folder + "/packed-refs", limit: 64 << 20) {
                for line in packed.split(separator: "\n") where !line.hasPrefix("#") && !line.hasPrefix("^") {
                    let parts = line.split(separator: " ", maxSplits: 1)
                    if parts.count == 2, parts[1] == ref, isCommitID(String(parts[0])) { return String(parts[0]) }
                }
            }
        }
        return nil
    }

    /// The repository folder for `directory`: the nearest `.git` folder above it,
    /// or the folder a `.git` file names.
    static func findGitDirectory(from directory: String) -> String? {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder), isFolder.boolValue else {
            return nil
        }
        var url = URL(fileURLWithPath: directory).standardizedFileURL
        for _ in 0..<256 {
            let candidate = url.appendingPathComponent(".git").path
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory) {
                if isDirectory.boolValue { return candidate }
                guard let text = readSmallFile(candidate)?.trimmedWhitespace, text.hasPrefix("gitdir: ") else {
                    return nil
                }
                let target = String(text.dropFirst(8)).trimmedWhitespace
                return target.hasPrefix("/") ? target : url.path + "/" + target
            }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { return nil }
            url = parent
        }
        return nil
    }

    static func isCommitID(_ text: String) -> Bool {
        (text.utf8.count == 40 || text.utf8.count == 64)
            && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }

    private static func readSmallFile(_ path: String, limit: Int = 4096) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: limit + 1), data.count <= limit else { return nil }
        return String(data: data, encoding: .utf8)
    }
}
