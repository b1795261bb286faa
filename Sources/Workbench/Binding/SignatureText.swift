import AlmanacCore
import LuaBridge

/// The signature line the reference and `help` show, written from the
/// declaration: `s:diff([lag [, differences]]) -> Series`. Optional arguments
/// nest in brackets; the options table lists its fields with their defaults.
enum SignatureText {
    static func line<Arguments: LuaArguments>(
        _ qualifiedName: String, _ arguments: Arguments.Type, returns: [LuaReturn]
    ) -> String {
        // Each item: its text and whether the caller may leave it out.
        var items: [(text: String, optional: Bool)] = arguments.positionals.map {
            ($0.name, $0.place == .positional(required: false))
        }
        let options = arguments.options
        if !options.isEmpty {
            let fields = options.map { field in
                if field.spec.required { return "\(field.name) =" + shownType(field.type) }
                return "\(field.name) = " + (field.spec.defaultValue?.description ?? "nil")
            }
            let table = "{ " + fields.joined(separator: ", ") + " }"
            if items.isEmpty {  // Lua's table-call form: s:ljung_box{ lag = 12 }
                return qualifiedName + table + resultText(returns)
            }
            items.append((table, !options.contains(where: \.spec.required)))
        }
        var text = ""
        var closing = ""
        if let lastRequired = items.lastIndex(where: { !$0.optional }),
            items[..<lastRequired].contains(where: \.optional)
        {
            // An optional argument before a required one: the caller passes nil for it.
            text = items.map { $0.optional ? "[\($0.text)]" : $0.text }.joined(separator: ", ")
        } else {
            for (position, item) in items.enumerated() {
                if item.optional {
                    text += (position == 0 ? "[" : " [, ") + item.text
                    closing += "]"
                } else {
                    text += (position == 0 ? "" : ", ") + item.text
                }
            }
        }
        return "\(qualifiedName)(\(text + closing))" + resultText(returns)
    }

    /// A required option's type where it says more than a scalar would
    /// (`demand = Distribution`, `items = { { fixed_cost, usage }, ... }`); empty for a plain number or string.
    static func shownType(_ type: LuaType) -> String {
        switch type {
        case .named, .array, .union, .shape, .map: return " " + describe(type)
        default: return ""
        }
    }

    static func resultText(_ returns: [LuaReturn]) -> String {
        returns.isEmpty ? "" : " -> " + returns.map { $0.name ?? describe($0.type) }.joined(separator: ", ")
    }

    /// A type as a reader writes it: `{ number, ... }`, `Series`, `"sum" | "mean"`.
    static func describe(_ type: LuaType) -> String {
        switch type {
        case .number: return "number"
        case .integer: return "integer"
        case .string: return "string"
        case .boolean: return "boolean"
        case .table: return "table"
        case .function, .callback: return "function"
        case .any: return "value"
        case .nil: return "nil"
        case .literal(let s): return "\"\(s)\""
        case .named(let name): return name
        case .array(let element): return "{ \(describe(element)), ... }"
        case .map(let key, let value): return "{ [\(describe(key))] = \(describe(value)) }"
        case .union(let members): return members.map(describe).joined(separator: " | ")
        case .shape(let record): return "{ " + record.fields.map(\.name).joined(separator: ", ") + " }"
        case .pluginNameOfKind: return "name"
        case .pluginParametersOfKind: return "params"
        }
    }

    /// The structured twin for the editor stubs.
    static func types<Arguments: LuaArguments>(_ arguments: Arguments.Type, returns: [LuaReturn]) -> LuaSignature {
        var parameters = arguments.positionals.map { argument in
            LuaParameter(argument.name, argument.type, optional: argument.place == .positional(required: false))
        }
        let options = arguments.options
        if !options.isEmpty {
            let fields = options.map { LuaField($0.name, $0.type, optional: !$0.spec.required, doc: $0.spec.typeNote) }
            let table = arguments.optionsTable
            let optional = !table.required && !options.contains(where: \.spec.required)
            parameters.append(LuaParameter(table.name, .record(fields), optional: optional))
        }
        return LuaSignature(parameters, namedReturns: returns)
    }
}
