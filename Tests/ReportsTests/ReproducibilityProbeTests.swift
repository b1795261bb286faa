import Foundation
import Reports
import TestSupport
import Testing

@Suite struct ReproducibilityProbeTests {
    @Test func operatingSystemNamesTheKernel() {
        let os = ReproducibilityProbe.operatingSystem()
        #expect(os.contains("Linux"))
        #expect(!os.contains("\n"))
    }

    @Test func gitStateOfARepositoryAndOfAPlainFolder() throws {
        let folder = temporaryFolder("git-probe")
        #expect(ReproducibilityProbe.gitState(of: folder) == nil)
        #expect(ReproducibilityProbe.gitState(of: folder + "/missing") == nil)
        guard git(["init", "-q"], in: folder) else { return }  // no git on this machine: nil above is all we can check
        writeFile(folder + "/script.lua", "print(1)\n")
        #expect(git(["add", "script.lua"], in: folder))
        #expect(git(["-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-q", "-m", "one"], in: folder))
        let clean = try #require(ReproducibilityProbe.gitState(of: folder))
        #expect(clean.commit.count == 40 && clean.commit.allSatisfy(\.isHexDigit))
        #expect(clean.isDirty == false)
        // Without running git (--safe): the same commit, read from .git's files, state unknown.
        #expect(
            ReproducibilityProbe.gitState(of: folder, runningGit: false) == GitState(commit: clean.commit, isDirty: nil)
        )
        #expect(ReproducibilityProbe.gitState(of: folder + "/missing", runningGit: false) == nil)
        writeFile(folder + "/report.html", "untracked files do not count")
        #expect(ReproducibilityProbe.gitState(of: folder)?.isDirty == false)
        writeFile(folder + "/script.lua", "print(2)\n")
        #expect(ReproducibilityProbe.gitState(of: folder) == GitState(commit: clean.commit, isDirty: true))
        // Packed refs (after git gc) are read too.
        #expect(git(["pack-refs", "--all"], in: folder))
        #expect(ReproducibilityProbe.gitState(of: folder, runningGit: false)?.commit == clean.commit)
    }

    @Test func timestampIsISO8601InUTC() {
        #expect(ReproducibilityProbe.timestamp(Date(timeIntervalSince1970: 1_738_314_902)) == "2025-01-31T09:15:02Z")
    }

    private func git(_ arguments: [String], in folder: String) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}
