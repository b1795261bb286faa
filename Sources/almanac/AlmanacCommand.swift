import ArgumentParser
import Workbench

@main
struct AlmanacCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "almanac",
        abstract: "A scriptable workbench for demand forecasting and inventory optimisation (Lua 5.4).",
        discussion: """
            Scripts are Lua 5.4 with Almanac's modules loaded. Plugins (models, costs, optimizers) load from \
            the bundled plugins/ folder, from every folder in ALMANAC_PLUGIN_PATH (colon-separated) and from \
            --plugins DIR.
            """,
        version: almanacVersion,
        subcommands: [RunCommand.self, RenderCommand.self, ReplCommand.self, PluginsCommand.self, DocsCommand.self])
}
