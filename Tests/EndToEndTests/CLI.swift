import Foundation
@_exported import TestSupport

/// The almanac binary built beside this test bundle ($ALMANAC_BIN overrides),
/// else the one of the configuration that built the tests: scripts/test.sh
/// tests a release build, and a debug binary left from earlier must not stand in.
let almanacBinary: String = {
    if let path = ProcessInfo.processInfo.environment["ALMANAC_BIN"] { return path }
    let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(
        "almanac"
    ).path
    if FileManager.default.isExecutableFile(atPath: beside) { return beside }
    #if DEBUG
        return repositoryRoot + "/.build/debug/almanac"
    #else
        return repositoryRoot + "/.build/release/almanac"
    #endif
}()

struct Completed {
    let status: Int32
    let stdout: String
    let stderr: String
    /// True when the process died of a signal (then `status` is the signal's number).
    var signaled = false
}

/// Runs the real binary with `arguments`, from the repository root unless told otherwise.
func almanac(
    _ arguments: [String], stdin: String? = nil, environment: [String: String] = [:],
    directory: String = repositoryRoot
) throws -> Completed {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: almanacBinary)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    var env = ProcessInfo.processInfo.environment
    env.removeValue(forKey: "ALMANAC_PLUGIN_PATH")
    for (k, v) in environment { env[k] = v }
    process.environment = env
    let out = Pipe(), err = Pipe(), input = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try input.fileHandleForWriting.close()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Completed(
        status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
        stderr: String(decoding: errData, as: UTF8.self),
        signaled: process.terminationReason == .uncaughtSignal)
}
