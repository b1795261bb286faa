import AlmanacCore
import CLua
import Forecasting
import LuaBridge

/// Simulated future paths as Lua holds them: #p paths of p.h steps; p[i] is
/// path i; p:totals(1, L) gives lead-time demand per path.
public final class SamplePathsObject: LuaUserdata {
    public static let luaClassName = "SamplePaths"
    public let paths: SamplePaths

    public init(_ paths: SamplePaths) { self.paths = paths }

    func stepArgument(_ call: LuaCall, _ index: Int32, _ name: String) throws -> Int {
        let h = try call.integer(index, name)
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
            LuaMethod("step", signature: "p:step(h) -> { x1, ..., xn }", summary: "every path's value at step h",
                      types: LuaSignature([.init("h", .integer)], returns: [.array(.number)])) { me, call in
                let h = try me.stepArgument(call, 2, "h")
                call.stack.push(numbers: me.paths.step(h - 1))
                return 1
            },
            LuaMethod("totals", signature: "p:totals([from, to]) -> { t1, ..., tn }",
                      summary: "each path's sum over steps from..to (default all): e.g. demand over a lead time",
                      types: LuaSignature([.optional("from", .integer), .optional("to", .integer)], returns: [.array(.number)])) { me, call in
                let from = call.isNil(2) ? 1 : try me.stepArgument(call, 2, "from")
                let to = call.isNil(3) ? me.paths.horizon : try me.stepArgument(call, 3, "to")
                guard from <= to else { throw ScriptError("from (\(from)) must not exceed to (\(to))") }
                let totals = (0..<me.paths.count).map { i in me.paths.path(i)[(i * me.paths.horizon + from - 1)...(i * me.paths.horizon + to - 1)].reduce(0, +) }
                call.stack.push(numbers: totals)
                return 1
            },
            LuaMethod("mean", signature: "p:mean() -> { m1, ..., mh }", summary: "the mean path, step by step",
                      types: LuaSignature(returns: [.array(.number)])) { me, call in
                let means = (0..<me.paths.horizon).map { h in me.paths.step(h).reduce(0, +) / Double(me.paths.count) }
                call.stack.push(numbers: means)
                return 1
            },
            LuaMethod("quantile", signature: "p:quantile(q) -> { x1, ..., xh }", summary: "the q-quantile at each step (0 < q < 1)",
                      types: LuaSignature([.init("q", .number)], returns: [.array(.number)])) { me, call in
                let q = try call.number(2, "q")
                guard q > 0, q < 1 else { throw ScriptError("argument 2 'q' must be between 0 and 1, got \(formatNumber(q))") }
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
            guard lua_type(call.L, 2) == LUA_TNUMBER else { return nil }
            let i = try call.integer(2, "path")
            guard i >= 1, i <= me.paths.count else { return call.returning(.nil) }
            call.stack.push(numbers: Array(me.paths.path(i - 1)))
            return 1
        }
        c.tostring = { "SamplePaths: \($0.paths.count) paths of \($0.paths.horizon) steps" }
        return c
    }
}
