import AlmanacCore
import Inventory
import LuaBridge
import TimeSeries

/// `dist.*`: demand distributions for the inventory models.
enum DistModule {
    /// dist.negbin{ mean =, sd = }
    static let negbinMoments = [
        ParameterSpec("mean", .number, required: true, range: .positive, doc: "mean demand"),
        ParameterSpec("sd", .number, required: true, range: .positive, doc: "standard deviation (sd² > mean)"),
    ]

    static func spec(_ context: HostContext) -> LuaModuleSpec {
        func make(_ d: Distribution, _ call: LuaCall) throws -> Int32 {
            call.stack.pushUserdata(DistributionObject(try d.validated(), context: context))
            return 1
        }
        return LuaModuleSpec("dist", summary: "Demand distributions: density, CDF, quantiles, seeded samples and loss functions.", functions: [
            LuaFunctionSpec("normal", signature: "dist.normal(mean, sd)", summary: "normal demand",
                            example: "local d = dist.normal(50, 8)\nprint(d:quantile(0.95), d:loss(56.6))",
                            types: LuaSignature([.init("mean", .number), .init("sd", .number)], returns: [.distribution])) { call in
                try make(.normal(mean: try call.finiteNumber(1, "mean"), sd: try call.finiteNumber(2, "sd")), call)
            },
            LuaFunctionSpec("lognormal", signature: "dist.lognormal(meanlog, sdlog)", summary: "log X ~ Normal(meanlog, sdlog), as R's dlnorm (scipy: lognorm(s = sdlog, scale = e^meanlog))",
                            example: "local d = dist.lognormal(3, 0.5)\nprint(d.mean, d:cdf(20))",
                            types: LuaSignature([.init("meanlog", .number), .init("sdlog", .number)], returns: [.distribution])) { call in
                try make(.lognormal(meanlog: try call.finiteNumber(1, "meanlog"), sdlog: try call.finiteNumber(2, "sdlog")), call)
            },
            LuaFunctionSpec("gamma", signature: "dist.gamma(shape, scale)", summary: "gamma demand: mean shape·scale, variance shape·scale²",
                            example: "local d = dist.gamma(4, 12.5)\nprint(d.mean, d.sd)",
                            types: LuaSignature([.init("shape", .number), .init("scale", .number)], returns: [.distribution])) { call in
                try make(.gamma(shape: try call.finiteNumber(1, "shape"), scale: try call.finiteNumber(2, "scale")), call)
            },
            LuaFunctionSpec("poisson", signature: "dist.poisson(mean)", summary: "Poisson demand (whole numbers)",
                            example: "local d = dist.poisson(6)\nprint(d:pdf(6), d:quantile(0.9))",
                            types: LuaSignature([.init("mean", .number)], returns: [.distribution])) { call in
                try make(.poisson(mean: try call.finiteNumber(1, "mean")), call)
            },
            LuaFunctionSpec("negbin", signature: "dist.negbin(size, prob) or dist.negbin{ mean =, sd = }",
                            summary: "negative binomial (failures before the size-th success; scipy's nbinom): mean size(1 − prob)/prob; or by mean and sd (sd² > mean)",
                            example: "local d = dist.negbin(5, 0.25)\nprint(d.mean, d.variance)  --> 15.0  60.0\nprint(dist.negbin{ mean = 23, sd = 8 })",
                            types: LuaSignature([.init("size", .number), .init("prob", .number)], returns: [.distribution],
                                                  or: [LuaSignature([.init("spec", .options(negbinMoments))], returns: [.distribution])])) { call in
                if call.argumentCount == 1, case .record = try call.value(1, "spec") {
                    let (p, _) = try validateOptions(try call.record(1, "spec"), against: negbinMoments, owner: "dist.negbin")
                    return try make(try Distribution.negativeBinomial(mean: p.number("mean") ?? .nan, sd: p.number("sd") ?? .nan), call)
                }
                return try make(.negativeBinomial(size: try call.finiteNumber(1, "size"), probability: try call.finiteNumber(2, "prob")), call)
            },
            LuaFunctionSpec("empirical", signature: "dist.empirical(samples)", summary: "equally likely values: an array or a Series (e.g. forecast sample paths summed over a lead time)",
                            example: "local d = dist.empirical({ 3, 7, 7, 9, 12 })\nprint(d:quantile(0.5), d:loss(8))",
                            types: LuaSignature([.init("samples", .seriesLike)], returns: [.distribution])) { call in
                let samples = try SeriesObject.argument(call, 1, "samples").values.filter { !$0.isNaN }
                return try make(.empirical(samples), call)
            },
        ])
    }
}
