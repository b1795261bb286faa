import AlmanacCore
import Inventory
import LuaBridge

/// inventory.simulate's arguments: the policy, then an options table whose
/// `demand` and `lead_time` take more than one kind of value.
struct SimulationArguments: LuaArguments {
    var policy = Policy()
    var ordersCross = false
    var holdingCost = 1.0
    var stockoutCost = 1.0
    var fixedCost = 0.0
    var backorders = true
    var periods: Int?
    var warmup: Int?
    var replications: Int?
    var seed: Int?
    var trace = false
    var demand = Demand.paths([])
    var leadTime = LeadTime.fixed(0)

    static let arguments: [LuaArgument<Self>] = [
        .required(
            \.policy, "{ type = \"base_stock\", level = S }, { type = \"ss\", s =, S = } or { type = \"rq\", r =, Q = }"
        ),
        .option(
            \.ordersCross, "with a random lead time: false keeps arrivals in the order placed, true lets orders cross"),
        .option(\.holdingCost, "h per unit on hand per period", range: .nonNegative),
        .option(\.stockoutCost, "p per unit backordered (or lost) per period", range: .nonNegative),
        .option(\.fixedCost, "K per order", range: .nonNegative),
        .option(\.backorders, "false: unmet demand is lost"),
        .option(
            \.periods,
            "periods per replication after the warm-up (default 1000; with paths, their length minus the warm-up)",
            range: ParameterRange(lower: 1)),
        .option(
            \.warmup, "periods discarded at the start of each run (default 100; with paths, 0)", range: .nonNegative),
        .option(
            \.replications, "runs (default 10; with paths, one per path, at least 2)", range: ParameterRange(lower: 2)),
        .option(\.seed, "seed of this simulation; default a draw from the run's generator", range: .nonNegative),
        .option(\.trace, "return the first run period by period"),
        .option(\.demand, "a distribution, sample paths or scenarios", required: true),
        .option(\.leadTime, "whole periods, or a distribution of them"),
    ]

    /// The policy table: `{ type = "base_stock", level = S }`, `{ type = "ss", s =, S = }` or `{ type = "rq", r =, Q = }`.
    struct Policy: LuaArgumentValue {
        var policy = PolicySimulation.Policy.baseStock(level: 0)

        static var luaType: LuaType {
            .record([
                LuaField("type", .oneOf(["base_stock", "ss", "rq"])),
                .optional("level", .number, doc: "base_stock: S"), .optional("s", .number, doc: "ss: reorder point"),
                .optional("S", .number, doc: "ss: order-up-to level"),
                .optional("r", .number, doc: "rq: reorder point"),
                .optional("Q", .number, doc: "rq: order quantity"),
            ])
        }
        static var parameterType: ParameterType { .table }

        /// Read as a table of named fields (nil reads as an empty one, refused for its missing type).
        static func argument(_ call: LuaCall, _ index: Int32, _ name: String) throws -> Policy {
            let fields = try call.record(index, name)
            func field(_ name: String) throws -> Double {
                guard let x = fields[name]?.doubleValue else {
                    throw ScriptError("the policy needs '\(name)' (a number)")
                }
                return x
            }
            switch fields["type"] ?? .nil {
            case .string("base_stock"): return Policy(policy: .baseStock(level: try field("level")))
            case .string("ss"): return Policy(policy: .sS(reorderPoint: try field("s"), orderUpTo: try field("S")))
            case .string("rq"): return Policy(policy: .rQ(reorderPoint: try field("r"), orderQuantity: try field("Q")))
            default: throw ScriptError("the policy's type must be \"base_stock\", \"ss\" or \"rq\"")
            }
        }

        init() {}
        init(policy: PolicySimulation.Policy) { self.policy = policy }

        /// A policy is always positional.
        init(option value: ParameterValue, raw: LuaValue, name: String) throws { throw UnexpectedOption(name: name) }

        var shownDefault: ParameterValue? { nil }
    }

    /// `demand`: a distribution, a SamplePaths object or an array of arrays of numbers.
    enum Demand: LuaArgumentValue, LuaArgumentMissingMessage {
        case distribution(Distribution)
        /// Forecast sample paths or explicit scenarios, one per replication.
        case paths([[Double]])

        static var luaType: LuaType { .distribution | .samplePaths | .array(.array(.number)) }
        /// Checked here, with the messages below.
        static var parameterType: ParameterType { .any }

        static func argument(_ call: LuaCall, _ index: Int32, _ name: String) throws -> Demand {
            try Demand(option: .integer(0), raw: try call.value(index, name), name: name)
        }

        init(option value: ParameterValue, raw: LuaValue, name: String) throws {
            switch raw {
            case .object(let o as DistributionObject):
                self = .distribution(o.distribution)
            case .object(let o as SamplePathsObject):
                self = .paths((0..<o.paths.count).map { Array(o.paths.path($0)) })
            case .array(let rows):
                self = .paths(try rows.enumerated().map { i, row in try Self.numbers(row, "\(name)[\(i + 1)]") })
            default:
                throw Self.refusal(name, got: raw.typeName)
            }
        }

        var shownDefault: ParameterValue? { nil }

        static func missingOption(_ name: String) -> ScriptError { refusal(name, got: "nothing") }

        static func refusal(_ name: String, got: String) -> ScriptError {
            ScriptError(
                "option '\(name)' must be a distribution (dist.poisson(6)), sample paths (m:sample{ h =, n = }) or scenarios ({ { ... }, { ... } }), got \(got)"
            )
        }

        /// One scenario: an array of numbers (an empty table is an empty path).
        private static func numbers(_ value: LuaValue, _ name: String) throws -> [Double] {
            switch value {
            case .array(let items):
                return try items.enumerated().map { j, item in
                    guard let x = item.doubleValue else {
                        throw ScriptError("\(name)[\(j + 1)] must be a number, got \(item.typeName)")
                    }
                    return x
                }
            case .record(let fields) where fields.isEmpty:
                return []
            default:
                throw ScriptError("\(name) must be an array of numbers (one scenario), got \(value.typeName)")
            }
        }
    }

    /// `lead_time`: a whole number of periods ≥ 0 or a distribution of them.
    enum LeadTime: LuaArgumentValue {
        case fixed(Int)
        case random(Distribution)

        static var luaType: LuaType { .integer | .distribution }
        /// Checked here, with the messages below.
        static var parameterType: ParameterType { .any }

        static func argument(_ call: LuaCall, _ index: Int32, _ name: String) throws -> LeadTime {
            try LeadTime(option: .integer(0), raw: try call.value(index, name), name: name)
        }

        init(option value: ParameterValue, raw: LuaValue, name: String) throws {
            switch raw {
            case .object(let o as DistributionObject):
                self = .random(o.distribution)
            case .integer(let i) where i >= 0 && i <= 100_000:
                self = .fixed(Int(i))
            case .number(let x) where x >= 0 && x <= 100_000 && x == x.rounded():
                self = .fixed(Int(x))
            case .integer, .number:
                let shown = raw.doubleValue.map(formatNumber) ?? "?"
                throw ScriptError(
                    "option '\(name)' must be a whole number of periods between 0 and 100000 or a distribution such as dist.poisson(2), got \(shown)"
                )
            default:
                throw ScriptError(
                    "option '\(name)' must be a whole number of periods or a distribution such as dist.poisson(2), got \(raw.typeName)"
                )
            }
        }

        var shownDefault: ParameterValue? {
            if case .fixed(let l) = self { return .integer(l) }
            return nil
        }
    }
}
