import AlmanacCore
import Forecasting
import LuaBridge

/// The declared arguments of the FittedModel and FittedPanel methods (see
/// LuaArguments). A forecast request's fields are declared once (`Request`)
/// and shared by m:forecast, m:sample and fp:forecast.
extension FittedModelObject {
    /// `{ h =, levels =, future = }`: what every forecast request holds.
    struct Request {
        var h = Horizon()
        var levels = IntervalLevels([80, 95])
        var future = CovariatesArgument()

        /// The request; `owner` names the method in covariate messages (`forecast: future.promo must be ...`).
        func forecastRequest(owner: String) throws -> ForecastRequest {
            ForecastRequest(
                horizon: h.value, levels: levels.values, future: try future.columns(owner: owner, label: "future"))
        }

        static let hDoc = "steps ahead, \(Horizon.boundsText)"
        static let futureDoc = "covariates' future values, one per step"
    }

    struct ForecastArguments: LuaArguments {
        var request = Request()
        static let arguments: [LuaArgument<Self>] = [
            .option(\.request.h, Request.hDoc, required: true),
            .option(\.request.levels, "interval levels in percent"),
            .option(\.request.future, Request.futureDoc),
        ]
    }

    struct SampleArguments: LuaArguments {
        var request = Request()
        var n = BoundedWholeNumber<PathCount>(1000)
        static let arguments: [LuaArgument<Self>] = [
            .option(\.request.h, Request.hDoc, required: true),
            .option(\.n, "how many paths, \(BoundedWholeNumber<PathCount>.boundsText)"),
            .option(\.request.levels, "interval levels in percent"),
            .option(\.request.future, Request.futureDoc),
        ]
    }

    struct ApplyArguments: LuaArguments {
        var series = SeriesArgument()
        var attributes: [String: LuaValue] = [:]
        static let arguments: [LuaArgument<Self>] = [
            .required(\.series, "the new data"),
            .optional(
                \.attributes, "a new SKU's attributes ({ category = \"toys\" }) for a global network's embeddings",
                type: .map(key: .string, value: .string | .number)),
        ]
    }

    struct FineTuneArguments: LuaArguments {
        var data = SeriesOrPanel()
        var steps = 300
        var learningRate = 1e-4
        var seed = 1
        static let arguments: [LuaArgument<Self>] = [
            .required(\.data, "the new data", name: "series_or_panel"),
            .option(\.steps, "most training steps per network", range: ParameterRange(lower: 1, upper: 1_000_000)),
            .option(
                \.learningRate, "Adam's step size (smaller than for training from scratch)",
                range: ParameterRange(lower: 0, lowerInclusive: false, upper: 1)),
            .option(\.seed, "seed of the training windows", range: ParameterRange(lower: 0)),
        ]
    }

    struct PathArguments: LuaArguments {
        var path = ""
        static let arguments: [LuaArgument<Self>] = [
            .required(\.path, "where to write it (relative paths go to the output folder)")
        ]
    }
}

extension FittedPanelObject {
    struct ForecastArguments: LuaArguments {
        var request = FittedModelObject.Request()
        var futureByKey: [String: LuaValue] = [:]
        static let arguments: [LuaArgument<Self>] = [
            .option(\.request.h, FittedModelObject.Request.hDoc, required: true),
            .option(\.request.levels, "interval levels in percent"),
            .option(\.request.future, FittedModelObject.Request.futureDoc + ", for every key"),
            .option(
                \.futureByKey, "each key's own future covariates (taking precedence)",
                type: .map(key: .string, value: .covariates)),
        ]
    }

    struct KeyArguments: LuaArguments {
        var key = ""
        static let arguments: [LuaArgument<Self>] = [.required(\.key, "a series' key")]
    }
}

/// A forecast request's horizon (and a backtest's): a whole number of steps that words its own errors.
typealias Horizon = BoundedWholeNumber<StepsAhead>

/// How many sample paths m:sample draws.
enum PathCount: WholeNumberBounds {
    static var lower: Int { 1 }
    static var upper: Int { 10_000_000 }
}
