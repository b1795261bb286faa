import AlmanacCore
import CLua
import Inventory
import LuaBridge
import TimeSeries

/// A demand distribution as Lua holds it (from dist.normal, dist.poisson, ...).
public final class DistributionObject: LuaUserdata {
    public static let luaClassName = "Distribution"
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
        var c = LuaClass<DistributionObject>(summary: "a demand distribution (from dist.normal, dist.poisson, dist.empirical, ...)")
        c.properties = [
            LuaProperty("name", .oneOf(["normal", "lognormal", "gamma", "poisson", "negbin", "empirical"]),
                        "normal, lognormal, gamma, poisson, negbin or empirical") { .string($0.distribution.name) },
            LuaProperty("mean", .number, "E[X]") { .number($0.distribution.mean) },
            LuaProperty("sd", .number, "standard deviation") { .number($0.distribution.standardDeviation) },
            LuaProperty("variance", .number, "Var[X]") { .number($0.distribution.variance) },
            LuaProperty("discrete", .boolean, "true for poisson and negbin (values are whole numbers)") { .boolean($0.distribution.isDiscrete) },
        ]
        c.methods = [
            LuaMethod("pdf", signature: "d:pdf(x)", summary: "density, or probability of exactly x for a discrete distribution",
                      types: LuaSignature([.init("x", .number)], returns: [.number])) { me, call in
                call.returning(me.distribution.density(try call.number(2, "x")))
            },
            LuaMethod("cdf", signature: "d:cdf(x)", summary: "P(X ≤ x)",
                      types: LuaSignature([.init("x", .number)], returns: [.number])) { me, call in
                call.returning(me.distribution.cdf(try call.number(2, "x")))
            },
            LuaMethod("quantile", signature: "d:quantile(p)", summary: "the smallest x with P(X ≤ x) ≥ p (a whole number when discrete)",
                      types: LuaSignature([.init("p", .number)], returns: [.number])) { me, call in
                let p = try call.number(2, "p")
                guard p >= 0, p <= 1 else { throw ScriptError("argument 2 'p' must be between 0 and 1, got \(p)") }
                return call.returning(me.distribution.quantile(p))
            },
            LuaMethod("sample", signature: "d:sample([n]) -> x or { x1, ..., xn }", summary: "seeded draws from the run's generator (almanac.seed)",
                      types: LuaSignature(returns: [.number], or: [LuaSignature([.init("n", .integer)], returns: [.array(.number)])])) { me, call in
                if call.isNil(2) { return call.returning(me.distribution.sample(using: &me.context.generator)) }
                let n = try call.integer(2, "n")
                guard n >= 0, n <= 100_000_000 else { throw ScriptError("argument 2 'n' must be between 0 and 100000000, got \(n)") }
                var draws: [Double] = []
                draws.reserveCapacity(n)
                for _ in 0..<n { draws.append(me.distribution.sample(using: &me.context.generator)) }
                call.stack.push(numbers: draws)
                return 1
            },
            LuaMethod("loss", signature: "d:loss(x) -> shortage, leftover", summary: "first-order loss functions n(x) = E[(X − x)⁺] and n̄(x) = E[(x − X)⁺]",
                      types: LuaSignature([.init("x", .number)], namedReturns: [.init(.number, "shortage"), .init(.number, "leftover")])) { me, call in
                let (n, nBar) = me.distribution.loss(try call.number(2, "x"))
                return call.returning(.number(n), .number(nBar))
            },
            LuaMethod("second_loss", signature: "d:second_loss(x) -> shortage, leftover", summary: "second-order loss functions n²(x), n̄²(x) (docs/inventory.md gives the definitions)",
                      types: LuaSignature([.init("x", .number)], namedReturns: [.init(.number, "shortage"), .init(.number, "leftover")])) { me, call in
                let (n, nBar) = me.distribution.secondLoss(try call.number(2, "x"))
                return call.returning(.number(n), .number(nBar))
            },
            LuaMethod("over", signature: "d:over(periods)", summary: "the demand of `periods` periods together (sum of independent copies) where it has a closed form",
                      types: LuaSignature([.init("periods", .integer)], returns: [.distribution])) { me, call in
                let d = try me.distribution.convolved(periods: try call.integer(2, "periods"))
                call.stack.pushUserdata(DistributionObject(d, context: me.context))
                return 1
            },
        ]
        c.tostring = { "Distribution \($0.distribution.name)(\($0.parameters))" }
        return c
    }

    /// A Distribution argument (or named option), with a message that says how to make one.
    static func argument(_ value: LuaValue?, _ name: String, owner: String) throws -> Distribution {
        if case .object(let o as DistributionObject) = value ?? .nil { return o.distribution }
        throw ScriptError.named("\(owner): '\(name)' must be a distribution such as dist.normal(50, 8) or dist.poisson(6), got \(value?.typeName ?? "nothing")")
    }
}
