import AlmanacCore
import Foundation

/// The names the stubs give what has none in Lua: module tables, plugin
/// aliases and parameter classes, and the tables a function takes or gives.
enum StubNames {
    /// `forecast` → `forecastlib`, as the language server names Lua's own libraries (`mathlib`).
    static func moduleClass(_ module: String) -> String { module + "lib" }

    static func pluginNameAlias(_ kind: PluginKind?) -> String {
        guard let kind else { return "almanac.PluginName" }
        return "almanac." + kind.rawValue.capitalized + "Name"
    }

    static func parametersAlias(_ kind: PluginKind) -> String {
        "almanac." + kind.rawValue.capitalized + "Params"
    }

    static func parameterClass(_ plugin: String) -> String { "almanac.params." + plugin }

    /// `inventory.eoq` → `inventory.eoq.result`, `.result2`, ... for later results.
    static func resultPath(_ path: String, _ index: Int) -> String {
        path + ".result" + (index == 0 ? "" : String(index + 1))
    }
}

/// Text as LuaCATS wants it.
enum StubText {
    /// A Lua string literal, as a literal type.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// One line, for a field's or a result's description.
    static func line(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }

    /// Documentation comment lines (`---text`), Markdown as the language server shows it.
    static func comment(_ text: String) -> [String] {
        text.trimmingTrailingNewlines().split(separator: "\n", omittingEmptySubsequences: false).map { "---" + $0 }
    }

    /// A fenced Lua example inside a documentation comment.
    static func example(_ code: String) -> [String] {
        comment("```lua\n" + code.trimmingTrailingNewlines() + "\n```")
    }
}
