import AlmanacCore
import DataSources
import Foundation
import LuaBridge
import TimeSeries

/// `data.*`: bundled datasets, CSV and SQLite in and out, the synthetic panel.
enum DataModule {
    static func push(_ contents: TableContents, _ call: LuaCall) -> Int32 {
        switch contents {
        case .series(let s): return SeriesObject.push(s, call)
        case .panel(let p):
            call.stack.pushUserdata(PanelObject(p))
            return 1
        }
    }

    static func spec(_ context: HostContext) -> LuaModuleSpec {
        LuaModuleSpec(
            "data", summary: "Data in and out: bundled datasets, CSV and SQLite files, a synthetic e-commerce panel.",
            functions: [
                LuaFunctionSpec(
                    "dataset", in: "data",
                    summary: "A classic series shipped with Almanac: " + BundledDataset.names.joined(separator: ", ")
                        + " (data.datasets() lists their sources).",
                    example:
                        "local air = data.dataset(\"airpassengers\")\nprint(air.start, air.finish, #air)  --> 1949-01  1960-12  144",
                    arguments: DatasetArguments.self, returns: [.init(.series)]
                ) { args, call in
                    SeriesObject.push(try BundledDataset.named(args.name).series, call)
                },
                LuaFunctionSpec(
                    "datasets", in: "data",
                    summary: "The bundled datasets with their calendars, units and sources.",
                    example: "for _, d in ipairs(data.datasets()) do print(d.name, d.freq, d.length) end",
                    arguments: NoArguments.self, returns: [.init(.array(DatasetInfo.luaType))]
                ) { _, call in
                    call.returning(.array(BundledDataset.all.map { DatasetInfo($0).luaValue }))
                },
                LuaFunctionSpec(
                    "csv", in: "data",
                    summary:
                        "Reads a CSV file: a Panel when `key` is given (long form) or there are several value columns (wide form), a Series otherwise.",
                    details: "Options: " + CSVArguments.tableOptionsText
                        + ". Errors name the file, line and column. Gaps are never filled silently.",
                    example: """
                        local path = almanac.out("demo.csv")
                        local f = assert(io.open(path, "w"))
                        f:write("date,sku,qty\\n2024-01,A,5\\n2024-02,A,7\\n2024-01,B,1\\n2024-02,B,0\\n")
                        f:close()
                        local p = data.csv(path, { key = "sku", value = "qty" })
                        print(#p, p:keys()[1], p["A"]:values()[2])  --> 2  A  7.0
                        """,
                    arguments: CSVArguments.self, returns: [.init(.series | .panel)]
                ) { args, call in
                    let path = try context.readablePath(args.path)
                    return push(
                        try CSVReader.read(path: path, options: try args.table.tableOptions(owner: "data.csv")), call)
                },
                LuaFunctionSpec(
                    "sqlite", in: "data",
                    summary:
                        "Runs a query on a SQLite file (opened read-only) and reads the result like data.csv, with the same options.",
                    example: """
                        local db = almanac.out("demo.sqlite")
                        data.write_sqlite(db, "sales", data.dataset("usaccdeaths"))
                        local s = data.sqlite(db, "SELECT date, value FROM sales WHERE date >= '1977-01'")
                        print(#s, s.start)  --> 24  1977-01
                        """,
                    arguments: SQLiteArguments.self, returns: [.init(.series | .panel)]
                ) { args, call in
                    let path = try context.readablePath(args.path)
                    return push(
                        try SQLite.read(
                            path: path, sql: args.sql, options: try args.table.tableOptions(owner: "data.sqlite")), call
                    )
                },
                LuaFunctionSpec(
                    "write_csv", in: "data",
                    summary:
                        "Writes a Series (date, value), a Panel (date, key, value, covariates...) or an array of records as CSV; a relative path goes into the output folder. Written whole or not at all.",
                    example: "print(data.write_csv(\"air.csv\", data.dataset(\"airpassengers\")))  --> out/air.csv",
                    arguments: WriteCSVArguments.self, returns: [.init(.string, "path")]
                ) { args, call in
                    let path = try context.writablePath(args.path)
                    try CSVWriter.write(args.x.table, to: path)
                    return call.returning(.string(path))
                },
                LuaFunctionSpec(
                    "write_sqlite", in: "data",
                    summary:
                        "Writes a Series, Panel or array of records into a table of a SQLite file (created if missing), in one transaction: a failure leaves it as it was.",
                    details: "`mode` is "
                        + SQLite.WriteMode.allCases.map { "`\"\($0.rawValue)\"`" }.joined(separator: " or ") + ".",
                    example:
                        "data.write_sqlite(\"results.sqlite\", \"eoq\", { { sku = \"A\", q = 304.05 }, { sku = \"B\", q = 120 } })",
                    arguments: WriteSQLiteArguments.self, returns: [.init(.string, "path")]
                ) { args, call in
                    let path = try context.writablePath(args.path)
                    try SQLite.write(args.x.table, to: path, table: args.table, mode: args.mode)
                    return call.returning(.string(path))
                },
                LuaFunctionSpec(
                    "panel", in: "data",
                    summary:
                        "A panel from series keyed by name (keys sorted); arrays of numbers become series without a calendar (period 1: wrap them in series.new{ values =, period = } to set one). All series must share one calendar frequency. The optional second table gives keys their static attributes (category, store: what nbeats and lstm can embed) and covariates (promo, price).",
                    example: """
                        local p = data.panel{ north = series.new{ values = { 3, 5, 4, 6 }, period = 2 },
                                              south = series.new{ values = { 7, 6, 8, 9 }, period = 2 } }
                        print(p, #p:keys())
                        local q = data.panel({ a = { 1, 2, 3 }, b = { 4, 5, 6 } },
                                             { attributes = { a = { store = "north" }, b = { store = "south" } },
                                               covariates = { a = { promo = { 0, 1, 0, 1 } } } })
                        print(q:attributes("b").store)
                        """,
                    arguments: PanelArguments.self, returns: [.init(.panel)]
                ) { args, call in
                    let fields = args.seriesByKey
                    guard !fields.isEmpty else {
                        throw ScriptError(
                            "data.panel: needs at least one series, e.g. data.panel{ a = series.new{ values = { 1, 2, 3 } } }"
                        )
                    }
                    var entries: [String: Panel.Entry] = [:]
                    var frequency: Frequency?
                    for key in fields.keys.sorted() {
                        var s: Series
                        switch fields[key] {
                        case .object(let o as SeriesObject)?: s = o.series
                        case .array(let items)?:
                            var values: [Double] = []
                            for (i, item) in items.enumerated() {
                                guard let x = item.doubleValue else {
                                    throw ScriptError(
                                        "data.panel: '\(key)'[\(i + 1)] must be a number, got \(item.typeName)")
                                }
                                values.append(x)
                            }
                            s = Series(values: values)
                        case let other:
                            throw ScriptError(
                                "data.panel: '\(key)' must be a Series or an array of numbers, got \(other?.typeName ?? "nothing")"
                            )
                        }
                        if let frequency, frequency != s.frequency {
                            throw ScriptError(
                                "data.panel: '\(key)' is \(s.frequency.rawValue) but the others are \(frequency.rawValue); a panel has one calendar"
                            )
                        }
                        frequency = s.frequency
                        s.name = key
                        entries[key] = Panel.Entry(series: s)
                    }
                    try PanelExtras.apply(
                        attributes: args.attributes.value, covariates: args.covariates.value, to: &entries)
                    call.stack.pushUserdata(PanelObject(Panel(entries: entries)))
                    return 1
                },
                LuaFunctionSpec(
                    "synthetic_retail", in: "data",
                    summary:
                        "A seeded synthetic e-commerce panel: trend, seasonality, price changes, promotions, intermittent slow movers, late launches and stock-outs (docs/data.md lists the generating parameters).",
                    details:
                        "Each key's Series holds sales (censored by stock-outs); covariates `price`, `promo`, `stockout` and `demand` (the uncensored demand); attributes `category`, `segment` (regular, slow, new), `unit_cost` and `launch`.",
                    example: """
                        local p = data.synthetic_retail{ skus = 20, periods = 104, seed = 11 }
                        print(p)
                        print(p:attributes(p:keys()[1]).segment)
                        """,
                    arguments: SyntheticRetailArguments.self, returns: [.init(.panel)]
                ) { args, call in
                    var spec = SyntheticRetail()
                    spec.skus = args.skus
                    spec.periods = args.periods
                    spec.seed = UInt64(args.seed)
                    spec.frequency = args.freq == .day ? .day : .week
                    call.stack.pushUserdata(PanelObject(try spec.generate()))
                    return 1
                },
            ])
    }
}
