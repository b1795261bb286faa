import Foundation

extension TableValue {
    /// How a value reads in a table: integers whole, reals with at most four
    /// decimals (trailing zeros trimmed) or four significant digits below 1,
    /// scientific notation when tiny or huge, and NA for a missing value or NaN.
    var displayText: String {
        switch self {
        case .integer(let value): return String(value)
        case .number(let value): return formatReal(value)
        case .string(let value): return value
        case .bool(let value): return value ? "true" : "false"
        case .missing: return "NA"
        }
    }

    var isMissing: Bool {
        switch self {
        case .missing: return true
        case .number(let value): return value.isNaN
        default: return false
        }
    }
}

func formatReal(_ value: Double) -> String {
    if value.isNaN { return "NA" }
    if value.isInfinite { return value < 0 ? "-Inf" : "Inf" }
    if value == 0 { return "0" }  // -0.0 too
    let magnitude = abs(value)
    if magnitude >= 1e15 || magnitude < 1e-6 { return formatScientific(value) }
    // Four decimals at 1 and above; four significant digits below 1 (0.001235).
    let decimals = magnitude >= 1 ? 4 : 3 - Int(log10(magnitude).rounded(.down))
    return trimmingZeros(String(format: "%.\(decimals)f", value))
}

/// 1.235e-07, 6.022e+23: four significant digits.
private func formatScientific(_ value: Double) -> String {
    let text = String(format: "%.3e", value)
    guard let e = text.firstIndex(of: "e") else { return text }
    return trimmingZeros(String(text[..<e])) + text[e...]
}

/// "2.5000" → "2.5", "3.0000" → "3", "-0.0000" → "0".
private func trimmingZeros(_ text: String) -> String {
    guard text.contains(".") else { return text }
    var trimmed = Substring(text)
    while trimmed.last == "0" { trimmed = trimmed.dropLast() }
    if trimmed.last == "." { trimmed = trimmed.dropLast() }
    return trimmed == "-0" ? "0" : String(trimmed)
}
