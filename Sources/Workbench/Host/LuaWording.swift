import AlmanacCore

/// The Lua words for the plain advice domain messages give (`UsageHint`).
///
/// Domain modules speak no Lua, but a Lua user should read the call that
/// helps: "fill them first, e.g. s:fill_gaps("linear")". The host applies
/// `lua(_:)` to every error a native function raises (`LuaState.errorWording`)
/// and to the failure reasons it hands to scripts as values (fit_many,
/// backtest), so the hint reads the same wherever composition put it
/// (an ensemble lists each member's failure).
enum LuaWording {
    /// What Lua users read for `hint`.
    static func text(for hint: UsageHint) -> String {
        switch hint {
        case .fillGaps: return "fill them first, e.g. s:fill_gaps(\"linear\")"
        case .exampleDistribution: return "a distribution such as dist.normal(50, 8)"
        case .passCovariate(let name):
            return "From Lua, pass it with forecast.fit(name, series, params, { \(name) = { ... } })"
        }
    }

    /// `message` with every hint's plain text replaced by its Lua text.
    static func lua(_ message: String) -> String {
        var text = message
        for hint in [UsageHint.fillGaps, .exampleDistribution] where text.contains(hint.plainText) {
            text = text.replacing(hint.plainText, with: Self.text(for: hint))
        }
        return replacingCovariateHints(in: text)
    }

    /// The covariate hint carries a name: "Pass it as covariate 'NAME' with the data",
    /// NAME running to the first "' with the data" after the opening quote.
    private static func replacingCovariateHints(in message: String) -> String {
        let opening = "Pass it as covariate '", closing = "' with the data"
        guard message.contains(opening) else { return message }
        var out = "", rest = message[...]
        while let start = rest.firstRange(of: opening),
            let end = rest[start.upperBound...].firstRange(of: closing)
        {
            out += rest[..<start.lowerBound]
            out += text(for: .passCovariate(name: String(rest[start.upperBound..<end.lowerBound])))
            rest = rest[end.upperBound...]
        }
        return out + rest
    }
}
