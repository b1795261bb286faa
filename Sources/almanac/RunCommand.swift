import ArgumentParser
import Foundation
import Reports
import Workbench

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a Lua script.",
        discussion:
            "Arguments after the script reach it as arg[1], arg[2], ... (and as `...`). A notebook header's seed (docs/reports.md) is the run's seed unless --seed is given, so run and render give the same numbers. Exit status: 0 on success, 1 when the script fails, 2 when it cannot start (a bad notebook header included)."
    )

    @OptionGroup var output: OutputFolderFlag
    @OptionGroup var flags: HostFlags

    @Argument(help: "The script to run (- reads it from standard input).")
    var script: String

    @Argument(parsing: .captureForPassthrough, help: "Arguments for the script.")
    var arguments: [String] = []

    func run() throws {
        let directory = URL(fileURLWithPath: script).deletingLastPathComponent().path
        var options = flags.hostOptions(scriptDirectory: directory, outputDirectory: output.out)
        let source: String
        do {
            source = try ScriptHost.readScript(at: script)
            // A notebook run as a script gives the numbers its render gives: the header's seed applies.
            options.adoptHeaderSeed(try NotebookParser.header(source: source, path: script).seed)
        } catch {
            Diagnostics.print("almanac: \(error)")
            throw ExitCode(2)
        }
        let host = try Diagnostics.makeHost(options)
        do {
            try host.runScript(source: source, path: script, arguments: arguments)
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
