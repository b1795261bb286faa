import AlmanacCore
import Inventory
import LuaBridge

/// The `demand` and `lead_time` options of inventory.simulate, which take more
/// than one kind of value.
enum SimulationArguments {
    enum Demand {
        case distribution(Distribution)
        /// Forecast sample paths or explicit scenarios, one per replication.
        case paths([[Double]])
    }

    enum LeadTime {
        case fixed(Int)
        case random(Distribution)
    }

    /// A distribution, a SamplePaths object or an array of arrays of numbers.
    static func demand(_ value: LuaValue?, owner: String) throws -> Demand {
        switch value ?? .nil {
        case .object(let o as DistributionObject):
            return .distribution(o.distribution)
        case .object(let o as SamplePathsObject):
            return .paths((0..<o.paths.count).map { Array(o.paths.path($0)) })
        case .array(let rows):
            return .paths(try rows.enumerated().map { i, row in try numbers(row, "demand[\(i + 1)]", owner: owner) })
        default:
            throw ScriptError.named("\(owner): option 'demand' must be a distribution (dist.poisson(6)), sample paths (m:sample{ h =, n = }) or scenarios ({ { ... }, { ... } }), got \(value?.typeName ?? "nothing")")
        }
    }

    /// One scenario: an array of numbers (an empty table is an empty path).
    private static func numbers(_ value: LuaValue, _ name: String, owner: String) throws -> [Double] {
        switch value {
        case .array(let items):
            return try items.enumerated().map { j, item in
                guard let x = item.doubleValue else {
                    throw ScriptError.named("\(owner): \(name)[\(j + 1)] must be a number, got \(item.typeName)")
                }
                return x
            }
        case .record(let fields) where fields.isEmpty:
            return []
        default:
            throw ScriptError.named("\(owner): \(name) must be an array of numbers (one scenario), got \(value.typeName)")
        }
    }

    /// A whole number of periods ≥ 0 or a distribution of them.
    static func leadTime(_ value: LuaValue?, owner: String) throws -> LeadTime {
        switch value ?? .nil {
        case .nil:
            return .fixed(0)
        case .object(let o as DistributionObject):
            return .random(o.distribution)
        case .integer(let i) where i >= 0 && i <= 100_000:
            return .fixed(Int(i))
        case .number(let x) where x >= 0 && x <= 100_000 && x == x.rounded():
            return .fixed(Int(x))
        case .integer, .number:
            let shown = value?.doubleValue.map(formatNumber) ?? "?"
            throw ScriptError.named("\(owner): option 'lead_time' must be a whole number of periods between 0 and 100000 or a distribution such as dist.poisson(2), got \(shown)")
        default:
            throw ScriptError.named("\(owner): option 'lead_time' must be a whole number of periods or a distribution such as dist.poisson(2), got \(value?.typeName ?? "nothing")")
        }
    }
}
