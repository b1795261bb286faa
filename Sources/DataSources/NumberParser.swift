import Foundation

/// Decimal text to Double, correctly rounded: Clinger's fast path when the
/// digits fit in 2^53 and the power of ten is at most 22 (then one
/// multiplication or division is exact), strtod otherwise.
enum NumberParser {
    private static let powersOfTen: [Double] = (0...22).map { pow(10, Double($0)) }

    /// nil when the bytes are not a number; an empty field or NA/NaN/null is `.nan` (a missing value).
    static func parse(_ b: UnsafeBufferPointer<UInt8>) -> Double? {
        let n = b.count
        if n == 0 { return .nan }
        // Fast path: a plain whole number of up to 15 digits (exact as a Double).
        if n <= 15 {
            var value = 0
            var i = 0
            while i < n {
                let d = Int(b[i]) &- 48
                guard d >= 0 && d <= 9 else { break }
                value = value &* 10 &+ d
                i += 1
            }
            if i == n { return Double(value) }
        }
        var i = 0
        var negative = false
        if b[0] == 0x2D { negative = true; i = 1 } else if b[0] == 0x2B { i = 1 }
        var mantissa: UInt64 = 0
        var digits = 0, exponent = 0
        var sawDigit = false, sawDot = false
        while i < n {
            let c = b[i]
            if c >= 0x30 && c <= 0x39 {
                sawDigit = true
                if mantissa == 0 && c == 0x30 {
                    if sawDot { exponent -= 1 }
                } else if digits < 19 {
                    mantissa = mantissa * 10 + UInt64(c - 0x30)
                    digits += 1
                    if sawDot { exponent -= 1 }
                } else {
                    return slowPath(b)
                }
            } else if c == 0x2E && !sawDot {
                sawDot = true
            } else if (c == 0x65 || c == 0x45) && sawDigit {
                return slowPath(b)
            } else {
                return missingMarker(b) ? .nan : nil
            }
            i += 1
        }
        guard sawDigit else { return nil }
        if mantissa < (1 << 53) && abs(exponent) <= 22 {
            var x = Double(mantissa)
            x = exponent < 0 ? x / powersOfTen[-exponent] : x * powersOfTen[exponent]
            return negative ? -x : x
        }
        return slowPath(b)
    }

    private static func slowPath(_ b: UnsafeBufferPointer<UInt8>) -> Double? {
        var text = [CChar](repeating: 0, count: b.count + 1)
        for i in 0..<b.count { text[i] = CChar(bitPattern: b[i]) }
        return text.withUnsafeBufferPointer { p -> Double? in
            guard let start = p.baseAddress else { return nil }
            var end: UnsafeMutablePointer<CChar>?
            let x = strtod(start, &end)
            guard let end, end - UnsafeMutablePointer(mutating: start) == b.count else { return nil }
            // 1e400 overflows to inf: not a value anyone wrote, so not a number
            // (`describeRejected` says why).
            return x.isInfinite ? nil : x
        }
    }

    /// Why `text` was refused as a number, for the error message.
    static func describeRejected(_ text: String) -> String {
        let x = strtod(text, nil)
        if x.isInfinite, text.contains(where: \.isNumber) {
            return "'\(text)' is too large for a number (beyond ±1.8e308)"
        }
        return "'\(text)' is not a number"
    }

    /// NA, N/A, NaN, null, nan: spellings of a missing value.
    private static func missingMarker(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let text = String(decoding: b, as: UTF8.self).lowercased()
        return ["na", "n/a", "nan", "null", "none", "-"].contains(text)
    }
}
