import AlmanacCore
import LuaBridge

/// Lua values ⇄ plugin parameter values.
extension LuaValue {
    /// The parameter value for validation; tables and functions stay opaque.
    var parameterValue: ParameterValue? {
        switch self {
        case .nil: return nil
        case .boolean(let b): return .boolean(b)
        case .integer(let i): return .integer(Int(i))
        case .number(let x): return .number(x)
        case .string(let s): return .string(s)
        case .array(let items):
            let numbers = items.compactMap(\.doubleValue)
            if numbers.count == items.count && !items.isEmpty { return .numbers(numbers) }
            let strings = items.compactMap { if case .string(let s) = $0 { return s } else { return nil } }
            return strings.count == items.count && !items.isEmpty ? .strings(strings) : .opaque(typeName: "table")
        case .record: return .opaque(typeName: "table")
        case .function: return .opaque(typeName: "function")
        case .object(let o):
            return .opaque(typeName: (o as? any LuaUserdata).map { type(of: $0).luaClassName } ?? "userdata")
        }
    }

    init(_ value: ParameterValue) {
        switch value {
        case .number(let x): self = .number(x)
        case .integer(let i): self = .integer(Int64(i))
        case .string(let s): self = .string(s)
        case .boolean(let b): self = .boolean(b)
        case .numbers(let xs): self = .array(xs.map { .number($0) })
        case .strings(let xs): self = .array(xs.map { .string($0) })
        case .opaque: self = .nil
        }
    }
}

/// Validates named options given from Lua against `specs` for `owner`, and
/// returns both the checked set and the table a Lua plugin receives (defaults
/// filled in, tables and functions passed through as given).
func validateOptions(_ given: [String: LuaValue], against specs: [ParameterSpec], owner: String)
    throws(ScriptError) -> (set: ParameterSet, lua: [String: LuaValue])
{
    var values: [String: ParameterValue] = [:]
    for (key, value) in given { if let v = value.parameterValue { values[key] = v } }
    let checked: ParameterSet
    do { checked = try specs.validate(values, for: owner) } catch { throw ScriptError.named(error.message) }
    var lua: [String: LuaValue] = [:]
    for (key, value) in checked.values {
        if case .opaque = value { lua[key] = given[key] ?? .nil } else { lua[key] = LuaValue(value) }
    }
    return (checked, lua)
}

extension PluginDescriptor {
    /// The descriptor as Lua sees it (almanac.plugin, almanac.plugins).
    var luaRecord: LuaValue {
        var record: [String: LuaValue] = [
            "name": .string(name), "kind": .string(kind.rawValue), "version": .string(version),
            "summary": .string(summary), "source": .string(source.description),
            "capabilities": .array(capabilities.map { .string($0) }),
            "decision": .array(decision.map { .string($0) }),
            "params": .array(parameters.map(\.luaRecord)),
        ]
        if let doc { record["doc"] = .string(doc) }
        if let author { record["author"] = .string(author) }
        if let license { record["license"] = .string(license) }
        if let homepage { record["homepage"] = .string(homepage) }
        if let example { record["example"] = .string(example) }
        return .record(record)
    }
}

extension ParameterSpec {
    var luaRecord: LuaValue {
        var record: [String: LuaValue] = [
            "name": .string(name), "type": .string(type.rawValue), "doc": .string(doc), "required": .boolean(required),
        ]
        if let d = defaultValue { record["default"] = LuaValue(d) }
        if let range { record["range"] = .string(range.description) }
        if let choices { record["choices"] = .array(choices.map { .string($0) }) }
        return .record(record)
    }
}
