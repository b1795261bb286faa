import AlmanacCore
import LuaBridge

/// math.random and math.randomseed on the host's seeded generator, with Lua 5.4's semantics.
enum RandomModule {
    static func spec(_ context: HostContext) -> LuaModuleSpec {
        LuaModuleSpec("math", summary: "Lua's math library; random numbers come from Almanac's seeded generator.", functions: [
            LuaFunctionSpec(
                "random", signature: "math.random([m [, n]])",
                summary: "Without arguments a float in [0, 1); with m an integer in [1, m]; with m, n an integer in [m, n]. Seeded (xoshiro256**), reproducible.",
                example: "almanac.seed(1)\nprint(math.random(), math.random(10), math.random(5, 7))",
                types: LuaSignature(returns: [.number], or: [LuaSignature([.init("m", .integer), .optional("n", .integer)], returns: [.integer])])
            ) { call in
                switch call.argumentCount {
                case 0:
                    return call.returning(.number(context.generator.nextDouble()))
                case 1, 2:
                    let lo = call.argumentCount == 1 ? 1 : try call.integer(1, "m")
                    let hi = try call.integer(call.argumentCount, call.argumentCount == 1 ? "m" : "n")
                    guard lo <= hi else { throw ScriptError("interval is empty: \(lo) > \(hi)") }
                    return call.returning(.integer(context.generator.nextInt(in: Int64(lo), Int64(hi))))
                default:
                    throw ScriptError("takes at most 2 arguments, got \(call.argumentCount)")
                }
            },
            LuaFunctionSpec(
                "randomseed", signature: "math.randomseed([n])",
                summary: "Same as almanac.seed(n). Without n it reseeds with the run's seed (--seed), so a run stays reproducible.",
                types: LuaSignature([.optional("n", .integer)])
            ) { call in
                let n = call.isNil(1) ? nil : try call.integer(1, "n")
                context.generator = SeededGenerator(seed: n.map { UInt64(bitPattern: Int64($0)) } ?? context.initialSeed)
                return 0
            },
        ])
    }
}
