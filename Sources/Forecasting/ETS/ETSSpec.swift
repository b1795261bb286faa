/// One exponential smoothing model of the ETS family (Hyndman et al. 2008):
/// error, trend and seasonal components, and whether the trend is damped.
public struct ETSSpec: Hashable, Sendable, CustomStringConvertible {
    /// A component's form, by its letter in the model code: none, additive or multiplicative.
    public enum Component: String, Sendable, CaseIterable {
        case none = "N", additive = "A", multiplicative = "M"
    }

    /// The error: additive or multiplicative.
    public var error: Component
    /// The trend: none, additive or multiplicative.
    public var trend: Component
    /// The season: none, additive or multiplicative.
    public var season: Component
    /// Whether the trend is damped (only with a trend).
    public var damped: Bool

    /// The model ETS(error, trend[d], season).
    public init(error: Component, trend: Component, season: Component, damped: Bool = false) {
        self.error = error
        self.trend = trend
        self.season = season
        self.damped = damped && trend != .none
    }

    /// "ETS(M,Ad,N)", as R prints it.
    public var description: String {
        "ETS(\(error.rawValue),\(trend.rawValue)\(damped ? "d" : ""),\(season.rawValue))"
    }

    /// "MAdN": the compact code used in options and saved models.
    public var code: String { error.rawValue + trend.rawValue + (damped ? "d" : "") + season.rawValue }

    /// Parses a code such as "MAM" or "AAdN".
    public init?(code: String) {
        var chars = Array(code.uppercased())
        var damped = false
        if chars.count == 4, chars[2] == "D" { damped = true; chars.remove(at: 2) }
        guard chars.count == 3,
            let e = Component(rawValue: String(chars[0])), e != .none,
            let t = Component(rawValue: String(chars[1])),
            let s = Component(rawValue: String(chars[2])),
            !(damped && t == .none)
        else { return nil }
        self.init(error: e, trend: t, season: s, damped: damped)
    }

    /// Combinations R's ets refuses when `restrict = TRUE`: they are numerically unstable.
    public var isRestricted: Bool {
        (error == .additive && (trend == .multiplicative || season == .multiplicative))
            || (error == .multiplicative && trend == .multiplicative && season == .additive)
    }

    var hasTrend: Bool { trend != .none }
    var hasSeason: Bool { season != .none }
}
