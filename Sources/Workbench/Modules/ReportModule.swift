import AlmanacCore
import Foundation
import LuaBridge
import Reports

/// `report.*`: tables and prose that go into a rendered report, and read well on a terminal too.
enum ReportModule {
    static func spec(_ context: HostContext) -> LuaModuleSpec {
        LuaModuleSpec(
            "report",
            summary: "Tables and prose for a report (almanac render); outside a render they print on the terminal.",
            functions: [
                LuaFunctionSpec(
                    "table", in: "report",
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
                    arguments: TableArguments.self
                ) { args, call in
                    let table = try reportTable(args, call)
                    if let report = context.report {
                        report.append(.table(table))
                    } else {
                        writeToStandardOutput(TextTableRenderer.render(table))
                    }
                    return 0
                },
                LuaFunctionSpec(
                    "md", in: "report",
                    summary:
                        "Markdown prose from code (e.g. numbers computed in the cell); printed as it is outside a render.",
                    example: "report.md((\"The EOQ is **%.1f** units.\"):format(304.05))",
                    arguments: MarkdownArguments.self
                ) { args, call in
                    let text = args.text
                    if let report = context.report {
                        report.append(.markdown(text))
                    } else {
                        writeToStandardOutput(text.hasSuffix("\n") ? text : text + "\n")
                    }
                    return 0
                },
            ])
    }

    struct TableArguments: LuaArguments {
        var rows = LuaValue.nil
        /// Any value here, checked below: a wrong one has the function's own message.
        var columns = LuaValue.nil
        static let arguments: [LuaArgument<Self>] = [
            .required(\.rows, "an array of records, or of arrays (then `columns` names them)", type: .array(.table)),
            .option(\.columns, "which columns, in this order", type: .array(.string)),
        ]
    }

    struct MarkdownArguments: LuaArguments {
        var text = ""
        static let arguments: [LuaArgument<Self>] = [.required(\.text, "Markdown")]
    }

    static func reportTable(_ args: TableArguments, _ call: LuaCall) throws -> ReportTable {
        guard case .array(let rows) = args.rows else {
            throw ScriptError(
                "report.table: argument 1 must be an array of rows (records or arrays), got \(call.isNil(1) ? "nothing" : "a " + call.typeName(1))"
            )
        }
        var columns: [String]?
        if args.columns != .nil {
            let given = args.columns
            guard case .array(let names) = given,
                let strings = Optional(
                    names.compactMap { v -> String? in if case .string(let s) = v { s } else { nil } }),
                strings.count == names.count
            else {
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
                guard columns != nil else {
                    throw ScriptError(
                        "report.table: row \(i + 1) is an array; name its columns with { columns = { ... } }")
                }
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
