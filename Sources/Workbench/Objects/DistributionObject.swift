import AlmanacCore
import Inventory
import LuaBridge
import TimeSeries

/// A demand distribution as Lua holds it (from dist.normal, dist.poisson, ...).
public final class DistributionObject: LuaUserdata, ScriptReceiver {
    public static let luaClassName = "Distribution"
    static let receiverName = "d"
    public let distribution: Distribution
    /// Sampling draws from the host's one generator, so almanac.seed governs it.
    let context: HostContext

    init(_ distribution: Distribution, context: HostContext) {
        self.distribution = distribution
        self.context = context
    }

    var parameters: String {
        func f(_ x: Double) -> String { formatNumber(x) }
        switch distribution {
        case .normal(let m, let s): return "mean = \(f(m)), sd = \(f(s))"
        case .lognormal(let m, let s): return "meanlog = \(f(m)), sdlog = \(f(s))"
        case .gamma(let k, let t): return "shape = \(f(k)), scale = \(f(t))"
        case .poisson(let m): return "mean = \(f(m))"
        case .negativeBinomial(let n, let p): return "size = \(f(n)), prob = \(f(p))"
        case .empirical(let xs): return "\(xs.count) samples"
        }
    }

    public static func luaClass() -> LuaClass<DistributionObject> {
        var c = LuaClass<DistributionObject>(
            summary: "a demand distribution (from dist.normal, dist.poisson, dist.empirical, ...)")
        c.properties = [
            LuaProperty(
                "name", .oneOf(["normal", "lognormal", "gamma", "poisson", "negbin", "empirical"]),
                "normal, lognormal, gamma, poisson, negbin or empirical"
            ) { .string($0.distribution.name) },
            LuaProperty("mean", .number, "E[X]") { .number($0.distribution.mean) },
            LuaProperty("sd", .number, "standard deviation") { .number($0.distribution.standardDeviation) },
            LuaProperty("variance", .number, "Var[X]") { .number($0.distribution.variance) },
            LuaProperty("discrete", .boolean, "true for poisson and negbin (values are whole numbers)") {
                .boolean($0.distribution.isDiscrete)
            },
        ]
        c.methods = [
            LuaMethod(
                "pdf", summary: "density, or probability of exactly x for a discrete distribution",
                arguments: Point.self, returns: [.init(.number)]
            ) { me, args, call in
                call.returning(me.distribution.density(args.x))
            },
            LuaMethod("cdf", summary: "P(X ≤ x)", arguments: Point.self, returns: [.init(.number)]) { me, args, call in
                call.returning(me.distribution.cdf(args.x))
            },
            LuaMethod(
                "quantile", summary: "the smallest x with P(X ≤ x) ≥ p (a whole number when discrete)",
                arguments: Probability.self, returns: [.init(.number)]
            ) { me, args, call in
                guard args.p >= 0, args.p <= 1 else {
                    throw ScriptError("argument 2 'p' must be between 0 and 1, got \(args.p)")
                }
                return call.returning(me.distribution.quantile(args.p))
            },
            sample,
            LuaMethod(
                "loss", summary: "first-order loss functions n(x) = E[(X − x)⁺] and n̄(x) = E[(x − X)⁺]",
                arguments: Point.self, returns: lossReturns
            ) { me, args, call in
                let (n, nBar) = me.distribution.loss(args.x)
                return call.returning(.number(n), .number(nBar))
            },
            LuaMethod(
                "second_loss",
                summary: "second-order loss functions n²(x), n̄²(x) (docs/inventory.md gives the definitions)",
                arguments: Point.self, returns: lossReturns
            ) { me, args, call in
                let (n, nBar) = me.distribution.secondLoss(args.x)
                return call.returning(.number(n), .number(nBar))
            },
            LuaMethod(
                "over",
                summary:
                    "the demand of `periods` periods together (sum of independent copies) where it has a closed form",
                arguments: Periods.self, returns: [.init(.distribution)]
            ) { me, args, call in
                let d = try me.distribution.convolved(periods: args.periods)
                call.stack.pushUserdata(DistributionObject(d, context: me.context))
                return 1
            },
        ]
        c.tostring = { "Distribution \($0.distribution.name)(\($0.parameters))" }
        return c
    }
}
