import AlmanacCore
import Foundation
import TimeSeries

/// One row of a table as the assembler reads it.
protocol RowSource {
    /// The raw bytes of a column (text form), for dates and keys.
    func withBytes<R>(_ column: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R
    /// A column as a number: NaN when empty or NA, nil when it is not a number.
    func number(_ column: Int) -> Double?
    func text(_ column: Int) -> String
}

/// What a table becomes.
public enum TableContents: Sendable {
    case series(Series)
    case panel(Panel)
}

/// Gathers rows into series, then checks each series' calendar: dates parse,
/// none repeats, they sit on a regular grid, and gaps are an error unless the
/// caller chose how to fill them. Messages name the source, line and column.
struct TableAssembler {
    enum Layout { case long, single, wide }

    let source: String
    let columns: [String]
    let options: TableOptions
    let layout: Layout
    let dateColumn: Int
    let keyColumn: Int?
    let valueColumns: [Int]
    let covariateColumns: [Int]
    let attributeColumns: [Int]
    let parser: DateParser

    private var groups: [SeriesRows] = []
    private var groupIndex: [String: Int] = [:]
    private var lastKey: [UInt8] = []
    private var lastGroup = -1
    private var precision: DatePrecision?
    private var precisionLine = 0

    init(columns: [String], options: TableOptions, source: String) throws(DataError) {
        self.source = source
        self.columns = columns
        self.options = options
        parser = DateParser(order: options.dateOrder)
        func find(_ name: String, _ role: String) throws(DataError) -> Int {
            if let i = columns.firstIndex(of: name) { return i }
            var message = "\(source): no \(role) column '\(name)'"
            if let guess = closestMatch(to: name, in: columns) { message += " (did you mean '\(guess)'?)" }
            message += "; the columns are: " + columns.joined(separator: ", ")
            throw DataError(message)
        }
        guard !columns.isEmpty else { throw DataError("\(source): the header row is empty") }
        var seen: Set<String> = []
        for name in columns where !seen.insert(name).inserted {
            throw DataError("\(source): the header names column '\(name)' twice")
        }
        dateColumn =
            try options.date.map { name throws(DataError) in try find(name, "date") }
            ?? columns.firstIndex(of: "date") ?? 0
        keyColumn = try options.key.map { name throws(DataError) in try find(name, "key") }
        var covariates: [Int] = [], attributes: [Int] = []
        for name in options.covariates { covariates.append(try find(name, "covariate")) }
        for name in options.attributes { attributes.append(try find(name, "attribute")) }
        covariateColumns = covariates
        attributeColumns = attributes
        if let value = options.value {
            valueColumns = [try find(value, "value")]
            layout = keyColumn == nil ? .single : .long
        } else {
            let used = Set([dateColumn] + (keyColumn.map { [$0] } ?? []) + covariates + attributes)
            let rest = columns.indices.filter { !used.contains($0) }
            guard !rest.isEmpty else {
                throw DataError(
                    "\(source): no column is left for the values; the columns are: " + columns.joined(separator: ", "))
            }
            if keyColumn != nil {
                guard rest.count == 1 else {
                    throw DataError(
                        "\(source): with key = '\(columns[keyColumn ?? 0])', say which column holds the values (value = one of \(rest.map { "'\(columns[$0])'" }.joined(separator: ", ")))"
                    )
                }
                layout = .long
            } else {
                layout = rest.count == 1 ? .single : .wide
            }
            valueColumns = rest
        }
        if layout == .wide && (!covariates.isEmpty || !attributes.isEmpty) {
            throw DataError("\(source): covariates and attributes need the long form (give key = the series column)")
        }
        if layout != .long {
            for c in valueColumns { groups.append(SeriesRows(name: columns[c], covariateCount: 0)) }
        }
    }

    mutating func add<Row: RowSource>(_ row: Row, line: Int) throws(DataError) {
        func at(_ column: Int) -> String { "\(source):\(line): column '\(columns[column])'" }
        // freq = "none": the date column holds integer periods 1, 2, 3, …
        if options.frequency == Frequency.none {
            let text = row.text(dateColumn).trimmingCharacters(in: .whitespaces)
            guard let i = Int(text), let raw = Int32(exactly: i) else {
                throw DataError(
                    "\(at(dateColumn)): '\(text)' is not a whole number (with freq = \"none\" the date column numbers the periods 1, 2, 3, …)"
                )
            }
            if precision == nil {
                precision = .year
                precisionLine = line
            }
            try addValues(row, raw: raw, line: line)
            return
        }
        // The date, at the precision its text has; YYYY-MM-DD goes straight to a day number.
        if precision == .day, options.dateOrder == .iso,
            let days = row.withBytes(dateColumn, { DateParser.isoDayNumber($0) }), let raw = Int32(exactly: days)
        {
            try addValues(row, raw: raw, line: line)
            return
        }
        let parsed: DateParser.Parsed? = row.withBytes(dateColumn) { parser.parse(bytes: $0) }
        guard let parsed else {
            let text = row.text(dateColumn)
            let hint =
                options.dateOrder == .iso
                ? "expected YYYY-MM-DD, YYYY-MM, YYYY-Qn or YYYY; for 31/12/2020 give date_format = \"dmy\", for 12/31/2020 \"mdy\""
                : "expected \(options.dateOrder == .dayFirst ? "DD/MM/YYYY" : "MM/DD/YYYY")"
            throw DataError("\(at(dateColumn)): '\(text)' is not a date (\(hint))")
        }
        let p = DatePrecision(parsed)
        if let precision, precision != p {
            throw DataError(
                "\(at(dateColumn)): '\(row.text(dateColumn))' is a \(p.frequency.rawValue) but line \(precisionLine) has a \(precision.frequency.rawValue); use one form throughout"
            )
        } else if precision == nil {
            precision = p
            precisionLine = line
        }
        guard let raw = Int32(exactly: DatePrecision.raw(parsed)) else {
            throw DataError("\(at(dateColumn)): '\(row.text(dateColumn))' is too far from 1970")
        }
        try addValues(row, raw: raw, line: line)
    }

    /// Everything but the date: the key's series, the value, covariates and attributes.
    private mutating func addValues<Row: RowSource>(_ row: Row, raw: Int32, line: Int) throws(DataError) {
        func at(_ column: Int) -> String { "\(source):\(line): column '\(columns[column])'" }
        switch layout {
        case .long:
            let g = try group(for: row, keyColumn: keyColumn ?? 0)
            guard let value = row.number(valueColumns[0]) else {
                throw DataError("\(at(valueColumns[0])): " + NumberParser.describeRejected(row.text(valueColumns[0])))
            }
            groups[g].dates.append(raw)
            groups[g].values.append(value)
            groups[g].lines.append(Int32(clamping: line))
            for (k, c) in covariateColumns.enumerated() {
                guard let x = row.number(c) else {
                    throw DataError("\(at(c)): " + NumberParser.describeRejected(row.text(c)))
                }
                groups[g].covariates[k].append(x)
            }
            for c in attributeColumns {
                let text = row.text(c)
                if let existing = groups[g].attributes[columns[c]] {
                    guard existing.text == text else {
                        throw DataError(
                            "\(at(c)): '\(text)' differs from '\(existing.text)' on line \(existing.line) for key '\(groups[g].name)'; an attribute must be the same on every row of a key"
                        )
                    }
                } else {
                    groups[g].attributes[columns[c]] = (text, line)
                }
            }
        case .single, .wide:
            for (g, c) in valueColumns.enumerated() {
                guard let value = row.number(c) else {
                    throw DataError("\(at(c)): " + NumberParser.describeRejected(row.text(c)))
                }
                groups[g].dates.append(raw)
                groups[g].values.append(value)
                groups[g].lines.append(Int32(clamping: line))
            }
        }
    }

    /// The series a row belongs to; consecutive rows of one key skip the lookup.
    private mutating func group<Row: RowSource>(for row: Row, keyColumn: Int) throws(DataError) -> Int {
        let same = row.withBytes(keyColumn) { bytes -> Bool in
            guard bytes.count == lastKey.count else { return false }
            guard let a = bytes.baseAddress else { return lastKey.isEmpty }
            return lastKey.withUnsafeBufferPointer { b in b.baseAddress.map { memcmp(a, $0, bytes.count) == 0 } ?? false
            }
        }
        if same && lastGroup >= 0 { return lastGroup }
        let key = row.text(keyColumn)
        lastKey = Array(key.utf8)
        if let g = groupIndex[key] {
            lastGroup = g
            return g
        }
        guard !key.isEmpty else {
            throw DataError("\(source): a row has an empty key in column '\(columns[keyColumn])'")
        }
        groups.append(SeriesRows(name: key, covariateCount: covariateColumns.count))
        groupIndex[key] = groups.count - 1
        lastGroup = groups.count - 1
        return lastGroup
    }

    /// Builds every series; each group's raw rows are released as soon as its series exists.
    mutating func finish() throws(DataError) -> TableContents {
        guard let precision else { throw DataError("\(source): there are no data rows under the header") }
        let frequency = try resolveFrequency(precision)
        var entries: [String: Panel.Entry] = [:]
        entries.reserveCapacity(groups.count)
        let names = groups.map(\.name)
        for i in groups.indices {
            entries[groups[i].name] = try build(groups[i], precision: precision, frequency: frequency)
            groups[i] = SeriesRows(name: groups[i].name, covariateCount: 0)
        }
        groupIndex = [:]
        if layout == .single, let only = names.first, let entry = entries[only] {
            return .series(entry.series)
        }
        return .panel(Panel(entries: entries))
    }

    /// The frequency given, checked against the dates; or inferred from them.
    private func resolveFrequency(_ precision: DatePrecision) throws(DataError) -> Frequency {
        if let f = options.frequency {
            if f == .none { return .none }
            guard precision.ordinal(0, at: f) != nil || precision == .day else {
                throw DataError(
                    "\(source): the dates are \(precision.frequency.rawValue)s, too coarse for freq = \"\(f.rawValue)\""
                )
            }
            return f
        }
        guard precision == .day else { return precision.frequency }
        // Daily dates: the smallest step between consecutive dates of any series tells the calendar.
        var smallest = Int.max
        for rows in groups {
            let sorted = rows.dates.sorted()
            for i in 1..<max(1, sorted.count) where sorted[i] > sorted[i - 1] {
                smallest = min(smallest, Int(sorted[i] - sorted[i - 1]))
            }
        }
        switch smallest {
        case 1: return .day
        case 7: return .week
        case 28...31: return .month
        case 89...92: return .quarter
        case 365...366: return .year
        case Int.max:
            throw DataError(
                "\(source): every series has a single date, so the frequency cannot be inferred; give freq = \"day\", \"week\", \"month\", \"quarter\" or \"year\""
            )
        default:
            throw DataError(
                "\(source): dates are \(smallest) days apart, which is no calendar Almanac knows; give freq = \"day\", \"week\", \"month\", \"quarter\" or \"year\""
            )
        }
    }

    private func build(_ rows: SeriesRows, precision: DatePrecision, frequency: Frequency) throws(DataError)
        -> Panel.Entry
    {
        let name = layout == .single ? "" : " for '\(rows.name)'"
        let n = rows.dates.count
        var ordinals = [Int](repeating: 0, count: n)
        for i in 0..<n {
            let raw = Int(rows.dates[i])
            guard let o = frequency == .none ? raw : precision.ordinal(raw, at: frequency) else {
                throw DataError("\(source):\(rows.lines[i]): the date is coarser than freq = \"\(frequency.rawValue)\"")
            }
            ordinals[i] = o
        }
        // Rows usually arrive in date order; sort (stably) only when they do not.
        var inOrder = true
        for i in 1..<max(1, n) where ordinals[i] <= ordinals[i - 1] { inOrder = false; break }
        let order =
            inOrder
            ? Array(0..<n) : (0..<n).sorted { ordinals[$0] < ordinals[$1] || (ordinals[$0] == ordinals[$1] && $0 < $1) }
        for k in 1..<max(1, n) where !inOrder && ordinals[order[k]] == ordinals[order[k - 1]] {
            let label = TimeIndex.label(ordinal: ordinals[order[k]], frequency: frequency)
            throw DataError(
                "\(source):\(rows.lines[order[k]]): \(label) appears twice\(name) (also on line \(rows.lines[order[k - 1]]))\(frequency == .day ? "" : "; at freq = \"\(frequency.rawValue)\" each period may appear once — sum them first or pick a finer freq")"
            )
        }
        let step = frequency == .week ? 7 : 1
        guard let firstIndex = order.first else {
            throw DataError("\(source): no rows\(name)")
        }
        let start = ordinals[firstIndex]
        let last = ordinals[order[n - 1]]
        if step == 7 {
            for k in order where (ordinals[k] - start) % 7 != 0 {
                throw DataError(
                    "\(source):\(rows.lines[k]): \(TimeIndex.label(ordinal: ordinals[k], frequency: .day)) is not a whole number of weeks after \(TimeIndex.label(ordinal: start, frequency: .day))\(name); weekly data must fall on the same weekday (irregular calendar)"
                )
            }
        }
        let length = (last - start) / step + 1
        var values: [Double]
        var covariates: [[Double]]
        var gaps: [Int] = []
        if inOrder && length == n {
            // In order and complete: the collected arrays are the series (no copy).
            values = rows.values
            covariates = rows.covariates
        } else {
            values = [Double](repeating: .nan, count: length)
            var present = [Bool](repeating: false, count: length)
            covariates = [[Double]](repeating: [Double](repeating: .nan, count: length), count: rows.covariates.count)
            for k in order {
                let position = (ordinals[k] - start) / step
                values[position] = rows.values[k]
                present[position] = true
                for c in 0..<rows.covariates.count { covariates[c][position] = rows.covariates[c][k] }
            }
            gaps = present.indices.filter { !present[$0] }
        }
        let index = TimeIndex(frequency: frequency, start: start)
        var series = Series(name: rows.name, values: values, index: index, seasonalPeriod: options.seasonalPeriod)
        if !gaps.isEmpty {
            guard let fill = options.fillGaps else {
                let first = gaps.prefix(3).map { index.label(at: $0) }.joined(separator: ", ")
                throw DataError(
                    "\(source): \(gaps.count) date\(gaps.count == 1 ? " is" : "s are") missing\(name) (\(first)\(gaps.count > 3 ? ", ..." : "")); Almanac never fills gaps silently: pass fill_gaps = \"zero\", \"previous\", \"linear\" or \"na\""
                )
            }
            do { series = try series.fillingGaps(fill) } catch {
                throw DataError("\(source)\(name): \(error.message)")
            }
            // Covariates (prices, flags) persist over a missing date: carry the last value forward.
            if fill != .na {
                for c in 0..<covariates.count {
                    for g in gaps where g > 0 { covariates[c][g] = covariates[c][g - 1] }
                }
            }
        }
        var attributes: [String: Panel.AttributeValue] = [:]
        for (key, value) in rows.attributes {
            attributes[key] = Double(value.text).map { .number($0) } ?? .text(value.text)
        }
        let named = Dictionary(uniqueKeysWithValues: zip(options.covariates, covariates))
        return Panel.Entry(series: series, covariates: named, attributes: attributes)
    }
}
