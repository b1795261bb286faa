import ArgumentParser
import CEditLine
import Foundation
import Workbench

struct ReplCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repl",
        abstract: "An interactive Lua prompt with the whole Almanac API loaded.",
        discussion:
            "Expressions print their values; statements run; an error is shown and the session goes on. Up and down recall earlier lines. Ctrl-C stops running code, Ctrl-D quits."
    )

    @OptionGroup var output: OutputFolderFlag
    @OptionGroup var flags: HostFlags

    func run() throws {
        let host = try Diagnostics.makeHost(
            flags.hostOptions(scriptDirectory: FileManager.default.currentDirectoryPath, outputDirectory: output.out))
        let session: ReplSession
        do { session = try ReplSession(host: host) } catch {
            Diagnostics.print("almanac: internal error while setting up the prompt: \(error.message)")
            throw ExitCode(2)
        }
        let terminal = isatty(STDIN_FILENO) != 0
        let reader: LineReader = terminal ? EditLineReader() : PlainLineReader()
        interruptTarget = host.state.interruptFlag
        signal(SIGINT) { _ in interruptTarget?.pointee = 1 }
        if terminal {
            print("Almanac \(almanacVersion) (\(host.state.luaRelease)) — Lua with Almanac's modules. Ctrl-D quits.")
        }
        while let line = reader.read(prompt: session.isContinuing ? ">> " : "> ") {
            host.state.clearStop()
            switch session.submit(line) {
            case .needsMore:
                continue
            case .output(let text):
                if !text.isEmpty { print(text) }
            case .error(let text):
                flushStandardOutput()
                Diagnostics.print(text)
            }
            flushStandardOutput()
        }
        if terminal { print() }
    }
}

/// Where Ctrl-C asks running Lua code to stop (a signal handler cannot capture).
nonisolated(unsafe) var interruptTarget: UnsafeMutablePointer<Int32>?

protocol LineReader {
    func read(prompt: String) -> String?
}

/// libedit: line editing and history for the session.
struct EditLineReader: LineReader {
    func read(prompt: String) -> String? {
        guard let raw = readline(prompt) else { return nil }
        defer { free(raw) }
        let line = String(cString: raw)
        if !line.trimmingCharacters(in: .whitespaces).isEmpty { add_history(raw) }
        return line
    }
}

/// Standard input that is not a terminal: no prompts, no editing.
struct PlainLineReader: LineReader {
    func read(prompt: String) -> String? { readLine(strippingNewline: true) }
}
