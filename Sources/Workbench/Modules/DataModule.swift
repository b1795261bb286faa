import AlmanacCore
import DataSources
import Foundation
import LuaBridge
import TimeSeries

/// `data.*`: bundled datasets, CSV and SQLite in and out, the synthetic panel.
enum DataModule {
    static let tableOptions = [
        ParameterSpec("date", .string, doc: "the date column; default a column named date, else the first"),
        ParameterSpec("key", .string, doc: "the key column (SKU, store): given, the result is a Panel (long form)"),
        ParameterSpec("value", .string, doc: "the value column; default the only other column, or every other column as a Panel (wide form)"),
        ParameterSpec("freq", .string, choices: ["day", "week", "month", "quarter", "year", "none"], doc: "the calendar; default inferred from the dates"),
        ParameterSpec("period", .integer, range: ParameterRange(lower: 1, upper: Double(Series.maximumSeasonalPeriod)), doc: "seasonal period; default from freq"),
        ParameterSpec("date_format", .string, default: .string("iso"), choices: ["iso", "dmy", "mdy"],
                      doc: "iso: 2020-12-31, 2020-12, 2020-Q4, 2020; dmy: 31/12/2020; mdy: 12/31/2020"),
        ParameterSpec("delimiter", .string, default: .string(","), doc: "field separator (one character)"),
        ParameterSpec("fill_gaps", .string, choices: ["zero", "previous", "linear", "na"],
                      doc: "how to fill dates missing inside a series; without it a gap is an error"),
        ParameterSpec("covariates", .table, doc: "numeric columns kept per key as dynamic covariates, e.g. { \"price\", \"promo\" }"),
        ParameterSpec("attributes", .table, doc: "columns kept per key as static attributes, e.g. { \"category\" }"),
    ]

    /// data.csv's and data.sqlite's options, declared once for both.
    static let tableOptionsType = LuaType.options(tableOptions, named: "data.TableOptions")
    /// What data.write_csv and data.write_sqlite write.
    static let writableType: LuaType = .series | .panel | .array(.map(key: .string, value: .number | .string | .boolean))

    static let sqliteWriteOptions = [
        ParameterSpec("mode", .string, default: .string("replace"), choices: ["replace", "append"], doc: "replace the table or add rows to it"),
    ]

    static let syntheticRetailOptions = [
        ParameterSpec("skus", .integer, default: .integer(20), range: ParameterRange(lower: 1, upper: 100_000), doc: "how many series"),
        ParameterSpec("periods", .integer, default: .integer(104), range: ParameterRange(lower: 8, upper: 100_000), doc: "length of the horizon"),
        ParameterSpec("seed", .integer, default: .integer(1), range: ParameterRange(lower: 0), doc: "seed of its own generator (independent of almanac.seed)"),
        ParameterSpec("freq", .string, default: .string("week"), choices: ["week", "day"], doc: "weekly or daily periods"),
    ]

    static func tableOptions(_ call: LuaCall, _ index: Int32, owner: String) throws -> TableOptions {
        let (p, lua) = try validateOptions(try call.record(index, "options"), against: tableOptions, owner: owner)
        var o = TableOptions()
        o.date = p.string("date")
        o.key = p.string("key")
        o.value = p.string("value")
        o.frequency = p.string("freq").flatMap(Frequency.init(name:))
        o.seasonalPeriod = p.integer("period")
        o.dateOrder = DateParser.Order(rawValue: p.string("date_format") ?? "iso") ?? .iso
        if let d = p.string("delimiter") {
            guard d.utf8.count == 1, let byte = d.utf8.first else { throw ScriptError.named("\(owner): option 'delimiter' must be one character, got \"\(d)\"") }
            o.delimiter = byte
        }
        o.fillGaps = p.string("fill_gaps").flatMap(Series.GapFill.init(rawValue:))
        o.covariates = try strings(lua["covariates"], "covariates", owner)
        o.attributes = try strings(lua["attributes"], "attributes", owner)
        return o
    }

    static func strings(_ value: LuaValue?, _ name: String, _ owner: String) throws -> [String] {
        switch value ?? .nil {
        case .nil: return []
        case .string(let s): return [s]
        case .array(let items):
            return try items.map { item in
                guard case .string(let s) = item else { throw ScriptError.named("\(owner): option '\(name)' must be an array of column names") }
                return s
            }
        default: throw ScriptError.named("\(owner): option '\(name)' must be an array of column names")
        }
    }

    static func push(_ contents: TableContents, _ call: LuaCall) -> Int32 {
        switch contents {
        case .series(let s): return SeriesObject.push(s, call)
        case .panel(let p):
            call.stack.pushUserdata(PanelObject(p))
            return 1
        }
    }

    /// What can be written: a Series, a Panel, or an array of records.
    static func table(_ call: LuaCall, _ index: Int32) throws -> Table {
        if let s = call.stack.object(at: index, as: SeriesObject.self) { return Table(series: s.series) }
        if let p = call.stack.object(at: index, as: PanelObject.self) { return Table(panel: p.panel) }
        switch try call.value(index, "x") {
        case .array(let items):
            let records: [[String: Table.Cell]] = try items.enumerated().map { i, item in
                guard case .record(let fields) = item else {
                    throw ScriptError("argument \(index) 'x': item \(i + 1) must be a record like { sku = \"A\", q = 1 }")
                }
                return try fields.mapValues { value in
                    switch value {
                    case .number(let x): return x.isNaN ? .missing : .number(x)
                    case .integer(let i): return .number(Double(i))
                    case .string(let s): return .text(s)
                    case .boolean(let b): return .text(b ? "true" : "false")
                    case .nil: return .missing
                    default: throw ScriptError("argument \(index) 'x': item \(i + 1) has a \(value.typeName); cells must be numbers, strings or booleans")
                    }
                }
            }
            return Table(records: records)
        default:
            throw ScriptError("argument \(index) 'x' must be a Series, a Panel or an array of records, got a \(call.typeName(index))")
        }
    }

    static func spec(_ context: HostContext) -> LuaModuleSpec {
        LuaModuleSpec("data", summary: "Data in and out: bundled datasets, CSV and SQLite files, a synthetic e-commerce panel.", functions: [
            LuaFunctionSpec(
                "dataset", signature: "data.dataset(name) -> Series",
                summary: "A classic series shipped with Almanac: " + BundledDataset.names.joined(separator: ", ") + " (data.datasets() lists their sources).",
                example: "local air = data.dataset(\"airpassengers\")\nprint(air.start, air.finish, #air)  --> 1949-01  1960-12  144",
                types: LuaSignature([.init("name", .oneOf(BundledDataset.names))], returns: [.series])
            ) { call in
                SeriesObject.push(try BundledDataset.named(try call.string(1, "name")).series, call)
            },
            LuaFunctionSpec(
                "datasets", signature: "data.datasets() -> { { name, freq, period, start, length, units, summary, source }, ... }",
                summary: "The bundled datasets with their calendars, units and sources.",
                example: "for _, d in ipairs(data.datasets()) do print(d.name, d.freq, d.length) end",
                types: LuaSignature(returns: [.array(.record([LuaField("name", .string), LuaField("freq", .frequency), LuaField("period", .integer), LuaField("start", .string), LuaField("length", .integer), LuaField("units", .string), LuaField("summary", .string), LuaField("source", .string)], named: "data.DatasetInfo"))])
            ) { call in
                call.returning(.array(BundledDataset.all.map { d in
                    .record(["name": .string(d.name), "freq": .string(d.frequency.rawValue), "period": .integer(Int64(d.period)),
                             "start": .string(d.start), "length": .integer(Int64(d.values.count)), "units": .string(d.units),
                             "summary": .string(d.summary), "source": .string(d.source)])
                }))
            },
            LuaFunctionSpec(
                "csv", signature: "data.csv(path [, options]) -> Series | Panel",
                summary: "Reads a CSV file: a Panel when `key` is given (long form) or there are several value columns (wide form), a Series otherwise.",
                details: "Options: " + tableOptions.map { "`\($0.name)` (\($0.doc))" }.joined(separator: "; ")
                    + ". Errors name the file, line and column. Gaps are never filled silently.",
                example: """
                local path = almanac.out("demo.csv")
                local f = assert(io.open(path, "w"))
                f:write("date,sku,qty\\n2024-01,A,5\\n2024-02,A,7\\n2024-01,B,1\\n2024-02,B,0\\n")
                f:close()
                local p = data.csv(path, { key = "sku", value = "qty" })
                print(#p, p:keys()[1], p["A"]:values()[2])  --> 2  A  7.0
                """,
                types: LuaSignature([.init("path", .string), .optional("options", tableOptionsType)], returns: [.series | .panel])
            ) { call in
                let path = try context.readablePath(try call.string(1, "path"))
                return push(try CSVReader.read(path: path, options: try tableOptions(call, 2, owner: "data.csv")), call)
            },
            LuaFunctionSpec(
                "sqlite", signature: "data.sqlite(path, sql [, options]) -> Series | Panel",
                summary: "Runs a query on a SQLite file (opened read-only) and reads the result like data.csv, with the same options.",
                example: """
                local db = almanac.out("demo.sqlite")
                data.write_sqlite(db, "sales", data.dataset("usaccdeaths"))
                local s = data.sqlite(db, "SELECT date, value FROM sales WHERE date >= '1977-01'")
                print(#s, s.start)  --> 24  1977-01
                """,
                types: LuaSignature([.init("path", .string), .init("sql", .string), .optional("options", tableOptionsType)], returns: [.series | .panel])
            ) { call in
                let path = try context.readablePath(try call.string(1, "path"))
                let sql = try call.string(2, "sql")
                return push(try SQLite.read(path: path, sql: sql, options: try tableOptions(call, 3, owner: "data.sqlite")), call)
            },
            LuaFunctionSpec(
                "write_csv", signature: "data.write_csv(path, x) -> path",
                summary: "Writes a Series (date, value), a Panel (date, key, value, covariates...) or an array of records as CSV; a relative path goes into the output folder. Written whole or not at all.",
                example: "print(data.write_csv(\"air.csv\", data.dataset(\"airpassengers\")))  --> out/air.csv",
                types: LuaSignature([.init("path", .string), .init("x", writableType)], namedReturns: [.init(.string, "path")])
            ) { call in
                let path = try context.writablePath(try call.string(1, "path"))
                try CSVWriter.write(try table(call, 2), to: path)
                return call.returning(.string(path))
            },
            LuaFunctionSpec(
                "write_sqlite", signature: "data.write_sqlite(path, table, x [, { mode = \"replace\" | \"append\" }]) -> path",
                summary: "Writes a Series, Panel or array of records into a table of a SQLite file (created if missing), in one transaction: a failure leaves it as it was.",
                example: "data.write_sqlite(\"results.sqlite\", \"eoq\", { { sku = \"A\", q = 304.05 }, { sku = \"B\", q = 120 } })",
                types: LuaSignature([.init("path", .string), .init("table", .string), .init("x", writableType), .optional("options", .options(sqliteWriteOptions))],
                          namedReturns: [.init(.string, "path")])
            ) { call in
                let path = try context.writablePath(try call.string(1, "path"))
                let name = try call.string(2, "table")
                let (p, _) = try validateOptions(try call.record(4, "options"), against: sqliteWriteOptions, owner: "data.write_sqlite")
                let mode = SQLite.WriteMode(rawValue: p.string("mode") ?? "replace") ?? .replace
                try SQLite.write(try table(call, 3), to: path, table: name, mode: mode)
                return call.returning(.string(path))
            },
            LuaFunctionSpec(
                "panel", signature: "data.panel(series_by_key [, { attributes = { [key] = { ... } }, covariates = { [key] = { ... } } }]) -> Panel",
                summary: "A panel from series keyed by name (keys sorted); arrays of numbers become series without a calendar (period 1: wrap them in series.new{ values =, period = } to set one). All series must share one calendar frequency. The optional second table gives keys their static attributes (category, store: what nbeats and lstm can embed) and covariates (promo, price).",
                example: """
                local p = data.panel{ north = series.new{ values = { 3, 5, 4, 6 }, period = 2 },
                                      south = series.new{ values = { 7, 6, 8, 9 }, period = 2 } }
                print(p, #p:keys())
                local q = data.panel({ a = { 1, 2, 3 }, b = { 4, 5, 6 } },
                                     { attributes = { a = { store = "north" }, b = { store = "south" } },
                                       covariates = { a = { promo = { 0, 1, 0, 1 } } } })
                print(q:attributes("b").store)
                """,
                types: LuaSignature([.init("series_by_key", .map(key: .string, value: .seriesLike)), .optional("extras", PanelExtras.type)],
                                    returns: [.panel])
            ) { call in
                let fields = try call.record(1, "series_by_key")
                guard !fields.isEmpty else { throw ScriptError("data.panel: needs at least one series, e.g. data.panel{ a = series.new{ values = { 1, 2, 3 } } }") }
                var entries: [String: Panel.Entry] = [:]
                var frequency: Frequency?
                for key in fields.keys.sorted() {
                    var s: Series
                    switch fields[key] {
                    case .object(let o as SeriesObject)?: s = o.series
                    case .array(let items)?:
                        var values: [Double] = []
                        for (i, item) in items.enumerated() {
                            guard let x = item.doubleValue else { throw ScriptError("data.panel: '\(key)'[\(i + 1)] must be a number, got \(item.typeName)") }
                            values.append(x)
                        }
                        s = Series(values: values)
                    case let other:
                        throw ScriptError("data.panel: '\(key)' must be a Series or an array of numbers, got \(other?.typeName ?? "nothing")")
                    }
                    if let frequency, frequency != s.frequency {
                        throw ScriptError("data.panel: '\(key)' is \(s.frequency.rawValue) but the others are \(frequency.rawValue); a panel has one calendar")
                    }
                    frequency = s.frequency
                    s.name = key
                    entries[key] = Panel.Entry(series: s)
                }
                try PanelExtras.apply(try call.record(2, "extras"), to: &entries)
                call.stack.pushUserdata(PanelObject(Panel(entries: entries)))
                return 1
            },
            LuaFunctionSpec(
                "synthetic_retail", signature: "data.synthetic_retail{ skus = 20, periods = 104, seed = 1, freq = \"week\" } -> Panel",
                summary: "A seeded synthetic e-commerce panel: trend, seasonality, price changes, promotions, intermittent slow movers, late launches and stock-outs (docs/data.md lists the generating parameters).",
                details: "Each key's Series holds sales (censored by stock-outs); covariates `price`, `promo`, `stockout` and `demand` (the uncensored demand); attributes `category`, `segment` (regular, slow, new), `unit_cost` and `launch`.",
                example: """
                local p = data.synthetic_retail{ skus = 20, periods = 104, seed = 11 }
                print(p)
                print(p:attributes(p:keys()[1]).segment)
                """,
                types: LuaSignature([.optional("options", .options(syntheticRetailOptions))], returns: [.panel])
            ) { call in
                let (p, _) = try validateOptions(try call.record(1, "options"), against: syntheticRetailOptions, owner: "data.synthetic_retail")
                var spec = SyntheticRetail()
                spec.skus = p.integer("skus") ?? 20
                spec.periods = p.integer("periods") ?? 104
                spec.seed = UInt64(p.integer("seed") ?? 1)
                spec.frequency = p.string("freq") == "day" ? .day : .week
                call.stack.pushUserdata(PanelObject(try spec.generate()))
                return 1
            },
        ])
    }
}
