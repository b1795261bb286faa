/// Dates as they appear in data files. ISO forms are recognised on their own;
/// day-first and month-first dates (03/04/2020) are ambiguous, so the caller
/// says which it has.
public struct DateParser: Sendable, Hashable {
    /// Which date forms the parser accepts.
    public enum Order: String, Sendable, CaseIterable {
        /// 2020-03-04, 2020/03/04, 2020-03, 2020-Q1, 2020Q1, 2020 (and a midnight time part)
        case iso
        /// 04/03/2020, 04-03-2020, 04.03.2020
        case dayFirst = "dmy"
        /// 03/04/2020
        case monthFirst = "mdy"
    }

    /// The accepted order.
    public let order: Order
    /// A parser for dates in `order`.
    public init(order: Order) { self.order = order }

    /// ISO dates only.
    public static let iso = DateParser(order: .iso)

    /// What a date names: a day, or a whole month, quarter or year.
    public enum Parsed: Sendable, Hashable {
        case day(CivilDate)
        case month(year: Int, month: Int)
        case quarter(year: Int, quarter: Int)
        case year(Int)

        /// Its ordinal at `frequency`; nil when the text is coarser than the frequency (a month for daily data).
        public func ordinal(for frequency: Frequency) -> Int? {
            switch (self, frequency) {
            case (.day(let d), _): return TimeIndex.ordinal(of: d, frequency: frequency)
            case (.month(let y, let m), .month): return y * 12 + m - 1
            case (.month(let y, let m), .quarter): return y * 4 + (m - 1) / 3
            case (.month(let y, _), .year): return y
            case (.quarter(let y, let q), .quarter): return y * 4 + q - 1
            case (.quarter(let y, _), .year): return y
            case (.year(let y), .year): return y
            default: return nil
            }
        }

        /// The finest frequency the text can express.
        public var finestFrequency: Frequency {
            switch self {
            case .day: return .day
            case .month: return .month
            case .quarter: return .quarter
            case .year: return .year
            }
        }
    }

    /// YYYY-MM-DD exactly, the commonest form, without the general scanner.
    @inline(__always)
    static func isoDay(_ b: UnsafeBufferPointer<UInt8>) -> CivilDate? {
        guard let days = isoDayNumber(b) else { return nil }
        return CivilDate(daysSinceEpoch: days)
    }

    /// Days since 1970-01-01 of an exact YYYY-MM-DD, validated, or nil: the CSV hot path.
    public static func isoDayNumber(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        guard b.count == 10, b[4] == 0x2D, b[7] == 0x2D else { return nil }
        @inline(__always) func digit(_ i: Int) -> Int { Int(b[i]) &- 48 }
        let d0 = digit(0), d1 = digit(1), d2 = digit(2), d3 = digit(3)
        let m0 = digit(5), m1 = digit(6), a0 = digit(8), a1 = digit(9)
        // `UInt(bitPattern:)`, not `UInt(_:)`: a byte below '0' gives a negative
        // digit, which must fail the check, not trap the conversion.
        @inline(__always) func isDigit(_ d: Int) -> Bool { UInt(bitPattern: d) <= 9 }
        guard isDigit(d0), isDigit(d1), isDigit(d2), isDigit(d3),
            isDigit(m0), isDigit(m1), isDigit(a0), isDigit(a1)
        else { return nil }
        let year = d0 * 1000 + d1 * 100 + d2 * 10 + d3
        let month = m0 * 10 + m1, day = a0 * 10 + a1
        guard month >= 1, month <= 12, day >= 1, day <= CivilDate.daysIn(month: month, year: year) else { return nil }
        return CivilDate.daysSinceEpoch(year: year, month: month, day: day)
    }

    /// The date `text` names; nil when it is not a date in this order.
    public func parse(_ text: String) -> Parsed? {
        var text = text
        return text.withUTF8 { parse(bytes: $0) }
    }

    /// Parses UTF-8 bytes without allocating (the CSV reader's hot path).
    public func parse(bytes: UnsafeBufferPointer<UInt8>) -> Parsed? {
        if order == .iso, bytes.count == 10, let day = Self.isoDay(bytes) { return .day(day) }
        var end = bytes.count
        // A time part is allowed only at midnight: the smallest period is a day.
        if let t = bytes.firstIndex(where: { $0 == UInt8(ascii: "T") || $0 == UInt8(ascii: " ") }) {
            var i = t + 1
            while i < bytes.count {
                let c = bytes[i]
                guard
                    c == UInt8(ascii: "0") || c == UInt8(ascii: ":") || c == UInt8(ascii: ".") || c == UInt8(ascii: "Z")
                else { return nil }
                i += 1
            }
            end = t
        }
        var fields: (Int, Int, Int) = (0, 0, 0)
        var widths: (Int, Int, Int) = (0, 0, 0)
        var count = 0
        var separator: UInt8 = 0
        var quarter = false
        var i = 0
        while i < end {
            let c = bytes[i]
            if c >= 48 && c <= 57 {
                let digit = Int(c - 48)
                switch count {
                case 0: fields.0 = fields.0 * 10 + digit; widths.0 += 1
                case 1: fields.1 = fields.1 * 10 + digit; widths.1 += 1
                default: fields.2 = fields.2 * 10 + digit; widths.2 += 1
                }
                if count == 0 && widths.0 > 4 { return nil }
                if widths.1 > 2 || widths.2 > 4 { return nil }
            } else if c == UInt8(ascii: "Q") || c == UInt8(ascii: "q") {
                guard count == 0 || (count == 1 && widths.1 == 0), widths.0 == 4, !quarter else { return nil }
                quarter = true
                if count == 0 { count = 1 }
            } else if c == UInt8(ascii: "-") || c == UInt8(ascii: "/") || c == UInt8(ascii: ".") {
                guard count < 2, separator == 0 || separator == c else { return nil }
                if quarter { return nil }
                separator = c
                count += 1
            } else {
                return nil
            }
            i += 1
        }
        if end == 0 { return nil }
        let parts = count + 1
        if quarter {
            guard parts == 2, widths.1 == 1, (1...4).contains(fields.1) else { return nil }
            return .quarter(year: fields.0, quarter: fields.1)
        }
        switch order {
        case .iso:
            guard widths.0 == 4 else { return nil }
            switch parts {
            case 1: return .year(fields.0)
            case 2:
                guard widths.1 >= 1, (1...12).contains(fields.1) else { return nil }
                return .month(year: fields.0, month: fields.1)
            default:
                guard widths.1 >= 1, widths.2 >= 1, widths.2 <= 2,
                    let d = CivilDate(year: fields.0, month: fields.1, day: fields.2)
                else { return nil }
                return .day(d)
            }
        case .dayFirst, .monthFirst:
            guard parts == 3, widths.2 == 4, widths.0 >= 1, widths.0 <= 2 else { return nil }
            let (day, month) = order == .dayFirst ? (fields.0, fields.1) : (fields.1, fields.0)
            guard let d = CivilDate(year: fields.2, month: month, day: day) else { return nil }
            return .day(d)
        }
    }
}
