/// Quoting that keeps user text inert. gnuplot runs shell commands written in
/// backquotes inside double-quoted strings and expands @macros outside
/// strings; inside single quotes neither happens. Two characters still break
/// a single-quoted string: a quote (gnuplot's doubling, `''`, fails when two
/// come together) and a backslash before the closing quote (which, in a
/// command continued over lines, swallows the next line). Text holding either
/// becomes a parenthesised concatenation of single-quoted runs with those
/// characters made by `sprintf('%c', 39)` and `sprintf('%c', 92)`, so the
/// program still holds no double-quoted string at all. A newline would end
/// the command, so control characters become spaces.
enum GnuplotQuoting {
    static func quoted(_ text: String) -> String {
        var parts: [String] = []
        var run = ""
        func flush() {
            if !run.isEmpty { parts.append("'" + run + "'") }
            run = ""
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "'": flush(); parts.append("sprintf('%c',39)")
            case "\\": flush(); parts.append("sprintf('%c',92)")
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: run += " "
            default: run.unicodeScalars.append(scalar)
            }
        }
        flush()
        if parts.isEmpty { return "''" }
        return parts.count == 1 && parts[0].hasPrefix("'") ? parts[0] : "(" + parts.joined(separator: ".") + ")"
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
