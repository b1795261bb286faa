import AlmanacCore
import Forecasting
import LuaBridge

/// Simulated future paths as Lua holds them: #p paths of p.h steps; p[i] is
/// path i; p:totals(1, L) gives lead-time demand per path.
public final class SamplePathsObject: LuaUserdata, ScriptReceiver {
    public static let luaClassName = "SamplePaths"
    static let receiverName = "p"
    public let paths: SamplePaths

    public init(_ paths: SamplePaths) { self.paths = paths }

    /// Step `h` (1-based), given as argument `index` called `name`, checked against the horizon.
    func step(_ h: Int, _ index: Int32, _ name: String) throws -> Int {
        guard h >= 1, h <= paths.horizon else {
            throw ScriptError("argument \(index) '\(name)' must be a step between 1 and \(paths.horizon), got \(h)")
        }
        return h
    }

    public static func luaClass() -> LuaClass<SamplePathsObject> {
        var c = LuaClass<SamplePathsObject>(summary: "simulated future paths (from m:sample{ h =, n = })")
        c.properties = [
            LuaProperty("n", .integer, "number of paths") { .integer(Int64($0.paths.count)) },
            LuaProperty("h", .integer, "steps per path") { .integer(Int64($0.paths.horizon)) },
        ]
        c.methods = [
            LuaMethod(
                "step", summary: "every path's value at step h", arguments: Step.self,
                returns: [.init(.array(.number))]
            ) { me, args, call in
                let h = try me.step(args.h, 2, "h")
                call.stack.push(numbers: me.paths.step(h - 1))
                return 1
            },
            LuaMethod(
                "totals", summary: "each path's sum over steps from..to (default all): e.g. demand over a lead time",
                arguments: StepRange.self, returns: [.init(.array(.number))]
            ) { me, args, call in
                let from = args.from.isGiven ? try me.step(args.from.value, 2, "from") : args.from.value
                let to = try args.to.map { try me.step($0, 3, "to") } ?? me.paths.horizon
                guard from <= to else { throw ScriptError("from (\(from)) must not exceed to (\(to))") }
                let totals = (0..<me.paths.count).map { i in
                    me.paths.path(i)[(i * me.paths.horizon + from - 1)...(i * me.paths.horizon + to - 1)].reduce(0, +)
                }
                call.stack.push(numbers: totals)
                return 1
            },
            LuaMethod("mean", summary: "the mean path, step by step", returns: [.init(.array(.number))]) { me, call in
                let means = (0..<me.paths.horizon).map { h in me.paths.step(h).reduce(0, +) / Double(me.paths.count) }
                call.stack.push(numbers: means)
                return 1
            },
            LuaMethod(
                "quantile", summary: "the q-quantile at each step (0 < q < 1)", arguments: Level.self,
                returns: [.init(.array(.number))]
            ) { me, args, call in
                let q = args.q
                guard q > 0, q < 1 else {
                    throw ScriptError("argument 2 'q' must be between 0 and 1, got \(formatNumber(q))")
                }
                let values = (0..<me.paths.horizon).map { h -> Double in
                    let sorted = me.paths.step(h).sorted()
                    return sorted[min(sorted.count - 1, max(0, Int((q * Double(sorted.count)).rounded(.up)) - 1))]
                }
                call.stack.push(numbers: values)
                return 1
            },
        ]
        c.length = { $0.paths.count }
        c.indexTypes = (key: .integer, value: .array(.number))
        c.index = { me, call in
            guard call.stack.isNumber(at: 2) else { return nil }
            let i = try call.integer(2, "path")
            guard i >= 1, i <= me.paths.count else { return call.returning(.nil) }
            call.stack.push(numbers: Array(me.paths.path(i - 1)))
            return 1
        }
        c.tostring = { "SamplePaths: \($0.paths.count) paths of \($0.paths.horizon) steps" }
        return c
    }
}

/// The declared arguments of the SamplePaths methods (see LuaArguments).
extension SamplePathsObject {
    struct Step: LuaArguments {
        var h = 0
        static let arguments: [LuaArgument<Self>] = [.required(\.h, "the step, 1 to p.h")]
    }

    /// from..to, by default every step; `from` is checked only when given.
    struct StepRange: LuaArguments {
        var from = Given(1)
        var to: Int?
        static let arguments: [LuaArgument<Self>] = [
            .optional(\.from, "the first step summed"), .optional(\.to, "the last step summed; nil: the last step"),
        ]
    }

    struct Level: LuaArguments {
        var q = 0.0
        static let arguments: [LuaArgument<Self>] = [.required(\.q, "the quantile's level, between 0 and 1")]
    }
}
