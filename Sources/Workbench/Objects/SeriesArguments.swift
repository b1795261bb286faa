import AlmanacCore
import LuaBridge
import TimeSeries

/// The declared arguments of the Series methods (see LuaArguments).
extension SeriesMethods {
    struct Count: LuaArguments {
        var n = 0
        static let arguments: [LuaArgument<Self>] = [.required(\.n, "how many observations")]
    }

    struct Holdout: LuaArguments {
        var h = 0
        static let arguments: [LuaArgument<Self>] = [.required(\.h, "observations held out at the end")]
    }

    struct MaxLag: LuaArguments {
        var k = 0
        static let arguments: [LuaArgument<Self>] = [.required(\.k, "the largest lag")]
    }

    struct Period: LuaArguments {
        var m = 1
        static let arguments: [LuaArgument<Self>] = [.required(\.m, "observations per seasonal cycle")]
    }

    struct NewName: LuaArguments {
        var name = ""
        static let arguments: [LuaArgument<Self>] = [.required(\.name, "the new name")]
    }

    struct WindowArguments: LuaArguments {
        var from: String?
        var to: String?
        static let arguments: [LuaArgument<Self>] = [
            .optional(\.from, "label of the first observation kept; nil: from the start"),
            .optional(\.to, "label of the last observation kept; nil: to the end"),
        ]
    }

    struct Lambda: LuaArguments {
        var lambda = 0.0
        static let arguments: [LuaArgument<Self>] = [.required(\.lambda, "the Box–Cox parameter")]
    }

    struct AutoLambda: LuaArguments {
        var lambda = LuaValue.nil
        static let arguments: [LuaArgument<Self>] = [
            .required(\.lambda, "the Box–Cox parameter, or \"auto\"", type: .number | .literal("auto"))
        ]
    }

    struct DiffArguments: LuaArguments {
        var lag = 1
        var differences = 1
        static let arguments: [LuaArgument<Self>] = [
            .optional(\.lag, "distance between the values subtracted"),
            .optional(\.differences, "how many times to difference"),
        ]
    }

    struct MovingAverageArguments: LuaArguments {
        var order = 0
        var centred = true
        static let arguments: [LuaArgument<Self>] = [
            .required(\.order, "values averaged"),
            .option(\.centred, "centre the window; false: the mean of the last `order` values"),
        ]
    }

    struct AggregateArguments: LuaArguments {
        var freq = ""
        var how = "sum"
        static let arguments: [LuaArgument<Self>] = [
            .required(\.freq, "the coarser calendar", type: .frequency),
            .optional(\.how, "sum or mean", type: .oneOf(Series.Aggregation.allCases.map(\.rawValue))),
        ]
    }

    struct GapFillArguments: LuaArguments {
        var method = ""
        static let arguments: [LuaArgument<Self>] = [
            .required(\.method, "how gaps are filled", type: .oneOf(Series.GapFill.allCases.map(\.rawValue)))
        ]
    }

    struct DecomposeArguments: LuaArguments {
        var type = "additive"
        static let arguments: [LuaArgument<Self>] = [
            .optional(
                \.type, "additive or multiplicative", type: .oneOf(Series.DecompositionType.allCases.map(\.rawValue)))
        ]
    }

    struct LjungBoxArguments: LuaArguments {
        var lag = 10
        var fitdf = 0
        static let arguments: [LuaArgument<Self>] = [
            .option(\.lag, "lags tested", range: ParameterRange(lower: 1)),
            .option(
                \.fitdf, "parameters fitted (for residuals of an ARMA(p,q): p + q)", range: ParameterRange(lower: 0)),
        ]
    }

    /// How many lags the KPSS statistic's variance uses, by urca's names.
    enum KPSSTruncation: String, LuaChoice {
        case short, long, forecast
        var truncation: Series.KPSSLags {
            switch self {
            case .short: return .short
            case .long: return .long
            case .forecast: return .forecast
            }
        }
    }

    struct KPSSArguments: LuaArguments {
        var type = Series.KPSSType.level
        var lags = KPSSTruncation.short
        static let arguments: [LuaArgument<Self>] = [
            .option(\.type, "stationary around a level or a linear trend"),
            .option(\.lags, "truncation lag: ⌊4(n/100)^¼⌋, ⌊12(n/100)^¼⌋, or ⌊3√n/13⌋ as forecast::ndiffs"),
        ]
    }

    struct BoxCoxLambdaArguments: LuaArguments {
        var method = Series.LambdaMethod.guerrero
        var lower = -1.0
        var upper = 2.0
        static let arguments: [LuaArgument<Self>] = [
            .option(\.method, "how λ is chosen"),
            .option(\.lower, "smallest λ considered"),
            .option(\.upper, "largest λ considered"),
        ]
    }

    struct STLArguments: LuaArguments {
        var sWindow = LuaValue.string("periodic")
        var sDegree = 0
        var tWindow: Int?
        var tDegree = 1
        var lWindow: Int?
        var robust = false
        static let arguments: [LuaArgument<Self>] = [
            .option(
                \.sWindow, "seasonal window: \"periodic\" (default) or an odd span",
                type: .literal("periodic") | .integer),
            .option(\.sDegree, "degree of the seasonal loess", range: ParameterRange(lower: 0, upper: 1)),
            .option(
                \.tWindow, "trend span; default nextodd(1.5·period/(1 − 1.5/s_window))", range: ParameterRange(lower: 3)
            ),
            .option(\.tDegree, "degree of the trend loess", range: ParameterRange(lower: 0, upper: 1)),
            .option(\.lWindow, "low-pass span; default the period made odd", range: ParameterRange(lower: 3)),
            .option(\.robust, "robustness iterations against outliers"),
        ]
    }
}

extension Series.KPSSType: LuaChoice {}
extension Series.LambdaMethod: LuaChoice {}

/// What s:ljung_box gives.
struct LjungBoxResult: LuaRecordEncodable {
    let statistic: Double
    let pValue: Double
    let df: Int
    init(_ r: TestResult) { (statistic, pValue, df) = (r.statistic, r.pValue, r.parameter) }
    static let fields: [LuaRecordField<Self>] = [
        .field(\.statistic, "the Q statistic"), .field(\.pValue, "chi-squared p-value"),
        .field(\.df, "degrees of freedom"),
    ]
}

/// What s:kpss gives.
struct KPSSResult: LuaRecordEncodable {
    let statistic: Double
    let pValue: Double
    let lags: Int
    init(_ r: TestResult) { (statistic, pValue, lags) = (r.statistic, r.pValue, r.parameter) }
    static let fields: [LuaRecordField<Self>] = [
        .field(\.statistic, "the KPSS statistic"), .field(\.pValue, "interpolated p-value, within [0.01, 0.1]"),
        .field(\.lags, "truncation lag used"),
    ]
}
