import AlmanacCore
import LuaBridge
import TimeSeries

/// The declared arguments and results of metrics.* (see LuaArguments).
extension MetricsModule {
    struct PairArguments: LuaArguments {
        var actual = SeriesArgument()
        var forecast = SeriesArgument()
        static let arguments: [LuaArgument<Self>] = [
            .required(\.actual, "what happened"), .required(\.forecast, "what was forecast"),
        ]
    }

    static let trainingDoc = "the in-sample series the scale comes from (a Series or array)"
    static let periodDoc = "seasonal period of the naive benchmark; default the training series' period"

    /// mase and rmsse: the scale needs the training series.
    struct ScaledArguments: LuaArguments {
        var actual = SeriesArgument()
        var forecast = SeriesArgument()
        var training = LuaValue.nil
        var period: Int?
        static let arguments: [LuaArgument<Self>] = [
            .required(\.actual, "what happened"), .required(\.forecast, "what was forecast"),
            .option(\.training, trainingDoc, type: .seriesLike, required: true),
            .option(\.period, periodDoc, range: ParameterRange(lower: 1)),
        ]
    }

    struct AccuracyArguments: LuaArguments {
        var actual = SeriesArgument()
        var forecast = SeriesArgument()
        var training = LuaValue.nil
        var period: Int?
        static let arguments: [LuaArgument<Self>] = [
            .required(\.actual, "what happened"), .required(\.forecast, "what was forecast"),
            .option(\.training, trainingDoc, type: .seriesLike),
            .option(\.period, periodDoc, range: ParameterRange(lower: 1)),
        ]
    }

    /// metrics.accuracy on Panels: the other way to call it, for the stubs.
    struct PanelAccuracyArguments: LuaArguments {
        var actual = LuaValue.nil
        var forecast = LuaValue.nil
        var training = LuaValue.nil
        static let arguments: [LuaArgument<Self>] = [
            .required(\.actual, "what happened, by key", type: .panel),
            .required(\.forecast, "what was forecast, by key", type: .panel),
            .option(\.training, "the in-sample series, by key", type: .panel),
        ]
    }

    struct PinballArguments: LuaArguments {
        var actual = SeriesArgument()
        var quantileForecast = SeriesArgument()
        var level = 0.0
        static let arguments: [LuaArgument<Self>] = [
            .required(\.actual, "what happened"), .required(\.quantileForecast, "the forecast of the `level` quantile"),
            .required(\.level, "the quantile, 0 < level < 1"),
        ]
    }

    struct IntervalArguments: LuaArguments {
        var actual = SeriesArgument()
        var lower = SeriesArgument()
        var upper = SeriesArgument()
        static let arguments: [LuaArgument<Self>] = [
            .required(\.actual, "what happened"), .required(\.lower, "the interval's lower ends"),
            .required(\.upper, "the interval's upper ends"),
        ]
    }

    struct WinklerArguments: LuaArguments {
        var actual = SeriesArgument()
        var lower = SeriesArgument()
        var upper = SeriesArgument()
        var level = 0.0
        static let arguments: [LuaArgument<Self>] = [
            .required(\.actual, "what happened"), .required(\.lower, "the interval's lower ends"),
            .required(\.upper, "the interval's upper ends"),
            .required(\.level, "the interval's coverage, 0 < level < 1"),
        ]
    }
}

/// What metrics.accuracy gives for one series.
struct AccuracyRecord: LuaRecordEncodable {
    let me, mae, rmse, mape, smape, mase, rmsse, maseScale, rmsseScale: Double
    let n: Int

    init(_ r: Accuracy.Report) {
        (me, mae, rmse, mape, smape, mase, rmsse) = (r.me, r.mae, r.rmse, r.mape, r.smape, r.mase, r.rmsse)
        (maseScale, rmsseScale, n) = (r.maseScale, r.rmsseScale, r.count)
    }

    static let recordName: String? = "metrics.Accuracy"
    static let fields: [LuaRecordField<Self>] = [
        .field(\.me), .field(\.mae), .field(\.rmse), .field(\.mape), .field(\.smape), .field(\.mase), .field(\.rmsse),
        .field(\.maseScale), .field(\.rmsseScale), .field(\.n, "pairs compared"),
    ]
}

/// What metrics.accuracy gives over a panel: each measure averaged over the series where it is finite.
struct PanelAccuracyMean: LuaRecordEncodable {
    let me, mae, rmse, mape, smape, mase, rmsse: Double
    let series: Int

    init(_ reports: [Accuracy.Report]) {
        func mean(_ f: (Accuracy.Report) -> Double) -> Double {
            let xs = reports.map(f).filter(\.isFinite)
            return xs.isEmpty ? .nan : xs.reduce(0, +) / Double(xs.count)
        }
        (me, mae, rmse, mape) = (mean(\.me), mean(\.mae), mean(\.rmse), mean(\.mape))
        (smape, mase, rmsse, series) = (mean(\.smape), mean(\.mase), mean(\.rmsse), reports.count)
    }

    static let recordName: String? = "metrics.PanelAccuracyMean"
    static let fields: [LuaRecordField<Self>] = [
        .field(\.me), .field(\.mae), .field(\.rmse), .field(\.mape), .field(\.smape), .field(\.mase), .field(\.rmsse),
        .field(\.series, "series compared"),
    ]

    /// The whole panel result: `{ per_series = { [key] = {...} }, mean = {...} }`.
    static let panelType = LuaType.record(
        [
            LuaField("per_series", .map(key: .string, value: AccuracyRecord.luaType)), LuaField("mean", luaType),
        ], named: "metrics.PanelAccuracy")
}
