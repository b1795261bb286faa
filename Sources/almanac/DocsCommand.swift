import ArgumentParser
import Foundation
import Workbench

struct DocsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "docs",
        abstract:
            "Write the Lua API reference (Markdown), or with --stubs the editor stubs (LuaCATS), from the modules and the plugin registry.",
        discussion:
            "Covers the bundled plugins and those of --plugins folders; ALMANAC_PLUGIN_PATH is ignored so the output is the same on every machine. The stubs let the Lua language server (VS Code, Neovim) complete and check Almanac calls: see docs/editor-support.md."
    )

    @Option(name: [.customShort("o"), .long], help: "Write to this file instead of standard output.")
    var output: String?

    @Option(
        name: .customLong("plugins"),
        help: ArgumentHelp("Also document the plugins in this folder (repeatable).", valueName: "dir"))
    var pluginDirectories: [String] = []

    @Flag(help: "Do not write; exit 1 if --output differs from what would be written.")
    var check = false

    @Flag(help: "Write the LuaCATS definition file for the Lua language server instead of the Markdown reference.")
    var stubs = false

    func run() throws {
        var options = HostOptions()
        options.outputDirectory = NSTemporaryDirectory() + "almanac-docs-\(getpid())"
        options.pluginDirectories = PluginFolders.standard(extra: pluginDirectories, includeEnvironment: false)
        defer { try? FileManager.default.removeItem(atPath: options.outputDirectory) }
        let host = try Diagnostics.makeHost(options)
        let text = stubs ? LuaStubs.text(registry: host.registry) : ReferenceDocs.markdown(registry: host.registry)
        guard let output else {
            print(text)
            return
        }
        if check {
            let current = try? String(contentsOfFile: output, encoding: .utf8)
            if current != text + "\n" {
                Diagnostics.print(
                    "almanac: \(output) is stale; run: almanac docs\(stubs ? " --stubs" : "") -o \(output)")
                throw ExitCode(1)
            }
            return
        }
        do { try (text + "\n").write(toFile: output, atomically: true, encoding: .utf8) } catch {
            Diagnostics.print("almanac: cannot write \(output): \(error.localizedDescription)")
            throw ExitCode(2)
        }
    }
}
