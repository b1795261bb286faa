import AlmanacCore
import LuaBridge

extension LuaArguments {
    /// The positional arguments, in order.
    static var positionals: [LuaArgument<Self>] { arguments.filter { !$0.isOption } }
    /// The fields of the options table.
    static var options: [LuaArgument<Self>] { arguments.filter(\.isOption) }

    /// Decodes a call's arguments, starting at stack index `first` (2 for a
    /// method, after its receiver). Positional arguments read through LuaCall's
    /// typed accessors, so their errors read as before ("argument 2 'n' must be
    /// a whole number, got a string"); the options table is checked by the
    /// same validation as plugin options (unknown names with a did-you-mean,
    /// types, ranges, choices), with `owner` naming the function in messages.
    static func decode(_ call: LuaCall, from first: Int32, owner: String) throws -> Self {
        var decoded = Self()
        var index = first
        var hasOptions = false
        for argument in arguments {
            switch argument.place {
            case .option:
                hasOptions = true
            case .positional(let required):
                if required || !call.isNil(index) { try argument.readArgument(&decoded, call, index) }
                index += 1
            }
        }
        if hasOptions {
            let table = optionsTable
            if table.required { try call.requireTable(index, table.name) }
            try decodeOptions(try call.record(index, table.name), into: &decoded, owner: owner)
        }
        return decoded
    }

    /// Checks and decodes an options table given as a record. A required
    /// option whose type words its own absence (a distribution: "'demand' must
    /// be a distribution such as ..., got nothing") is reported in those words,
    /// after the unknown names (a misspelt name is the likelier mistake) and the
    /// other fields' checks; a field left out keeps the struct's initial value,
    /// which is its default.
    static func decodeOptions(_ given: [String: LuaValue], into decoded: inout Self, owner: String) throws {
        let fields = options
        let specs = fields.map { field in
            var spec = field.spec
            if field.missing != nil { spec.required = false }
            return spec
        }
        let (checked, _) = try validateOptions(given, against: specs, owner: owner)
        for field in fields where given[field.name] == nil {
            if let missing = field.missing { throw missing }
        }
        for field in fields {
            guard let raw = given[field.name], let value = checked[field.name] else { continue }
            try field.readOption(&decoded, value, raw)
        }
    }

    /// Decodes an options table alone (a function whose only argument is its options).
    static func decodeOptions(_ given: [String: LuaValue], owner: String) throws -> Self {
        var decoded = Self()
        try decodeOptions(given, into: &decoded, owner: owner)
        return decoded
    }
}
