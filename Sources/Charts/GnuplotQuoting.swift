/// Quoting that keeps user text inert. gnuplot runs shell commands written in
/// backquotes inside double-quoted strings and expands @macros outside
/// strings; inside single quotes neither happens, and a quote is doubled.
/// A newline would end the command, so control characters become spaces.
enum GnuplotQuoting {
    static func quoted(_ text: String) -> String {
        var out = "'"
        for scalar in text.unicodeScalars {
            switch scalar {
            case "'": out += "''"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: out += " "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "'"
    }

    /// A data value: finite numbers in full precision, anything else as gnuplot's missing value.
    static func number(_ x: Double) -> String {
        guard x.isFinite else { return "NaN" }
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return shortest(x)
    }

    /// The shortest text that reads back as the same Double (Swift's description), without a locale.
    private static func shortest(_ x: Double) -> String { "\(x)" }
}
