import AlmanacCore
import LuaBridge

/// Plugin names as string-literal aliases per kind, and a class per plugin
/// for its parameter table, typed from its parameter descriptors.
extension StubWriter {
    mutating func writePlugins() {
        lines.append("-- Plugins")
        lines.append("")
        for kind in PluginKind.allCases {
            let plugins = registry.list(kind: kind).map(\.descriptor)
            let alias = StubNames.pluginNameAlias(kind)
            declaredNames.insert(alias)
            lines.append("---The name of one of the \(kind.rawValue) plugins.")
            if plugins.isEmpty {
                lines.append("---@alias \(alias) string")
            } else {
                lines.append("---@alias \(alias)")
                for d in plugins { lines.append("---| \(StubText.quoted(d.name)) # \(StubText.line(d.summary))") }
            }
            lines.append("")
        }
        let names = PluginKind.allCases.map { StubNames.pluginNameAlias($0) }
        lines.append("---The name of any plugin.")
        lines.append("---@alias \(StubNames.pluginNameAlias(nil)) \(names.joined(separator: "|"))")
        declaredNames.insert(StubNames.pluginNameAlias(nil))
        lines.append("")
        for kind in PluginKind.allCases {
            let plugins = registry.list(kind: kind).map(\.descriptor)
            let alias = StubNames.parametersAlias(kind)
            declaredNames.insert(alias)
            let union = plugins.map { StubNames.parameterClass($0.name) }.joined(separator: "|")
            lines.append("---The parameters of any \(kind.rawValue) plugin.")
            lines.append("---@alias \(alias) \(union.isEmpty ? "table" : union)")
            lines.append("")
        }
        for kind in PluginKind.allCases {
            for plugin in registry.list(kind: kind) { writeParameterClass(plugin.descriptor) }
        }
    }

    /// `---@class almanac.params.NAME` with a field per declared parameter.
    mutating func writeParameterClass(_ d: PluginDescriptor) {
        let name = StubNames.parameterClass(d.name)
        declaredNames.insert(name)
        lines += StubText.comment("The parameters of the \(d.kind.rawValue) `\(d.name)`: \(d.summary).")
        if !d.decision.isEmpty {
            lines.append("---")
            lines.append("---Decision: " + d.decision.map { "`\($0)`" }.joined(separator: ", ") + ".")
        }
        lines.append("---@class \(name)")
        for spec in d.parameters { lines.append(fieldLine(LuaField(spec), owner: name)) }
        lines.append("")
    }
}
