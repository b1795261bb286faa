import AlmanacCore
import Inventory
import LuaBridge

/// The declared arguments of the Distribution methods (see LuaArguments), and d:sample's two forms.
extension DistributionObject {
    struct Point: LuaArguments {
        var x = 0.0
        static let arguments: [LuaArgument<Self>] = [.required(\.x, "the point")]
    }

    struct Probability: LuaArguments {
        var p = 0.0
        static let arguments: [LuaArgument<Self>] = [.required(\.p, "a probability, between 0 and 1")]
    }

    struct Periods: LuaArguments {
        var periods = 0
        static let arguments: [LuaArgument<Self>] = [.required(\.periods, "how many periods' demand is summed")]
    }

    /// d:sample([n]): one draw without n.
    struct SampleCount: LuaArguments {
        var n: Int?
        static let arguments: [LuaArgument<Self>] = [.optional(\.n, "how many draws; nil: one draw, as a number")]
    }

    /// d:sample(n), the form that returns an array (for the stubs' overload).
    struct SampleArray: LuaArguments {
        var n = 0
        static let arguments: [LuaArgument<Self>] = [.required(\.n, "how many draws")]
    }

    static let lossReturns: [LuaReturn] = [.init(.number, "shortage"), .init(.number, "leftover")]

    static var sample: LuaMethod<DistributionObject> {
        let returns: [LuaReturn] = [.init(.number | .array(.number))]
        return LuaMethod(
            "sample", signature: SignatureText.line("d:sample", SampleCount.self, returns: returns),
            summary: "seeded draws from the run's generator (almanac.seed)",
            types: SignatureText.types(
                NoArguments.self, returns: [.init(.number)],
                or: [SignatureText.types(SampleArray.self, returns: [.init(.array(.number))])])
        ) { me, call in
            let args = try SampleCount.decode(call, from: 2, owner: "d:sample")
            guard let n = args.n else { return call.returning(me.distribution.sample(using: &me.context.generator)) }
            guard n >= 0, n <= 100_000_000 else {
                throw ScriptError("argument 2 'n' must be between 0 and 100000000, got \(n)")
            }
            var draws: [Double] = []
            draws.reserveCapacity(n)
            for _ in 0..<n { draws.append(me.distribution.sample(using: &me.context.generator)) }
            call.stack.push(numbers: draws)
            return 1
        }
    }
}
