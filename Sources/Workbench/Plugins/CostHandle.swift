import AlmanacCore
import LuaBridge

/// A cost plugin with its parameters bound: `almanac.cost(name, params)`.
/// Callable from Lua (`c(q)`) and, without crossing into Lua, from native
/// optimizers when the plugin is native.
public final class CostHandle: LuaUserdata, ScriptReceiver {
    public static let luaClassName = "Cost"
    static let receiverName = "cost"
    let plugin: RegisteredPlugin
    let parameters: ParameterSet
    let luaParameters: [String: LuaValue]

    init(plugin: RegisteredPlugin, parameters: ParameterSet, luaParameters: [String: LuaValue]) {
        self.plugin = plugin
        self.parameters = parameters
        self.luaParameters = luaParameters
    }

    var name: String { plugin.descriptor.name }

    /// Evaluates the cost at decision `x`; `stack` is the running thread, needed for Lua plugins.
    func evaluate(_ x: [Double], on stack: LuaStack) throws -> CostValue {
        let decision = plugin.descriptor.decision
        if !decision.isEmpty, x.count != decision.count {
            let noun = decision.count == 1 ? "variable" : "variables"
            throw ScriptError.named(
                "\(name): takes \(decision.count) decision \(noun) (\(decision.joined(separator: ", "))), got \(x.count)"
            )
        }
        switch plugin.implementation {
        case .nativeCost(let cost):
            do { return try cost(x, parameters) } catch let error as ScriptError { throw error } catch {
                throw ScriptError.named("\(name): \(error)")
            }
        case .lua(let functions):
            guard let function = functions["cost"] else { throw ScriptError.named("\(name): has no cost function") }
            let argument: LuaValue = x.count == 1 && decision.count <= 1 ? .number(x[0]) : .array(x.map { .number($0) })
            do {
                try stack.call(function, [argument, .record(luaParameters)], results: 2, caller: name)
            } catch {
                // error(msg, 2) in a plugin: report it at the script's line, under the plugin's name.
                if error.kind == .runtime && !error.message.hasSourcePosition {
                    throw ScriptError.named("\(name): \(error.message)")
                }
                throw error
            }
            defer { stack.pop(2) }
            return try Self.costValue(on: stack, owner: name, at: "")
        case .nativeOptimizer, .nativeModel:
            throw ScriptError.named("\(name): is not a cost plugin")
        }
    }

    /// What a Lua cost function left as its two results: the total (a number) and,
    /// optionally, a table of named parts. `point` says where it was evaluated, for messages.
    static func costValue(on stack: LuaStack, owner: String, at point: String) throws -> CostValue {
        guard let total = stack.number(at: -2) else {
            throw ScriptError.named(
                "\(owner): the cost function must return a number\(point), got \(stack.luaTypeName(at: -2))")
        }
        var parts: [(name: String, value: Double)] = []
        if case .record(let fields) = try stack.value(at: -1) {
            for key in fields.keys.sorted() {
                guard let v = fields[key]?.doubleValue else {
                    throw ScriptError.named("\(owner): cost part '\(key)' must be a number")
                }
                parts.append((key, v))
            }
        }
        return CostValue(total: total, parts: parts)
    }

    /// The decision from Lua: a number, or an array of numbers.
    static func decision(_ call: LuaCall, at index: Int32) throws -> [Double] {
        if let x = call.stack.number(at: index) { return [x] }
        return try call.numbers(index, "x")
    }

    public static func luaClass() -> LuaClass<CostHandle> {
        var c = LuaClass<CostHandle>(summary: "a cost plugin with its parameters bound, from almanac.cost")
        c.call = { me, call in
            let x = try decision(call, at: 2)
            return call.returning(.number(try me.evaluate(x, on: call.stack).total))
        }
        c.callTypes = LuaSignature([.init("x", .number | .array(.number))], returns: [.number])
        c.methods = [
            LuaMethod(
                "parts",
                summary: "the cost at x with its components (e.g. ordering and holding), by name, and their `total`",
                arguments: Point.self, returns: [.init(.map(key: .string, value: .number))]
            ) { me, args, call in
                let value = try me.evaluate(args.x.values, on: call.stack)
                var record: [String: LuaValue] = ["total": .number(value.total)]
                for part in value.parts { record[part.name] = .number(part.value) }
                return call.returning(.record(record))
            }
        ]
        c.properties = [
            LuaProperty("name", .pluginName(.cost), "the plugin's name") { .string($0.name) },
            LuaProperty("params", .map(key: .string, value: .any), "the bound parameters, defaults filled in") {
                .record($0.luaParameters)
            },
            LuaProperty("decision", .array(.string), "names of the decision variables") {
                .array($0.plugin.descriptor.decision.map { .string($0) })
            },
            LuaProperty("plugin", .pluginDescriptor, "the plugin's descriptor (as almanac.plugin gives it)") {
                $0.plugin.descriptor.luaRecord
            },
        ]
        c.tostring = { me in
            let params = me.luaParameters.keys.sorted().map { "\($0) = \(me.parameters[$0]?.description ?? "…")" }
            return "Cost \(me.name) { \(params.joined(separator: ", ")) }"
        }
        return c
    }
}

extension CostHandle {
    /// cost:parts(x)'s argument.
    struct Point: LuaArguments {
        var x = Decision()
        static let arguments: [LuaArgument<Self>] = [.required(\.x, "the decision: a number, or one per variable")]
    }

    /// A decision: a number, or an array of numbers (read as `decision(_:at:)` reads it).
    struct Decision: LuaArgumentValue {
        var values: [Double] = []

        static var luaType: LuaType { .number | .array(.number) }
        static var parameterType: ParameterType { .numbers }

        static func argument(_ call: LuaCall, _ index: Int32, _ name: String) throws -> Decision {
            Decision(values: try CostHandle.decision(call, at: index))
        }

        init() {}
        init(values: [Double]) { self.values = values }

        init(option value: ParameterValue, raw: LuaValue, name: String) throws {
            guard case .numbers(let xs) = value else { throw UnexpectedOption(name: name) }
            values = xs
        }

        var shownDefault: ParameterValue? { nil }
    }
}
