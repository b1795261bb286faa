import AlmanacCore
import CLua
import LuaBridge
import Optimization

/// `optimize.scalar` and `optimize.minimize`: any optimizer plugin on any
/// objective, a Lua function or a bound cost plugin.
enum OptimizeModule {
    static let resultDoc = """
    The result is a table: `x` (a number for one variable, else an array), `f` (the value at x), \
    `iterations`, `evaluations`, `converged` (false when a budget ran out first), `message` and `method`.
    """

    static func spec(_ context: HostContext) -> LuaModuleSpec {
        LuaModuleSpec("optimize", summary: "Minimize a Lua function or a cost plugin with any optimizer plugin.", functions: [
            LuaFunctionSpec(
                "scalar", signature: "optimize.scalar(f, lo, hi [, options]) -> result",
                summary: "Minimizes f(x) for one variable x in [lo, hi]; `options.method` names the optimizer (default brent), the other options are its parameters.",
                details: resultDoc,
                example: """
                local eoq = almanac.cost("eoq_cost", { fixed_cost = 8, holding_cost = 0.225, demand_rate = 1300 })
                local r = optimize.scalar(eoq, 1, 2000)
                print(r.x, r.f, r.converged)  --> 304.0468...  68.4105...  true
                """,
                types: LuaSignature([.init("f", objectiveType(scalar: true)), .init("lo", .number), .init("hi", .number),
                                      .optional("options", optionsType(extra: []))], returns: [resultType])
            ) { call in
                let objective = try Objective(call, at: 1, scalar: true)
                let lo = try call.finiteNumber(2, "lo"), hi = try call.finiteNumber(3, "hi")
                guard lo < hi else { throw ScriptError("lo (\(formatNumber(lo))) must be less than hi (\(formatNumber(hi)))") }
                var options = try call.record(4, "options")
                let method = try methodName(&options, default: "brent")
                let start = OptimizerStart(lower: [lo], upper: [hi])
                return try run(method, objective, start, options, call, context, scalar: true)
            },
            LuaFunctionSpec(
                "minimize", signature: "optimize.minimize(f, x0 [, options]) -> result",
                summary: "Minimizes f(x) from the start x0 (an array, or a number for one variable); options: `method` (default nelder_mead), `lower` and `upper` bounds, and the optimizer's parameters.",
                details: resultDoc + " f receives x as an array (a number when x0 is a number).",
                example: """
                local rosen = function(x) return (1 - x[1])^2 + 100 * (x[2] - x[1]^2)^2 end
                local r = optimize.minimize(rosen, { -1.2, 1 })
                print(r.x[1], r.x[2], r.evaluations)
                """,
                types: LuaSignature([.init("f", objectiveType(scalar: false)), .init("x0", .number | .array(.number)),
                                      .optional("options", optionsType(extra: boundFields))], returns: [resultType])
            ) { call in
                let scalar = lua_type(call.L, 2) == LUA_TNUMBER
                let objective = try Objective(call, at: 1, scalar: scalar)
                let x0 = scalar ? [try call.finiteNumber(2, "x0")] : try call.numbers(2, "x0")
                guard !x0.isEmpty else { throw ScriptError("argument 2 'x0' is empty: give a start value for each variable") }
                // Every optimizer keeps a few vectors or a simplex of (n + 1)·n values: bounded so
                // that memory stays sane whatever the array a script passes.
                guard x0.count <= Self.largestDimension else {
                    throw ScriptError("argument 2 'x0' has \(x0.count) variables; optimize.minimize handles at most \(Self.largestDimension)")
                }
                var options = try call.record(3, "options")
                let method = try methodName(&options, default: "nelder_mead")
                let lower = try bound(&options, "lower", count: x0.count)
                let upper = try bound(&options, "upper", count: x0.count)
                let start = OptimizerStart(point: x0, lower: lower, upper: upper)
                return try run(method, objective, start, options, call, context, scalar: scalar)
            },
        ])
    }

    /// f: a Lua function (of a number for optimize.scalar, else of an array) or a bound cost.
    static func objectiveType(scalar: Bool) -> LuaType {
        .callback(LuaSignature([.init("x", scalar ? .number : .number | .array(.number))], returns: [.number])) | .cost
    }

    static let boundFields: [LuaField] = [
        .optional("lower", .number | .array(.number), doc: "lower bounds, one per variable"),
        .optional("upper", .number | .array(.number), doc: "upper bounds, one per variable"),
    ]

    /// `method` and the bounds, or the chosen optimizer's parameters in the same table.
    static func optionsType(extra: [LuaField]) -> LuaType {
        .record([.optional("method", .pluginName(.optimizer), doc: "the optimizer plugin")] + extra) | .pluginParameters(.optimizer)
    }

    static let resultType = LuaType.record([
        LuaField("x", .number | .array(.number), doc: "the minimizer: a number for one variable"),
        LuaField("f", .number, doc: "the value at x"), LuaField("iterations", .integer), LuaField("evaluations", .integer),
        LuaField("converged", .boolean, doc: "false when a budget ran out first"), LuaField("message", .string),
        LuaField("method", .pluginName(.optimizer)),
    ], named: "optimize.Result")

    static func methodName(_ options: inout [String: LuaValue], default name: String) throws(ScriptError) -> String {
        guard let value = options.removeValue(forKey: "method") else { return name }
        guard case .string(let s) = value else { throw ScriptError("option 'method' must be the name of an optimizer plugin") }
        return s
    }

    /// The most variables `optimize.minimize` takes: Nelder–Mead's simplex is then 10⁷ values.
    static let largestDimension = 3000

    static func bound(_ options: inout [String: LuaValue], _ key: String, count: Int) throws(ScriptError) -> [Double]? {
        guard let value = options.removeValue(forKey: key) else { return nil }
        let numbers: [Double]
        switch value {
        case .number, .integer: numbers = [value.doubleValue ?? .nan]
        case .array(let items) where items.allSatisfy({ $0.doubleValue != nil }): numbers = items.compactMap(\.doubleValue)
        default: throw ScriptError("option '\(key)' must be an array of numbers")
        }
        guard numbers.count == count else {
            throw ScriptError("option '\(key)' has \(numbers.count) values for \(count) variables")
        }
        return numbers
    }

    static func run(_ method: String, _ objective: Objective, _ start: OptimizerStart, _ given: [String: LuaValue],
                    _ call: LuaCall, _ context: HostContext, scalar: Bool) throws -> Int32 {
        let plugin = try context.registry.find(method, kind: .optimizer)
        let caps = plugin.descriptor.capabilities
        if start.dimension > 1, caps.contains("scalar"), !caps.contains("multivariate") {
            throw ScriptError("\(method) minimizes over one variable; use a multivariate optimizer such as nelder_mead")
        }
        if caps.contains("requires_bounds"), start.lower == nil || start.upper == nil {
            throw ScriptError("\(method) needs bounds: use optimize.scalar(f, lo, hi) or give lower and upper")
        }
        var given = given
        // An optimizer with a `seed` that was given none draws one from the run's
        // generator: almanac.seed then repeats a stochastic search exactly, and the
        // search's own stream leaves the objective's draws from math.random alone.
        if given["seed"] == nil, plugin.descriptor.parameters.contains(where: { $0.name == "seed" }) {
            given["seed"] = .integer(Int64(context.generator.next() >> 1))
        }
        let (params, luaParams) = try validateOptions(given, against: plugin.descriptor.parameters, owner: method)
        let result: OptimizationResult
        switch plugin.implementation {
        case .nativeOptimizer(let optimize):
            result = try optimize({ x in try objective.evaluate(x, call) }, start, params)
        case .lua(let functions):
            guard let minimize = functions["minimize"] else { throw ScriptError("\(method) has no minimize function") }
            result = try runLuaOptimizer(method, minimize, objective, start, luaParams, call)
        case .nativeCost, .nativeModel:
            throw ScriptError("'\(method)' is not an optimizer")
        }
        let x: LuaValue = scalar ? .number(result.x.first ?? .nan) : .array(result.x.map { .number($0) })
        return call.returning(.record([
            "x": x, "f": .number(result.value), "iterations": .integer(Int64(result.iterations)),
            "evaluations": .integer(Int64(result.evaluations)), "converged": .boolean(result.converged),
            "message": .string(result.message), "method": .string(method),
        ]))
    }

    /// A Lua optimizer receives f as a function of an array, whatever the user passed.
    static func runLuaOptimizer(_ method: String, _ minimize: LuaReference, _ objective: Objective, _ start: OptimizerStart,
                                _ params: [String: LuaValue], _ call: LuaCall) throws -> OptimizationResult {
        var evaluations = 0
        call.stack.pushFunction(name: "\(method) objective") { inner in
            evaluations += 1
            return inner.returning(.number(try objective.evaluate(try inner.numbers(1, "x"), inner)))
        }
        let f = LuaReference(popping: call.L)
        var startRecord: [String: LuaValue] = [:]
        if let p = start.point { startRecord["x0"] = .array(p.map { .number($0) }) }
        if let l = start.lower { startRecord["lower"] = .array(l.map { .number($0) }) }
        if let u = start.upper { startRecord["upper"] = .array(u.map { .number($0) }) }
        try call.stack.call(minimize, [.function(f), .record(startRecord), .record(params)], results: 1, caller: method)
        let value = try call.stack.value(at: -1)
        lua_settop(call.L, -2)
        func fail(_ what: String) -> ScriptError {
            .named("\(method): minimize must return { x =, f =, iterations =, evaluations =, converged = }; \(what)")
        }
        guard case .record(let r) = value else { throw fail("got a \(value.typeName)") }
        let x: [Double]
        switch r["x"] ?? .nil {
        case .number(let v): x = [v]
        case .integer(let v): x = [Double(v)]
        case .array(let items) where items.allSatisfy({ $0.doubleValue != nil }): x = items.compactMap(\.doubleValue)
        default: throw fail("'x' is missing or not numbers")
        }
        guard let fx = r["f"]?.doubleValue else { throw fail("'f' is missing") }
        var converged = true
        if case .boolean(let c) = r["converged"] ?? .nil { converged = c }
        var message = converged ? "converged" : "not converged"
        if case .string(let m) = r["message"] ?? .nil { message = m }
        return OptimizationResult(x: x, value: fx, iterations: Int(r["iterations"]?.doubleValue ?? 0),
                                  evaluations: Int(r["evaluations"]?.doubleValue ?? Double(evaluations)),
                                  converged: converged, message: message)
    }
}

/// The thing being minimized: a Lua function or a bound cost plugin.
struct Objective {
    enum Target {
        case function(LuaReference)
        case cost(CostHandle)
    }

    let target: Target
    /// Call a Lua function with a number rather than an array.
    let scalar: Bool

    init(_ call: LuaCall, at index: Int32, scalar: Bool) throws {
        self.scalar = scalar
        if let cost = call.stack.object(at: index, as: CostHandle.self) {
            target = .cost(cost)
        } else if lua_type(call.L, index) == LUA_TFUNCTION {
            target = .function(try call.requireFunction(index, "f"))
        } else {
            throw ScriptError("argument \(index) 'f' must be a function or a cost from almanac.cost, got a \(call.typeName(index))")
        }
    }

    func evaluate(_ x: [Double], _ call: LuaCall) throws -> Double {
        switch target {
        case .cost(let cost):
            return try cost.evaluate(x, on: call.stack).total
        case .function(let f):
            let argument: LuaValue = scalar ? .number(x.first ?? .nan) : .array(x.map { .number($0) })
            try call.call(f, [argument], results: 1)
            defer { lua_settop(call.L, -2) }
            guard lua_type(call.L, -1) == LUA_TNUMBER else {
                throw ScriptError("the objective must return a number, got \(call.typeName(-1))")
            }
            return lua_tonumberx(call.L, -1, nil)
        }
    }
}
