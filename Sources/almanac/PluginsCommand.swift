import AlmanacCore
import ArgumentParser
import Foundation
import Workbench

struct PluginsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plugins",
        abstract: "List plugins or show one.",
        subcommands: [List.self, Show.self],
        defaultSubcommand: List.self)

    struct Options: ParsableArguments {
        @Option(
            name: .customLong("plugins"),
            help: ArgumentHelp("Also load the Lua plugins in this folder (repeatable).", valueName: "dir"))
        var pluginDirectories: [String] = []

        @Flag(help: "Print JSON instead of text.")
        var json = false

        func host() throws -> ScriptHost {
            var options = HostOptions()
            options.outputDirectory = NSTemporaryDirectory() + "almanac-plugins-\(getpid())"
            options.pluginDirectories = PluginFolders.standard(extra: pluginDirectories)
            defer { try? FileManager.default.removeItem(atPath: options.outputDirectory) }
            return try Diagnostics.makeHost(options)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the registered plugins, native and Lua.")

        @OptionGroup var options: Options

        @Option(help: "Only plugins of this kind: model, cost or optimizer.")
        var kind: String?

        func run() throws {
            var filter: PluginKind?
            if let kind {
                guard let k = PluginKind(rawValue: kind) else {
                    throw ValidationError("unknown kind '\(kind)'; kinds are model, cost, optimizer")
                }
                filter = k
            }
            let plugins = try options.host().registry.list(kind: filter).map(\.descriptor)
            if options.json {
                try printJSON(plugins.map(PluginInfo.init))
                return
            }
            let rows =
                [["NAME", "KIND", "VERSION", "SOURCE", "SUMMARY"]]
                + plugins.map { [$0.name, $0.kind.rawValue, $0.version, $0.source.description, $0.summary] }
            print(table(rows))
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one plugin: parameters, capabilities, docs.")

        @OptionGroup var options: Options

        @Argument(help: "The plugin's name.")
        var name: String

        func run() throws {
            let registry = try options.host().registry
            let plugin: RegisteredPlugin
            do { plugin = try registry.lookup(name) } catch {
                Diagnostics.print("almanac: \(error.message)")
                throw ExitCode(1)
            }
            let d = plugin.descriptor
            if options.json {
                try printJSON(PluginInfo(d))
                return
            }
            var lines = ["\(d.name) \(d.version) — \(d.kind.rawValue) (\(d.source))", d.summary]
            if let doc = d.doc { lines += ["", doc] }
            if !d.decision.isEmpty { lines += ["", "Decision: " + d.decision.joined(separator: ", ")] }
            if !d.parameters.isEmpty {
                lines += ["", "Parameters:"]
                let rows =
                    [["NAME", "TYPE", "DEFAULT", "ALLOWED", "MEANING"]]
                    + d.parameters.map {
                        [
                            $0.name, $0.type.rawValue, $0.required ? "required" : ($0.defaultValue?.description ?? "-"),
                            $0.choices?.joined(separator: "|") ?? $0.range?.description ?? "any", $0.doc,
                        ]
                    }
                lines.append(table(rows, indent: "  "))
            }
            if !d.capabilities.isEmpty { lines += ["", "Capabilities: " + d.capabilities.joined(separator: ", ")] }
            if let example = d.example {
                lines += ["", "Example:", example.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")]
            }
            print(lines.joined(separator: "\n"))
        }
    }
}

/// A plugin as `--json` prints it.
struct PluginInfo: Encodable {
    struct Parameter: Encodable {
        let name, type, doc: String
        let required: Bool
        let `default`: String?
        let range: String?
        let choices: [String]?
    }

    let name, kind, version, summary, source: String
    let doc: String?
    let capabilities, decision: [String]
    let parameters: [Parameter]

    init(_ d: PluginDescriptor) {
        name = d.name; kind = d.kind.rawValue; version = d.version; summary = d.summary
        source = d.source.description; doc = d.doc; capabilities = d.capabilities; decision = d.decision
        parameters = d.parameters.map {
            Parameter(
                name: $0.name, type: $0.type.rawValue, doc: $0.doc, required: $0.required,
                default: $0.defaultValue?.description, range: $0.range?.description, choices: $0.choices)
        }
    }
}

func printJSON<T: Encodable>(_ value: T) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    print(String(decoding: try encoder.encode(value), as: UTF8.self))
}

/// Left-aligned columns; the last column is not padded.
func table(_ rows: [[String]], indent: String = "") -> String {
    guard let columns = rows.first?.count else { return "" }
    var widths = [Int](repeating: 0, count: columns)
    for row in rows {
        for (i, cell) in row.enumerated() where i < columns - 1 { widths[i] = max(widths[i], cell.count) }
    }
    return rows.map { row in
        indent
            + row.enumerated().map { i, cell in
                i < columns - 1 ? cell.padding(toLength: widths[i] + 2, withPad: " ", startingAt: 0) : cell
            }.joined()
    }.joined(separator: "\n")
}
