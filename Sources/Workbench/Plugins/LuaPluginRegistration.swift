import AlmanacCore
import LuaBridge

/// `almanac.register{ ... }`: a plugin written in Lua declares itself.
/// The table is checked as strictly as a native declaration: unknown fields
/// (with a did-you-mean), missing functions, badly typed parameter specs.
enum LuaPluginRegistration {
    static let commonFields = [
        "kind", "name", "version", "summary", "doc", "params", "capabilities", "decision",
        "author", "license", "homepage", "example",
    ]
    static let specFields = [
        "name", "type", "default", "required", "min", "max", "greater_than", "less_than",
        "choices", "doc",
    ]

    static func register(_ call: LuaCall, into registry: PluginRegistry) throws -> Int32 {
        try call.requireTable(1, "plugin")
        let fields = try call.record(1, "plugin")
        let label =
            fields["name"].flatMap { if case .string(let s) = $0 { return s } else { return nil } } ?? "(unnamed)"
        func fail(_ text: String) -> ScriptError { .named("almanac.register: plugin '\(label)': \(text)") }

        guard case .string(let kindName) = fields["kind"] ?? .nil else {
            throw fail("'kind' is required: one of model, cost, optimizer")
        }
        guard let kind = PluginKind(rawValue: kindName) else {
            let guess =
                closestMatch(to: kindName, in: PluginKind.allCases.map(\.rawValue)).map { " (did you mean '\($0)'?)" }
                ?? ""
            throw fail("unknown kind '\(kindName)'\(guess); kinds are model, cost, optimizer")
        }
        let allowed = commonFields + kind.requiredFunctions + kind.optionalFunctions
        for key in fields.keys.sorted() where !allowed.contains(key) {
            let otherKinds = PluginKind.allCases.filter { $0 != kind && $0.requiredFunctions.contains(key) }
            if let other = otherKinds.first {
                throw fail(
                    "'\(key)' belongs to a \(other.rawValue) plugin; a \(kind.rawValue) gives \(kind.requiredFunctions.joined(separator: " and "))"
                )
            }
            let guess = closestMatch(to: key, in: allowed).map { " (did you mean '\($0)'?)" } ?? ""
            throw fail("unknown field '\(key)'\(guess)")
        }
        var functions: [String: LuaReference] = [:]
        for name in kind.requiredFunctions {
            guard case .function(let f) = fields[name] ?? .nil else {
                throw fail("a \(kind.rawValue) plugin must give '\(name)' as a function")
            }
            functions[name] = f
        }
        for name in kind.optionalFunctions {
            switch fields[name] ?? .nil {
            case .nil: break
            case .function(let f): functions[name] = f
            default: throw fail("'\(name)' must be a function")
            }
        }
        func text(_ key: String, required: Bool = false) throws -> String? {
            switch fields[key] ?? .nil {
            case .nil: if required { throw fail("'\(key)' is required") } else { return nil }
            case .string(let s): return s
            default: throw fail("'\(key)' must be a string")
            }
        }
        func strings(_ key: String) throws -> [String] {
            switch fields[key] ?? .nil {
            case .nil: return []
            case .array(let items):
                return try items.map { item in
                    guard case .string(let s) = item else { throw fail("'\(key)' must be an array of strings") }
                    return s
                }
            default: throw fail("'\(key)' must be an array of strings")
            }
        }
        var params: [ParameterSpec] = []
        switch fields["params"] ?? .nil {
        case .nil: break
        case .array(let items):
            for (i, item) in items.enumerated() { params.append(try parameterSpec(item, index: i + 1, fail: fail)) }
        default: throw fail("'params' must be an array of { name =, type =, default =, doc = } tables")
        }
        let source = call.callerLocation().map { PluginSource.lua(file: $0.file, line: $0.line) } ?? .native
        let descriptor = PluginDescriptor(
            name: try text("name", required: true) ?? "", kind: kind,
            version: try text("version", required: true) ?? "",
            summary: try text("summary", required: true) ?? "", doc: try text("doc"), parameters: params,
            capabilities: try strings("capabilities"), decision: try strings("decision"), source: source,
            author: try text("author"), license: try text("license"), homepage: try text("homepage"),
            example: try text("example"))
        do { try registry.register(descriptor, .lua(functions)) } catch {
            throw ScriptError.named("almanac.register: \(error.message)")
        }
        return 0
    }

    static func parameterSpec(_ item: LuaValue, index: Int, fail: (String) -> ScriptError) throws -> ParameterSpec {
        guard case .record(let f) = item else {
            throw fail("params[\(index)] must be a table like { name = \"x\", type = \"number\" }")
        }
        for key in f.keys.sorted() where !specFields.contains(key) {
            let guess = closestMatch(to: key, in: specFields).map { " (did you mean '\($0)'?)" } ?? ""
            throw fail("params[\(index)]: unknown field '\(key)'\(guess)")
        }
        guard case .string(let name) = f["name"] ?? .nil else { throw fail("params[\(index)]: 'name' is required") }
        let typeName: String
        if case .string(let t) = f["type"] ?? .nil { typeName = t } else { typeName = "number" }
        guard let type = ParameterType(rawValue: typeName) else {
            let all = ParameterType.allCases.map(\.rawValue)
            let guess = closestMatch(to: typeName, in: all).map { " (did you mean '\($0)'?)" } ?? ""
            throw fail(
                "params[\(index)] '\(name)': unknown type '\(typeName)'\(guess); types are \(all.joined(separator: ", "))"
            )
        }
        func number(_ key: String) throws -> Double? {
            guard let v = f[key], v != .nil else { return nil }
            guard let x = v.doubleValue else { throw fail("params[\(index)] '\(name)': '\(key)' must be a number") }
            return x
        }
        var range: ParameterRange?
        let (lo, hi, gt, lt) = (
            try number("min"), try number("max"), try number("greater_than"), try number("less_than")
        )
        if lo != nil || hi != nil || gt != nil || lt != nil {
            range = ParameterRange(
                lower: gt ?? lo, lowerInclusive: gt == nil, upper: lt ?? hi, upperInclusive: lt == nil)
        }
        var choices: [String]?
        if case .array(let items) = f["choices"] ?? .nil {
            choices = items.compactMap { if case .string(let s) = $0 { return s } else { return nil } }
        }
        var doc = ""
        if case .string(let d) = f["doc"] ?? .nil { doc = d }
        let required: Bool
        if case .boolean(let r) = f["required"] ?? .nil { required = r } else { required = false }
        return ParameterSpec(
            name, type, default: f["default"]?.parameterValue, required: required, range: range,
            choices: choices, doc: doc)
    }
}
