import Foundation
import Testing

/// Issue 16 §2's property test: every declared Lua function and method,
/// called with extreme values in every argument and every option field
/// (Fuzz/extreme_arguments.lua), returns or raises a Lua error. A signal, an
/// exit status other than 0 or 1, or a run past its time limit fails, naming
/// the call that was running. One process per function, under a 6 GB address
/// space limit (outside AddressSanitizer), so an allocation sized by an
/// argument shows up as a finding rather than as a machine out of memory.
@Suite("Every Lua function survives extreme arguments")
struct ExtremeArgumentTests {
    static let driver = repositoryRoot + "/Tests/EndToEndTests/Fuzz/extreme_arguments.lua"
    static let stubs = repositoryRoot + "/stubs/almanac.lua"

    static let names: [String] = {
        let folder = temporaryFolder("fuzz-list")
        guard let result = try? almanac(["run", "-o", folder, driver, stubs, "list"]), result.status == 0 else {
            return []
        }
        return result.stdout.split(separator: "\n").map(String.init)
    }()

    @Test("the list of declared functions is complete")
    func listed() {
        #expect(Self.names.count > 120, "\(Self.names.count) functions listed")
        #expect(Self.names.contains("forecast.fit") && Self.names.contains("Series:diff"))
    }

    @Test("extreme arguments", arguments: names)
    func extremeArguments(_ name: String) throws {
        let folder = temporaryFolder("fuzz")
        // AddressSanitizer reserves terabytes of address space for its shadow memory, so
        // under it (ASAN_OPTIONS set) the address-space limit is left to ASan's own checks.
        let limit = ProcessInfo.processInfo.environment["ASAN_OPTIONS"] == nil ? "ulimit -v 6000000; " : ""
        let command =
            "\(limit)exec '\(almanacBinary)' run --timeout 60 --max-memory 2048 -o '\(folder)' '\(Self.driver)' '\(Self.stubs)' run '\(name)'"
        let start = Date()
        let result = try shell(command, directory: folder)
        let seconds = Date().timeIntervalSince(start)
        let lastCall =
            result.stdout.split(separator: "\n").last { $0.hasPrefix("CALL ") }.map(String.init)
            ?? "(before the first call)"
        #expect(!result.signaled, "signal \(result.status) during \(lastCall): \(result.stderr.suffix(600))")
        if result.status == 1 {
            // Stopping at the time limit is allowed (some calls legitimately take long); anything else is not.
            #expect(result.stderr.contains("time limit"), "\(lastCall): \(result.stderr.suffix(600))")
        } else {
            #expect(result.status == 0, "exit \(result.status) during \(lastCall): \(result.stderr.suffix(600))")
            #expect(result.stdout.contains("DONE \(name)"), "\(name) did not finish: \(result.stderr.suffix(300))")
        }
        #expect(seconds < 120, "\(name) ran \(Int(seconds)) s, past its time limit")
    }
}

/// Runs `command` with /bin/sh in `directory`.
func shell(_ command: String, directory: String) throws -> Completed {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", command]
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    // Both pipes drain at once: a full stderr pipe must not stall the child while stdout is read.
    nonisolated(unsafe) var errData = Data()
    let errDone = DispatchSemaphore(value: 0)
    DispatchQueue.global().async {
        errData = err.fileHandleForReading.readDataToEndOfFile()
        errDone.signal()
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    errDone.wait()
    process.waitUntilExit()
    return Completed(
        status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
        stderr: String(decoding: errData, as: UTF8.self),
        signaled: process.terminationReason == .uncaughtSignal)
}
