import AlmanacCore
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
        LuaModuleSpec(
            "optimize", summary: "Minimize a Lua function or a cost plugin with any optimizer plugin.",
            functions: [
                LuaFunctionSpec(
                    "scalar", in: "optimize",
                    summary:
                        "Minimizes f(x) for one variable x in [lo, hi]; `options.method` names the optimizer (default brent), the other options are its parameters.",
                    details: resultDoc,
                    example: """
                        local eoq = almanac.cost("eoq_cost", { fixed_cost = 8, holding_cost = 0.225, demand_rate = 1300 })
                        local r = optimize.scalar(eoq, 1, 2000)
                        print(r.x, r.f, r.converged)  --> 304.0468...  68.4105...  true
                        """,
                    arguments: ScalarArguments.self, returns: [.init(OptimizeResult.luaType, "result")]
                ) { args, call in
                    var objective = args.f
                    objective.scalar = true
                    let lo = args.lo.value, hi = args.hi.value
                    guard lo < hi else {
                        throw ScriptError("lo (\(formatNumber(lo))) must be less than hi (\(formatNumber(hi)))")
                    }
                    var options = args.options
                    let method = try methodName(&options, default: "brent")
                    let start = OptimizerStart(lower: [lo], upper: [hi])
                    return try run(method, objective, start, options, call, context, scalar: true)
                },
                LuaFunctionSpec(
                    "minimize", in: "optimize",
                    summary:
                        "Minimizes f(x) from the start x0 (an array, or a number for one variable); options: `method` (default nelder_mead), `lower` and `upper` bounds, and the optimizer's parameters.",
                    details: resultDoc + " f receives x as an array (a number when x0 is a number).",
                    example: """
                        local rosen = function(x) return (1 - x[1])^2 + 100 * (x[2] - x[1]^2)^2 end
                        local r = optimize.minimize(rosen, { -1.2, 1 })
                        print(r.x[1], r.x[2], r.evaluations)
                        """,
                    arguments: MinimizeArguments.self, returns: [.init(OptimizeResult.luaType, "result")]
                ) { args, call in
                    let scalar = args.x0.isNumber
                    var objective = args.f
                    objective.scalar = scalar
                    let x0 = args.x0.values
                    guard !x0.isEmpty else {
                        throw ScriptError("argument 2 'x0' is empty: give a start value for each variable")
                    }
                    // Every optimizer keeps a few vectors or a simplex of (n + 1)·n values: bounded so
                    // that memory stays sane whatever the array a script passes.
                    guard x0.count <= Self.largestDimension else {
                        throw ScriptError(
                            "argument 2 'x0' has \(x0.count) variables; optimize.minimize handles at most \(Self.largestDimension)"
                        )
                    }
                    var options = args.options
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
        .record([.optional("method", .pluginName(.optimizer), doc: "the optimizer plugin")] + extra)
            | .pluginParameters(.optimizer)
    }

    static func methodName(_ options: inout [String: LuaValue], default name: String) throws(ScriptError) -> String {
        guard let value = options.removeValue(forKey: "method") else { return name }
        guard case .string(let s) = value else {
            throw ScriptError("option 'method' must be the name of an optimizer plugin")
        }
        return s
    }

    /// The most variables `optimize.minimize` takes: Nelder–Mead's simplex is then 10⁷ values.
    static let largestDimension = 3000

    static func bound(_ options: inout [String: LuaValue], _ key: String, count: Int) throws(ScriptError) -> [Double]? {
        guard let value = options.removeValue(forKey: key) else { return nil }
        let numbers: [Double]
        switch value {
        case .number, .integer: numbers = [value.doubleValue ?? .nan]
        case .array(let items) where items.allSatisfy({ $0.doubleValue != nil }):
            numbers = items.compactMap(\.doubleValue)
        default: throw ScriptError("option '\(key)' must be an array of numbers")
        }
        guard numbers.count == count else {
            throw ScriptError("option '\(key)' has \(numbers.count) values for \(count) variables")
        }
        return numbers
    }

    static func run(
        _ method: String, _ objective: Objective, _ start: OptimizerStart, _ given: [String: LuaValue],
        _ call: LuaCall, _ context: HostContext, scalar: Bool
    ) throws -> Int32 {
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
        return call.returning(record: OptimizeResult(result, method: method, scalar: scalar))
    }

    /// A Lua optimizer receives f as a function of an array, whatever the user passed.
    static func runLuaOptimizer(
        _ method: String, _ minimize: LuaReference, _ objective: Objective, _ start: OptimizerStart,
        _ params: [String: LuaValue], _ call: LuaCall
    ) throws -> OptimizationResult {
        var evaluations = 0
        call.stack.pushFunction(name: "\(method) objective") { inner in
            evaluations += 1
            return inner.returning(.number(try objective.evaluate(try inner.numbers(1, "x"), inner)))
        }
        let f = call.stack.popReference()
        var startRecord: [String: LuaValue] = [:]
        if let p = start.point { startRecord["x0"] = .array(p.map { .number($0) }) }
        if let l = start.lower { startRecord["lower"] = .array(l.map { .number($0) }) }
        if let u = start.upper { startRecord["upper"] = .array(u.map { .number($0) }) }
        try call.stack.call(
            minimize, [.function(f), .record(startRecord), .record(params)], results: 1, caller: method)
        let value = try call.stack.value(at: -1)
        call.stack.pop()
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
        return OptimizationResult(
            x: x, value: fx, iterations: Int(r["iterations"]?.doubleValue ?? 0),
            evaluations: Int(r["evaluations"]?.doubleValue ?? Double(evaluations)),
            converged: converged, message: message)
    }
}

/// The thing being minimized: a Lua function or a bound cost plugin.
struct Objective: LuaArgumentValue {
    enum Target {
        /// Only the declaration's placeholder: a decoded objective is never unset.
        case unset
        case function(LuaReference)
        case cost(CostHandle)
    }

    var target = Target.unset
    /// Call a Lua function with a number rather than an array.
    var scalar = false

    static var luaType: LuaType { .function | .cost }
    static var parameterType: ParameterType { .any }

    init() {}

    static func argument(_ call: LuaCall, _ index: Int32, _ name: String) throws -> Objective {
        var objective = Objective()
        if let cost = call.stack.object(at: index, as: CostHandle.self) {
            objective.target = .cost(cost)
        } else if call.stack.isFunction(at: index) {
            objective.target = .function(try call.requireFunction(index, name))
        } else {
            throw ScriptError(
                "argument \(index) '\(name)' must be a function or a cost from almanac.cost, got a \(call.typeName(index))"
            )
        }
        return objective
    }

    init(option value: ParameterValue, raw: LuaValue, name: String) throws { throw UnexpectedOption(name: name) }
    var shownDefault: ParameterValue? { nil }

    func evaluate(_ x: [Double], _ call: LuaCall) throws -> Double {
        switch target {
        case .unset:
            throw ScriptError("no objective to minimize")
        case .cost(let cost):
            return try cost.evaluate(x, on: call.stack).total
        case .function(let f):
            let argument: LuaValue = scalar ? .number(x.first ?? .nan) : .array(x.map { .number($0) })
            try call.call(f, [argument], results: 1)
            defer { call.stack.pop() }
            guard let value = call.stack.number(at: -1) else {
                throw ScriptError("the objective must return a number, got \(call.typeName(-1))")
            }
            return value
        }
    }
}

/// optimize.minimize's start: an array, or a number for one variable (then f receives numbers too).
struct StartPoint: LuaArgumentValue {
    var values: [Double] = []
    var isNumber = false

    static var luaType: LuaType { .number | .array(.number) }
    static var parameterType: ParameterType { .numbers }

    init() {}

    static func argument(_ call: LuaCall, _ index: Int32, _ name: String) throws -> StartPoint {
        var start = StartPoint()
        start.isNumber = call.stack.isNumber(at: index)
        start.values = start.isNumber ? [try call.finiteNumber(index, name)] : try call.numbers(index, name)
        return start
    }

    init(option value: ParameterValue, raw: LuaValue, name: String) throws { throw UnexpectedOption(name: name) }
    var shownDefault: ParameterValue? { nil }
}

/// The declared arguments of optimize.* (see LuaArguments).
extension OptimizeModule {
    struct ScalarArguments: LuaArguments {
        var f = Objective()
        var lo = FiniteNumber()
        var hi = FiniteNumber()
        var options: [String: LuaValue] = [:]
        static let arguments: [LuaArgument<Self>] = [
            .required(\.f, "the objective: a Lua function of x, or a bound cost", type: objectiveType(scalar: true)),
            .required(\.lo, "the interval's lower end"),
            .required(\.hi, "the interval's upper end"),
            .optional(\.options, "`method` and the optimizer's parameters", type: optionsType(extra: [])),
        ]
    }

    struct MinimizeArguments: LuaArguments {
        var f = Objective()
        var x0 = StartPoint()
        var options: [String: LuaValue] = [:]
        static let arguments: [LuaArgument<Self>] = [
            .required(\.f, "the objective: a Lua function of x, or a bound cost", type: objectiveType(scalar: false)),
            .required(\.x0, "the start, one value per variable"),
            .optional(
                \.options, "`method`, `lower` and `upper` bounds and the optimizer's parameters",
                type: optionsType(extra: boundFields)),
        ]
    }
}

/// What optimize.scalar and optimize.minimize give.
struct OptimizeResult: LuaRecordEncodable {
    let x: [Double]
    let scalar: Bool
    let f: Double
    let iterations: Int
    let evaluations: Int
    let converged: Bool
    let message: String
    let method: String

    init(_ r: OptimizationResult, method: String, scalar: Bool) {
        (x, self.scalar, f, iterations, evaluations) = (r.x, scalar, r.value, r.iterations, r.evaluations)
        (converged, message, self.method) = (r.converged, r.message, method)
    }

    static let recordName: String? = "optimize.Result"
    static let fields: [LuaRecordField<Self>] = [
        LuaRecordField(
            name: "x", type: .number | .array(.number), optional: false, doc: "the minimizer: a number for one variable"
        ) {
            $0.scalar ? .number($0.x.first ?? .nan) : .array($0.x.map { .number($0) })
        },
        .field(\.f, "the value at x"), .field(\.iterations), .field(\.evaluations),
        .field(\.converged, "false when a budget ran out first"), .field(\.message),
        .field(\.method, type: .pluginName(.optimizer)),
    ]
}
