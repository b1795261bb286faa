import AlmanacCore
import Foundation
import LuaBridge
import Reports

/// `report.*`: tables and prose that go into a rendered report, and read well on a terminal too.
enum ReportModule {
    static func spec(_ context: HostContext) -> LuaModuleSpec {
        LuaModuleSpec("report", summary: "Tables and prose for a report (almanac render); outside a render they print on the terminal.", functions: [
            LuaFunctionSpec(
                "table", signature: "report.table(rows [, { columns = { ... } }])",
                summary: "A table: in a rendered report an HTML (or Markdown) table, on a terminal aligned text.",
                details: """
                `rows` is an array of records (`{ sku = "A", q = 304.05 }`) or of arrays (then `columns` names them). \
                Columns default to the first record's keys in sorted order; `columns` picks and orders them. \
                Numbers are right-aligned; a missing value shows as an empty cell.
                """,
                example: """
                report.table({ { sku = "MUG-01", q = 304.05, class = "A" }, { sku = "TEA-02", q = 97.5, class = "C" } },
                             { columns = { "sku", "class", "q" } })
                """,
                types: LuaSignature([.init("rows", .array(.table)), .optional("options", .record([.optional("columns", .array(.string), doc: "which columns, in this order")]))])
            ) { call in
                let table = try reportTable(call)
                if let report = context.report {
                    report.append(.table(table))
                } else {
                    writeToStandardOutput(TextTableRenderer.render(table))
                }
                return 0
            },
            LuaFunctionSpec(
                "md", signature: "report.md(text)",
                summary: "Markdown prose from code (e.g. numbers computed in the cell); printed as it is outside a render.",
                example: "report.md((\"The EOQ is **%.1f** units.\"):format(304.05))",
                types: LuaSignature([.init("text", .string)])
            ) { call in
                let text = try call.string(1, "text")
                if let report = context.report { report.append(.markdown(text)) } else { writeToStandardOutput(text.hasSuffix("\n") ? text : text + "\n") }
                return 0
            },
        ])
    }

    static func reportTable(_ call: LuaCall) throws -> ReportTable {
        guard case .array(let rows) = try call.value(1, "rows") else {
            throw ScriptError("report.table: argument 1 must be an array of rows (records or arrays), got \(call.isNil(1) ? "nothing" : "a " + call.typeName(1))")
        }
        let options = try call.record(2, "options")
        for key in options.keys where key != "columns" {
            let guess = closestMatch(to: key, in: ["columns"]).map { " (did you mean '\($0)'?)" } ?? ""
            throw ScriptError("report.table: unknown option '\(key)'\(guess)")
        }
        var columns: [String]?
        if let given = options["columns"] {
            guard case .array(let names) = given, let strings = Optional(names.compactMap { v -> String? in if case .string(let s) = v { s } else { nil } }),
                  strings.count == names.count else {
                throw ScriptError("report.table: columns must be an array of names, e.g. { \"sku\", \"q\" }")
            }
            columns = strings
        }
        var table = ReportTable(columns: columns ?? [], rows: [])
        for (i, row) in rows.enumerated() {
            switch row {
            case .record(let fields):
                if columns == nil { columns = fields.keys.sorted(); table.columns = columns ?? [] }
                table.rows.append((columns ?? []).map { tableValue(fields[$0]) })
            case .array(let items):
                guard columns != nil else { throw ScriptError("report.table: row \(i + 1) is an array; name its columns with { columns = { ... } }") }
                table.rows.append(items.map { tableValue($0) })
            default:
                throw ScriptError("report.table: row \(i + 1) is a \(row.typeName), not a record or an array")
            }
        }
        return table
    }

    static func tableValue(_ value: LuaValue?) -> TableValue {
        switch value {
        case .integer(let i)?: .integer(Int(i))
        case .number(let x)?: x.isNaN ? .missing : .number(x)
        case .string(let s)?: .string(s)
        case .boolean(let b)?: .bool(b)
        case nil, .nil?: .missing
        case let other?: .string(other.typeName)
        }
    }
}

/// Text for standard output after what Lua has buffered there.
func writeToStandardOutput(_ text: String) {
    fflush(nil)
    FileHandle.standardOutput.write(Data(text.utf8))
}
