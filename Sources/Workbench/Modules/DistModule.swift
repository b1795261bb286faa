import AlmanacCore
import Inventory
import LuaBridge
import TimeSeries

/// `dist.*`: demand distributions for the inventory models.
enum DistModule {
    static func spec(_ context: HostContext) -> LuaModuleSpec {
        func make(_ d: Distribution, _ call: LuaCall) throws -> Int32 {
            call.stack.pushUserdata(DistributionObject(try d.validated(), context: context))
            return 1
        }
        let returns: [LuaReturn] = [.init(.distribution)]
        return LuaModuleSpec(
            "dist", summary: "Demand distributions: density, CDF, quantiles, seeded samples and loss functions.",
            functions: [
                LuaFunctionSpec(
                    "normal", in: "dist", summary: "normal demand",
                    example: "local d = dist.normal(50, 8)\nprint(d:quantile(0.95), d:loss(56.6))",
                    arguments: Normal.self, returns: returns
                ) { args, call in
                    try make(.normal(mean: args.mean.value, sd: args.sd.value), call)
                },
                LuaFunctionSpec(
                    "lognormal", in: "dist",
                    summary:
                        "log X ~ Normal(meanlog, sdlog), as R's dlnorm (scipy: lognorm(s = sdlog, scale = e^meanlog))",
                    example: "local d = dist.lognormal(3, 0.5)\nprint(d.mean, d:cdf(20))",
                    arguments: Lognormal.self, returns: returns
                ) { args, call in
                    try make(.lognormal(meanlog: args.meanlog.value, sdlog: args.sdlog.value), call)
                },
                LuaFunctionSpec(
                    "gamma", in: "dist", summary: "gamma demand: mean shape·scale, variance shape·scale²",
                    example: "local d = dist.gamma(4, 12.5)\nprint(d.mean, d.sd)",
                    arguments: Gamma.self, returns: returns
                ) { args, call in
                    try make(.gamma(shape: args.shape.value, scale: args.scale.value), call)
                },
                LuaFunctionSpec(
                    "poisson", in: "dist", summary: "Poisson demand (whole numbers)",
                    example: "local d = dist.poisson(6)\nprint(d:pdf(6), d:quantile(0.9))",
                    arguments: Poisson.self, returns: returns
                ) { args, call in
                    try make(.poisson(mean: args.mean.value), call)
                },
                LuaFunctionSpec(
                    "negbin",
                    signature: SignatureText.line("dist.negbin", NegbinShape.self, returns: returns) + " or "
                        + SignatureText.line("dist.negbin", NegbinMoments.self, returns: returns),
                    summary:
                        "negative binomial (failures before the size-th success; scipy's nbinom): mean size(1 − prob)/prob; or by mean and sd (sd² > mean)",
                    example:
                        "local d = dist.negbin(5, 0.25)\nprint(d.mean, d.variance)  --> 15.0  60.0\nprint(dist.negbin{ mean = 23, sd = 8 })",
                    types: SignatureText.types(
                        NegbinShape.self, returns: returns,
                        or: [SignatureText.types(NegbinMoments.self, returns: returns)])
                ) { call in
                    // Two ways to call it: one table is the moments form.
                    if call.argumentCount == 1, case .record(let given) = try call.value(1, "spec") {
                        let args = try NegbinMoments.decodeOptions(given, owner: "dist.negbin")
                        return try make(try Distribution.negativeBinomial(mean: args.mean, sd: args.sd), call)
                    }
                    let args = try NegbinShape.decode(call, from: 1, owner: "dist.negbin")
                    return try make(.negativeBinomial(size: args.size.value, probability: args.prob.value), call)
                },
                LuaFunctionSpec(
                    "empirical", in: "dist",
                    summary:
                        "equally likely values: an array or a Series (e.g. forecast sample paths summed over a lead time)",
                    example: "local d = dist.empirical({ 3, 7, 7, 9, 12 })\nprint(d:quantile(0.5), d:loss(8))",
                    arguments: Empirical.self, returns: returns
                ) { args, call in
                    try make(.empirical(args.samples.values.filter { !$0.isNaN }), call)
                },
            ])
    }
}

/// The declared arguments of `dist.*` (see LuaArguments): finite numbers, as the distributions need.
extension DistModule {
    struct Normal: LuaArguments {
        var mean = FiniteNumber(), sd = FiniteNumber()
        static let arguments: [LuaArgument<Self>] = [
            .required(\.mean, "the mean"), .required(\.sd, "the standard deviation"),
        ]
    }

    struct Lognormal: LuaArguments {
        var meanlog = FiniteNumber(), sdlog = FiniteNumber()
        static let arguments: [LuaArgument<Self>] = [
            .required(\.meanlog, "the mean of log X"), .required(\.sdlog, "the standard deviation of log X"),
        ]
    }

    struct Gamma: LuaArguments {
        var shape = FiniteNumber(), scale = FiniteNumber()
        static let arguments: [LuaArgument<Self>] = [.required(\.shape, "k"), .required(\.scale, "θ")]
    }

    struct Poisson: LuaArguments {
        var mean = FiniteNumber()
        static let arguments: [LuaArgument<Self>] = [.required(\.mean, "the mean")]
    }

    struct NegbinShape: LuaArguments {
        var size = FiniteNumber(), prob = FiniteNumber()
        static let arguments: [LuaArgument<Self>] = [
            .required(\.size, "successes counted to"), .required(\.prob, "probability of a success"),
        ]
    }

    /// dist.negbin{ mean =, sd = }
    struct NegbinMoments: LuaArguments {
        var mean = 0.0, sd = 0.0
        static let arguments: [LuaArgument<Self>] = [
            .option(\.mean, "mean demand", range: .positive, required: true),
            .option(\.sd, "standard deviation (sd² > mean)", range: .positive, required: true),
        ]
        static var optionsTable: LuaOptionsTable { LuaOptionsTable(name: "spec") }
    }

    struct Empirical: LuaArguments {
        var samples = SampleValues()
        static let arguments: [LuaArgument<Self>] = [.required(\.samples, "the equally likely values")]
    }

    /// dist.empirical's samples: an array or a Series, read as SeriesObject.argument reads them.
    struct SampleValues: LuaArgumentValue {
        var values: [Double] = []

        static var luaType: LuaType { .seriesLike }
        static var parameterType: ParameterType { .any }

        static func argument(_ call: LuaCall, _ index: Int32, _ name: String) throws -> SampleValues {
            SampleValues(values: try SeriesObject.argument(call, index, name).values)
        }

        init() {}
        init(values: [Double]) { self.values = values }

        /// Only positional.
        init(option value: ParameterValue, raw: LuaValue, name: String) throws { throw UnexpectedOption(name: name) }

        var shownDefault: ParameterValue? { nil }
    }
}
