import AlmanacCore
import Forecasting
import LuaBridge
import TimeSeries

/// The declared arguments of forecast.* (see LuaArguments). What several
/// functions take is declared once and shared: the model (`ModelChoice`: its
/// name and params), covariates, interval levels.
extension ForecastModule {
    /// A model plugin and its options, as fit, fit_many and backtest take them.
    struct ModelChoice {
        var name = ""
        var params: [String: LuaValue] = [:]

        static let nameDoc = "a model plugin (almanac plugins lists them)"
        static let paramsDoc =
            "the model's options (see almanac plugins show NAME); every model also takes lambda, biasadj and non_negative"

        func handle(_ context: HostContext) throws -> ModelHandle {
            try ModelHandle(name, options: params, context: context)
        }
    }

    struct FitArguments: LuaArguments {
        var model = ModelChoice()
        var series = SeriesArgument()
        var covariates = CovariatesArgument()
        static let arguments: [LuaArgument<Self>] = [
            .required(\.model.name, ModelChoice.nameDoc, type: .pluginName(.model)),
            .required(\.series, "the data"),
            .optional(\.model.params, ModelChoice.paramsDoc, type: .pluginParameters(.model)),
            .optional(
                \.covariates,
                "regressors' values by name, one per observation; values past the series' end are known future values"),
        ]
    }

    struct FitManyArguments: LuaArguments {
        var panel = Panel()
        var model = ModelChoice()
        /// A model name, or false for none (checked in the body, which words its own message).
        var fallback = LuaValue.string("naive")
        var threads: BoundedWholeNumber<ThreadCount>?
        var progress: Bool?
        static let arguments: [LuaArgument<Self>] = [
            .required(\.panel, "the series to fit"),
            .required(\.model.name, ModelChoice.nameDoc, type: .pluginName(.model)),
            .optional(\.model.params, ModelChoice.paramsDoc, type: .pluginParameters(.model)),
            .option(\.fallback, "the model for series that fail, or false", type: .pluginName(.model) | .boolean),
            .option(
                \.threads,
                "threads for native models, \(BoundedWholeNumber<ThreadCount>.boundsText) (default: all cores)"),
            .option(\.progress, "show a progress bar (default: when stderr is a terminal)"),
        ]

        /// The fallback model's name; nil for none.
        func fallbackName() throws -> String? {
            switch fallback {
            case .string(let s): return s
            case .boolean(false): return nil
            default: throw ScriptError("fit_many: option 'fallback' must be a model name or false")
            }
        }
    }

    struct BacktestArguments: LuaArguments {
        var model = ModelChoice()
        var data = SeriesOrPanel()
        var h = Horizon()
        var windows = 1
        var step: Int?
        var levels = IntervalLevels([80, 95])
        var refit = true
        var covariates = CovariatesArgument()
        static let arguments: [LuaArgument<Self>] = [
            .required(\.model.name, ModelChoice.nameDoc, type: .pluginName(.model)),
            .required(\.data, "a series, or a panel to backtest series by series", name: "series_or_panel"),
            .option(\.h, FittedModelObject.Request.hDoc, required: true),
            .option(\.windows, "number of origins", range: ParameterRange(lower: 1)),
            .option(\.step, "observations between origins (default h)", range: ParameterRange(lower: 1)),
            .option(\.levels, "interval levels whose coverage is scored"),
            .option(\.refit, "re-estimate at every origin; false replays the first fit's estimates"),
            .option(\.model.params, "the model's options", type: .pluginParameters(.model)),
            .option(\.covariates, "a series' covariates over the whole series (a panel's come from the panel)"),
        ]

        var settings: Backtest.Options {
            Backtest.Options(horizon: h.value, windows: windows, step: step, levels: levels.values)
        }
    }

    struct AccuracyArguments: LuaArguments {
        var forecast: Forecast?
        var actual = SeriesArgument()
        static let arguments: [LuaArgument<Self>] = [
            .required(\.forecast, "the forecast to score", name: "fc"),
            .required(\.actual, "what happened: a Series (aligned by date) or an array (by position)"),
        ]
    }

    struct LoadArguments: LuaArguments {
        var path = ""
        static let arguments: [LuaArgument<Self>] = [.required(\.path, "a file written by m:save")]
    }
}

/// fit_many's worker threads.
enum ThreadCount: WholeNumberBounds {
    static var lower: Int { 1 }
    static var upper: Int { 1024 }
}
