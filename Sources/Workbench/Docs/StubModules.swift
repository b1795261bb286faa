import AlmanacCore
import LuaBridge

/// A module's table as a global with a class of its own, and its functions
/// with their documentation, types and overloads.
extension StubWriter {
    /// Lua's own libraries whose functions keep Lua's signatures: the language
    /// server declares them already, and a second declaration would clash.
    static let standardLibraries: Set<String> = ["math"]

    mutating func writeModule(_ module: LuaModuleSpec) {
        if Self.standardLibraries.contains(module.name) {
            let names = module.functions.map { "\(module.name).\($0.name)" }.joined(separator: ", ")
            lines.append("-- \(names): Lua's own signatures (the language server declares them); Almanac seeds them.")
            lines.append("")
            return
        }
        lines.append("-- Module \(module.name)")
        lines.append("")
        let className = StubNames.moduleClass(module.name)
        declaredNames.insert(className)
        lines += StubText.comment(module.summary)
        lines.append("---@class \(className)")
        for field in module.fields {
            lines.append("---@field \(field.name) \(Self.typeName(of: field.value)) \(StubText.line(field.summary))")
        }
        lines.append("\(module.name) = {}")
        lines.append("")
        for function in module.functions { writeFunction(function, in: module.name) }
    }

    mutating func writeFunction(_ function: LuaFunctionSpec, in module: String) {
        let path = "\(module).\(function.name)"
        lines += StubText.comment(function.summary)
        if let details = function.details {
            lines.append("---")
            lines += StubText.comment(details)
        }
        if let example = function.example {
            lines.append("---")
            lines += StubText.example(example)
        }
        let overloads = function.types.map { pluginOverloads($0, path: path) } ?? []
        renderer.pluginParametersAsTable = !overloads.isEmpty
        let signature = signatureLines(function.types, path: path)
        renderer.pluginParametersAsTable = false
        lines += signature + overloads
        let names = function.types?.parameters.map(\.name) ?? ["..."]
        lines.append("function \(path)(\(names.joined(separator: ", "))) end")
        lines.append("")
    }

    /// One `---@overload` per plugin when a function takes a plugin's name and
    /// its parameters, so the parameters complete for the plugin named.
    mutating func pluginOverloads(_ signature: LuaSignature, path: String) -> [String] {
        let kinds = signature.parameters.compactMap { p -> PluginKind? in
            if case .pluginParametersOfKind(let kindName) = p.type { return PluginKind(rawValue: kindName) }
            return nil
        }
        guard let kind = kinds.first, signature.parameters.contains(where: { $0.type == .pluginName(kind) }) else {
            return []
        }
        var out: [String] = []
        for plugin in registry.list(kind: kind) {
            renderer.plugin = (kind, plugin.descriptor.name)
            out.append("---@overload " + renderer.functionType(signature, at: path))
        }
        renderer.plugin = nil
        return out
    }

    static func typeName(of value: LuaValue) -> String {
        switch value {
        case .string: return "string"
        case .number: return "number"
        case .integer: return "integer"
        case .boolean: return "boolean"
        case .array, .record: return "table"
        case .function: return "function"
        case .nil, .object: return "any"
        }
    }
}
