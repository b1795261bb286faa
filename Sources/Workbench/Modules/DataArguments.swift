import AlmanacCore
import DataSources
import LuaBridge
import TimeSeries

/// data.csv's and data.sqlite's options, declared once for both.
struct TableReadOptions {
    var date: String?
    var key: String?
    var value: String?
    var freq: Frequency?
    var period: Int?
    var dateFormat = DateParser.Order.iso
    var delimiter = ","
    var fillGaps: Series.GapFill?
    var covariates = TableArgument()
    var attributes = TableArgument()

    /// As DataSources takes them; `owner` names the function in messages.
    func tableOptions(owner: String) throws -> TableOptions {
        var o = TableOptions()
        o.date = date
        o.key = key
        o.value = value
        o.frequency = freq
        o.seasonalPeriod = period
        o.dateOrder = dateFormat
        guard delimiter.utf8.count == 1, let byte = delimiter.utf8.first else {
            throw ScriptError.named("\(owner): option 'delimiter' must be one character, got \"\(delimiter)\"")
        }
        o.delimiter = byte
        o.fillGaps = fillGaps
        o.covariates = try Self.columnNames(covariates.value, "covariates", owner)
        o.attributes = try Self.columnNames(attributes.value, "attributes", owner)
        return o
    }

    static func columnNames(_ value: LuaValue, _ name: String, _ owner: String) throws -> [String] {
        switch value {
        case .nil: return []
        case .string(let s): return [s]
        case .array(let items):
            return try items.map { item in
                guard case .string(let s) = item else {
                    throw ScriptError.named("\(owner): option '\(name)' must be an array of column names")
                }
                return s
            }
        default: throw ScriptError.named("\(owner): option '\(name)' must be an array of column names")
        }
    }
}

/// A function that reads a table: its own arguments, then the table options.
protocol TableReading: LuaArguments {
    var table: TableReadOptions { get set }
}

extension TableReading {
    static var tableOptions: [LuaArgument<Self>] {
        [
            .option(\.table.date, "the date column; default a column named date, else the first"),
            .option(\.table.key, "the key column (SKU, store): given, the result is a Panel (long form)"),
            .option(
                \.table.value,
                "the value column; default the only other column, or every other column as a Panel (wide form)"),
            .option(\.table.freq, "the calendar; default inferred from the dates"),
            .option(
                \.table.period, "seasonal period; default from freq",
                range: ParameterRange(lower: 1, upper: Double(Series.maximumSeasonalPeriod))),
            .option(\.table.dateFormat, "iso: 2020-12-31, 2020-12, 2020-Q4, 2020; dmy: 31/12/2020; mdy: 12/31/2020"),
            .option(\.table.delimiter, "field separator (one character)"),
            .option(\.table.fillGaps, "how to fill dates missing inside a series; without it a gap is an error"),
            .option(
                \.table.covariates, "numeric columns kept per key as dynamic covariates, e.g. { \"price\", \"promo\" }",
                type: .array(.string)),
            .option(
                \.table.attributes, "columns kept per key as static attributes, e.g. { \"category\" }",
                type: .array(.string)),
        ]
    }

    /// The options as the reference lists them in data.csv's details.
    static var tableOptionsText: String {
        tableOptions.map { "`\($0.name)` (\($0.doc))" }.joined(separator: "; ")
    }
}

/// What data.write_csv and data.write_sqlite write: a Series, a Panel, or an array of records.
struct WritableTable: LuaArgumentValue {
    var table = Table(columns: [], rows: [])

    static var luaType: LuaType { .series | .panel | .array(.map(key: .string, value: .number | .string | .boolean)) }
    static var parameterType: ParameterType { .any }

    static func argument(_ call: LuaCall, _ index: Int32, _ name: String) throws -> WritableTable {
        if let s = call.stack.object(at: index, as: SeriesObject.self) {
            return WritableTable(table: Table(series: s.series))
        }
        if let p = call.stack.object(at: index, as: PanelObject.self) {
            return WritableTable(table: Table(panel: p.panel))
        }
        switch try call.value(index, name) {
        case .array(let items):
            let records: [[String: Table.Cell]] = try items.enumerated().map { i, item in
                guard case .record(let fields) = item else {
                    throw ScriptError(
                        "argument \(index) '\(name)': item \(i + 1) must be a record like { sku = \"A\", q = 1 }")
                }
                return try fields.mapValues { value in
                    switch value {
                    case .number(let x): return x.isNaN ? .missing : .number(x)
                    case .integer(let i): return .number(Double(i))
                    case .string(let s): return .text(s)
                    case .boolean(let b): return .text(b ? "true" : "false")
                    case .nil: return .missing
                    default:
                        throw ScriptError(
                            "argument \(index) '\(name)': item \(i + 1) has a \(value.typeName); cells must be numbers, strings or booleans"
                        )
                    }
                }
            }
            return WritableTable(table: Table(records: records))
        default:
            throw ScriptError(
                "argument \(index) '\(name)' must be a Series, a Panel or an array of records, got a \(call.typeName(index))"
            )
        }
    }

    init() {}
    init(table: Table) { self.table = table }
    init(option value: ParameterValue, raw: LuaValue, name: String) throws { throw UnexpectedOption(name: name) }
    var shownDefault: ParameterValue? { nil }
}

/// The declared arguments of data.* (see LuaArguments).
extension DataModule {
    struct DatasetArguments: LuaArguments {
        var name = ""
        static let arguments: [LuaArgument<Self>] = [
            .required(\.name, "the dataset's name", type: .oneOf(BundledDataset.names))
        ]
    }

    struct CSVArguments: TableReading {
        var path = ""
        var table = TableReadOptions()
        static let arguments: [LuaArgument<Self>] = [.required(\.path, "the CSV file")] + tableOptions
    }

    struct SQLiteArguments: TableReading {
        var path = ""
        var sql = ""
        var table = TableReadOptions()
        static let arguments: [LuaArgument<Self>] =
            [
                .required(\.path, "the SQLite file (opened read-only)"), .required(\.sql, "the query"),
            ] + tableOptions
    }

    struct WriteCSVArguments: LuaArguments {
        var path = ""
        var x = WritableTable()
        static let arguments: [LuaArgument<Self>] = [
            .required(\.path, "the file; a relative path goes into the output folder"),
            .required(\.x, "a Series, a Panel or an array of records"),
        ]
    }

    struct WriteSQLiteArguments: LuaArguments {
        var path = ""
        var table = ""
        var x = WritableTable()
        var mode = SQLite.WriteMode.replace
        static let arguments: [LuaArgument<Self>] = [
            .required(\.path, "the file (created if missing); a relative path goes into the output folder"),
            .required(\.table, "the table written"),
            .required(\.x, "a Series, a Panel or an array of records"),
            .option(\.mode, "replace the table or add rows to it"),
        ]
    }

    struct PanelArguments: LuaArguments {
        var seriesByKey: [String: LuaValue] = [:]
        var attributes = TableArgument()
        var covariates = TableArgument()
        static let arguments: [LuaArgument<Self>] = [
            .required(
                \.seriesByKey, "series (or arrays of numbers) by key", type: .map(key: .string, value: .seriesLike)),
            .option(
                \.attributes, "per key, its static attributes: { [key] = { category = \"toys\", store = 3 } }",
                type: .map(key: .string, value: .map(key: .string, value: .string | .number))),
            .option(
                \.covariates,
                "per key, its covariates, each at least as long as the key's series (longer: known future values): { [key] = { promo = { 0, 1, ... } } }",
                type: .map(key: .string, value: .map(key: .string, value: .array(.number)))),
        ]
    }

    /// The calendars data.synthetic_retail can generate.
    enum SyntheticFrequency: String, LuaChoice {
        case week, day
    }

    struct SyntheticRetailArguments: LuaArguments {
        var skus = 20
        var periods = 104
        var seed = 1
        var freq = SyntheticFrequency.week
        static let arguments: [LuaArgument<Self>] = [
            .option(\.skus, "how many series", range: ParameterRange(lower: 1, upper: 100_000)),
            .option(\.periods, "length of the horizon", range: ParameterRange(lower: 8, upper: 100_000)),
            .option(\.seed, "seed of its own generator (independent of almanac.seed)", range: ParameterRange(lower: 0)),
            .option(\.freq, "weekly or daily periods"),
        ]
    }
}

/// What data.datasets gives for each dataset.
struct DatasetInfo: LuaRecordEncodable {
    let name: String
    let freq: String
    let period: Int
    let start: String
    let length: Int
    let units: String
    let summary: String
    let source: String

    init(_ d: BundledDataset) {
        (name, freq, period, start, length) = (d.name, d.frequency.rawValue, d.period, d.start, d.values.count)
        (units, summary, source) = (d.units, d.summary, d.source)
    }

    static let recordName: String? = "data.DatasetInfo"
    static let fields: [LuaRecordField<Self>] = [
        .field(\.name), .field(\.freq, type: .frequency), .field(\.period),
        .field(\.start), .field(\.length), .field(\.units), .field(\.summary), .field(\.source),
    ]
}
