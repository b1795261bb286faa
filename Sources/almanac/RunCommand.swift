import ArgumentParser
import Foundation
import Workbench

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a Lua script.",
        discussion: "Arguments after the script reach it as arg[1], arg[2], ... (and as `...`). Exit status: 0 on success, 1 when the script fails, 2 when it cannot start.")

    @OptionGroup var output: OutputFolderFlag
    @OptionGroup var flags: HostFlags

    @Argument(help: "The script to run (- reads it from standard input).")
    var script: String

    @Argument(parsing: .captureForPassthrough, help: "Arguments for the script.")
    var arguments: [String] = []

    func run() throws {
        let directory = URL(fileURLWithPath: script).deletingLastPathComponent().path
        let host = try Diagnostics.makeHost(flags.hostOptions(scriptDirectory: directory, outputDirectory: output.out))
        do {
            try host.runScript(at: script, arguments: arguments)
        } catch let error as HostError {
            flushStandardOutput()
            Diagnostics.print("almanac: \(error.message)")
            throw ExitCode(2)
        } catch {
            flushStandardOutput()
            Diagnostics.report(error)
            throw ExitCode(1)
        }
        flushStandardOutput()
    }
}
