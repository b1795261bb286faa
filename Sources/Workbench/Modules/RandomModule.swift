import AlmanacCore
import LuaBridge

/// math.random and math.randomseed on the host's seeded generator, with Lua 5.4's semantics.
enum RandomModule {
    static func spec(_ context: HostContext) -> LuaModuleSpec {
        LuaModuleSpec(
            "math", summary: "Lua's math library; random numbers come from Almanac's seeded generator.",
            functions: [
                LuaFunctionSpec(
                    "random", in: "math",
                    summary:
                        "Without arguments a float in [0, 1); with m an integer in [1, m]; with m, n an integer in [m, n]. Seeded (xoshiro256**), reproducible.",
                    example: "almanac.seed(1)\nprint(math.random(), math.random(10), math.random(5, 7))",
                    arguments: RandomArguments.self, returns: [.init(.number | .integer)],
                    alternatives: [
                        SignatureText.types(NoArguments.self, returns: [.init(.number)]),
                        SignatureText.types(RandomRangeArguments.self, returns: [.init(.integer)]),
                    ],
                    decodingItself: { call in
                        // Decoded here: how many arguments were passed (nil counts) decides the form, as in Lua.
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
                    }
                ),
                LuaFunctionSpec(
                    "randomseed", in: "math",
                    summary:
                        "Same as almanac.seed(n). Without n it reseeds with the run's seed (--seed), so a run stays reproducible.",
                    arguments: SeedArguments.self
                ) { args, call in
                    let n = args.n
                    context.generator = SeededGenerator(
                        seed: n.map { UInt64(bitPattern: Int64($0)) } ?? context.initialSeed)
                    return 0
                },
            ])
    }
}

/// The declared arguments of math.random and math.randomseed (see LuaArguments).
extension RandomModule {
    /// math.random's arguments, all optional: the signature line and the stubs' first form.
    struct RandomArguments: LuaArguments {
        var m: Int?
        var n: Int?
        static let arguments: [LuaArgument<Self>] = [
            .optional(\.m, "the upper end (1 to m), or the lower end when n is given"),
            .optional(\.n, "the upper end"),
        ]
    }

    /// math.random(m [, n]): an integer, for the stubs' overload.
    struct RandomRangeArguments: LuaArguments {
        var m = 1
        var n: Int?
        static let arguments: [LuaArgument<Self>] = [
            .required(\.m, "the upper end (1 to m), or the lower end when n is given"),
            .optional(\.n, "the upper end"),
        ]
    }

    struct SeedArguments: LuaArguments {
        var n: Int?
        static let arguments: [LuaArgument<Self>] = [.optional(\.n, "the seed; nil: the run's seed (--seed)")]
    }
}
