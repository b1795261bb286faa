import LuaBridge
import TimeSeries

/// A result record declared once as a Swift struct: its fields' key paths
/// give both the table a script receives and the record type the stubs
/// declare, so the two cannot disagree.
protocol LuaRecordEncodable: SendableMetatype {
    static var fields: [LuaRecordField<Self>] { get }
    /// The name the stubs give the record's class (nil: named where it is used).
    static var recordName: String? { get }
}

extension LuaRecordEncodable {
    static var recordName: String? { nil }

    static var luaType: LuaType {
        .record(fields.map { LuaField($0.name, $0.type, optional: $0.optional, doc: $0.doc) }, named: recordName)
    }

    /// The table a script receives; an optional field that is nil is left out.
    var luaValue: LuaValue {
        var record: [String: LuaValue] = [:]
        for field in Self.fields {
            let value = field.encode(self)
            if value != .nil { record[field.name] = value }
        }
        return .record(record)
    }
}

/// One field of a result record.
struct LuaRecordField<Root>: Sendable {
    let name: String
    let type: LuaType
    /// Whether the field may be absent (an Optional property: present only in some results).
    let optional: Bool
    let doc: String
    let encode: @Sendable (Root) -> LuaValue

    /// `type` narrows the value's own Lua type where the stubs can say more (`"A" | "B" | "C"` for a String).
    static func field<Value: LuaResultValue>(
        _ path: KeyPath<Root, Value> & Sendable, _ doc: String = "", name: String? = nil, type: LuaType? = nil
    ) -> LuaRecordField {
        LuaRecordField(
            name: name ?? LuaNames.snakeCase(of: path), type: type ?? Value.luaType,
            optional: Value.self is any LuaOptionalResult.Type, doc: doc
        ) {
            $0[keyPath: path].luaValue
        }
    }
}

/// A Swift value a result record can hold.
protocol LuaResultValue: SendableMetatype {
    static var luaType: LuaType { get }
    var luaValue: LuaValue { get }
}

extension Double: LuaResultValue {
    var luaValue: LuaValue { .number(self) }
}

extension Int: LuaResultValue {
    var luaValue: LuaValue { .integer(Int64(self)) }
}

extension String: LuaResultValue {
    var luaValue: LuaValue { .string(self) }
}

extension Bool: LuaResultValue {
    var luaValue: LuaValue { .boolean(self) }
}

extension Array: LuaResultValue where Element: LuaResultValue {
    static var luaType: LuaType { .array(Element.luaType) }
    var luaValue: LuaValue { .array(map(\.luaValue)) }
}

extension Series: LuaResultValue {
    static var luaType: LuaType { .series }
    var luaValue: LuaValue { .object(SeriesObject(self)) }
}

extension LuaCall {
    /// Pushes a declared record and returns 1.
    func returning<Record: LuaRecordEncodable>(record: Record) -> Int32 { returning(record.luaValue) }
}
