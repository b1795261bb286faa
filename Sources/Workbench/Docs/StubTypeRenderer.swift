import AlmanacCore
import LuaBridge

/// Writes `LuaType`s in LuaCATS syntax. Records become classes of their own,
/// named where they are first used (`inventory.eoq.model`) unless they carry a
/// name; they are collected here and declared after everything else.
struct StubTypeRenderer {
    /// Records to declare, in the order they were first met.
    private(set) var records: [(name: String, fields: [LuaField])] = []
    /// Every `.named` type written, to check that each is declared.
    private(set) var referencedNames: Set<String> = []
    /// When writing one plugin's overload: its kind and name stand in for
    /// `pluginName` and `pluginParameters` of that kind.
    var plugin: (kind: PluginKind, name: String)?
    /// Writes `pluginParameters` as a plain table: in a signature whose per-plugin
    /// overloads carry the precise types, the language server then completes
    /// from the overload the plugin's name selects (a union would win instead).
    var pluginParametersAsTable = false

    private var recordNames: Set<String> = []

    mutating func render(_ type: LuaType, at path: String) -> String {
        switch type {
        case .number: return "number"
        case .integer: return "integer"
        case .string: return "string"
        case .boolean: return "boolean"
        case .table: return "table"
        case .function: return "function"
        case .any: return "any"
        case .nil: return "nil"
        case .literal(let text): return StubText.quoted(text)
        case .named(let name):
            referencedNames.insert(name)
            return name
        case .array(let element):
            let inner = render(element, at: path)
            return element.needsParentheses ? "(\(inner))[]" : inner + "[]"
        case .map(let key, let value):
            return "table<\(render(key, at: path)), \(render(value, at: path))>"
        case .union(let members):
            var seen: [String] = []
            for member in members {
                let text = render(member, at: path)
                let grouped = member.isCallback ? "(\(text))" : text
                if !seen.contains(grouped) { seen.append(grouped) }
            }
            return seen.joined(separator: "|")
        case .callback(let signature):
            return functionType(signature, at: path)
        case .shape(let record):
            let name = record.name ?? path
            declare(name, record.fields)
            return name
        case .pluginNameOfKind(let kindName):
            let kind = kindName.flatMap(PluginKind.init(rawValue:))
            if let plugin, let kind, plugin.kind == kind { return StubText.quoted(plugin.name) }
            return StubNames.pluginNameAlias(kind)
        case .pluginParametersOfKind(let kindName):
            guard let kind = PluginKind(rawValue: kindName) else { return "table" }
            if let plugin, plugin.kind == kind { return StubNames.parameterClass(plugin.name) }
            return pluginParametersAsTable ? "table" : StubNames.parametersAlias(kind)
        }
    }

    /// `fun(a: T, b?: U): R`, for callbacks and overloads; `selfType` adds a first `self` parameter.
    mutating func functionType(_ signature: LuaSignature, at path: String, selfType: String? = nil) -> String {
        var parameters = selfType.map { ["self: \($0)"] } ?? []
        // A nested `fun(...)` is grouped, or its results would swallow the next parameter.
        func grouped(_ type: LuaType, _ text: String) -> String { type.isCallback ? "(\(text))" : text }
        for p in signature.parameters {
            parameters.append(
                "\(p.name)\(p.optional ? "?" : ""): \(grouped(p.type, render(p.type, at: path + "." + p.name)))")
        }
        var text = "fun(\(parameters.joined(separator: ", ")))"
        let results = signature.returns.enumerated().map { i, r in
            grouped(r.type, render(r.type, at: StubNames.resultPath(path, i)))
        }
        if !results.isEmpty { text += ": " + results.joined(separator: ", ") }
        return text
    }

    private mutating func declare(_ name: String, _ fields: [LuaField]) {
        guard recordNames.insert(name).inserted else { return }
        records.append((name, fields))
    }
}

extension LuaType {
    /// Whether `T[]` must be written `(T)[]`.
    var needsParentheses: Bool {
        switch self {
        case .union(let members): return members.count > 1
        case .callback: return true
        default: return false
        }
    }

    var isCallback: Bool {
        if case .callback = self { return true }
        return false
    }
}
