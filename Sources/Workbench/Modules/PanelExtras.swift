import AlmanacCore
import LuaBridge
import TimeSeries

/// data.panel's options: each key's static attributes and
/// dynamic covariates, as data.csv reads them from long-form columns.
enum PanelExtras {
    /// Adds the attributes and covariates (data.panel's options, checked to be tables) to the entries they name.
    static func apply(attributes: LuaValue, covariates: LuaValue, to entries: inout [String: Panel.Entry]) throws {
        let keys = entries.keys.sorted()
        for (key, fields) in try perKey(attributes, "attributes", keys: keys) {
            for (name, value) in fields {
                guard let attribute = attributeValue(value) else {
                    throw ScriptError(
                        "data.panel: attributes['\(key)'].\(name) must be a string or a number, got \(value.typeName)")
                }
                entries[key]?.attributes[name] = attribute
            }
        }
        for (key, fields) in try perKey(covariates, "covariates", keys: keys) {
            let n = entries[key]?.series.count ?? 0
            for (name, value) in fields {
                guard case .array(let items) = value else {
                    throw ScriptError(
                        "data.panel: covariates['\(key)'].\(name) must be an array of numbers, got \(value.typeName)")
                }
                var column: [Double] = []
                for (i, item) in items.enumerated() {
                    guard let x = item.doubleValue, x.isFinite else {
                        throw ScriptError(
                            "data.panel: covariates['\(key)'].\(name)[\(i + 1)] must be a finite number, got \(item.typeName == "number" ? "\(item.doubleValue ?? .nan)" : item.typeName)"
                        )
                    }
                    column.append(x)
                }
                guard column.count >= n else {
                    throw ScriptError(
                        "data.panel: covariates['\(key)'].\(name) has \(column.count) values, the series has \(n); it needs one per observation (more for known future values)"
                    )
                }
                entries[key]?.covariates[name] = column
            }
        }
    }

    /// A static attribute from Lua: text or a number; nil for any other type.
    static func attributeValue(_ value: LuaValue) -> Panel.AttributeValue? {
        switch value {
        case .string(let text): return .text(text)
        case .integer, .number: return value.doubleValue.map { .number($0) }
        default: return nil
        }
    }

    /// A record keyed by panel key, each value a record; an unknown key is an error with a suggestion.
    private static func perKey(_ value: LuaValue, _ field: String, keys: [String]) throws -> [(
        String, [String: LuaValue]
    )] {
        guard value != .nil else { return [] }
        let byKey: [String: LuaValue]
        switch value {
        case .record(let r): byKey = r
        case .array(let a) where a.isEmpty: return []
        default:
            throw ScriptError(
                "data.panel: \(field) must be a table keyed by the panel's keys, like { [key] = { ... } }")
        }
        var out: [(String, [String: LuaValue])] = []
        for key in byKey.keys.sorted() {
            guard keys.contains(key) else {
                let guess = closestMatch(to: key, in: keys).map { " (did you mean '\($0)'?)" } ?? ""
                throw ScriptError("data.panel: \(field) names key '\(key)', which is not in the panel\(guess)")
            }
            switch byKey[key] {
            case .record(let fields)?: out.append((key, fields))
            case .array(let a)? where a.isEmpty: continue
            case let other:
                throw ScriptError(
                    "data.panel: \(field)['\(key)'] must be a table of named values, got \(other?.typeName ?? "nothing")"
                )
            }
        }
        return out
    }
}
