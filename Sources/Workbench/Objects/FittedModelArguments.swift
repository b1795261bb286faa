import AlmanacCore
import Forecasting
import LuaBridge

/// The declared arguments of the FittedModel and FittedPanel methods (see
/// LuaArguments). A forecast request's fields are declared once (`Request`)
/// and shared by m:forecast, m:sample and fp:forecast.
extension FittedModelObject {
    /// `{ h =, levels =, future = }`: what every forecast request holds.
    struct Request {
        var h = 0
        var levels = IntervalLevels([80, 95])
        var future = CovariatesArgument()

        /// The request; `owner` names the method in covariate messages (`forecast: future.promo must be ...`).
        func forecastRequest(owner: String) throws -> ForecastRequest {
            ForecastRequest(
                horizon: h, levels: levels.values, future: try future.columns(owner: owner, label: "future"))
        }

        static let hRange = ParameterRange(lower: 1, upper: Double(ForecastRequest.maximumHorizon))
        static let futureDoc = "covariates' future values, one per step"
    }

    struct ForecastArguments: LuaArguments {
        var request = Request()
        static let arguments: [LuaArgument<Self>] = [
            .option(\.request.h, "steps ahead", range: Request.hRange, required: true),
            .option(\.request.levels, "interval levels in percent"),
            .option(\.request.future, Request.futureDoc),
        ]
    }

    struct SampleArguments: LuaArguments {
        var request = Request()
        var n = 1000
        static let arguments: [LuaArgument<Self>] = [
            .option(\.request.h, "steps ahead", range: Request.hRange, required: true),
            .option(\.n, "how many paths", range: ParameterRange(lower: 1, upper: 10_000_000)),
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
            .option(\.request.h, "steps ahead", range: FittedModelObject.Request.hRange, required: true),
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
