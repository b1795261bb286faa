/// ABC/XYZ classification of many items: ABC by their share of total value
/// (Pareto), XYZ by how variable their demand is (coefficient of variation),
/// and a recommended cycle service level for each of the nine cells.
public enum ABCXYZ {
    public struct Thresholds: Sendable, Equatable {
        /// Cumulative value share closing class A and class B (A: the top 80% of value).
        public var a = 0.80, b = 0.95
        /// Coefficient of variation closing class X and class Y.
        public var x = 0.5, y = 1.0
        public init() {}
    }

    /// Cycle service levels by cell: high for valuable, predictable items; lower where
    /// safety stock is dear (erratic) or buys little (low value). Rows A, B, C; columns X, Y, Z.
    public static let defaultServiceLevels: [String: Double] = [
        "AX": 0.98, "AY": 0.96, "AZ": 0.94,
        "BX": 0.96, "BY": 0.94, "BZ": 0.92,
        "CX": 0.92, "CY": 0.90, "CZ": 0.85,
    ]

    public struct Item: Sendable, Equatable {
        public let key: String
        public let value: Double
        public let share: Double
        public let cumulativeShare: Double
        public let abc: String
        public let coefficientOfVariation: Double
        public let xyz: String
        public var cell: String { abc + xyz }
        public let serviceLevel: Double
    }

    /// `items`: key, value (e.g. units × unit cost over the horizon) and the demand
    /// history whose coefficient of variation sets the XYZ class.
    public static func classify(
        _ items: [(key: String, value: Double, demand: [Double])],
        thresholds: Thresholds = Thresholds(),
        serviceLevels: [String: Double] = defaultServiceLevels
    ) throws(InventoryError) -> [Item] {
        guard !items.isEmpty else { throw InventoryError("abc_xyz: there are no items to classify") }
        guard thresholds.a > 0, thresholds.a < thresholds.b, thresholds.b < 1 else {
            throw InventoryError(
                "abc_xyz: need 0 < a < b < 1 for the ABC shares, got a = \(thresholds.a), b = \(thresholds.b)")
        }
        guard thresholds.x > 0, thresholds.x < thresholds.y else {
            throw InventoryError(
                "abc_xyz: need 0 < x < y for the XYZ limits, got x = \(thresholds.x), y = \(thresholds.y)")
        }
        for item in items where !(item.value.isFinite && item.value >= 0) {
            throw InventoryError("abc_xyz: the value of '\(item.key)' must be a number ≥ 0, got \(item.value)")
        }
        let total = items.reduce(0) { $0 + $1.value }
        guard total > 0 else { throw InventoryError("abc_xyz: every item has value 0; nothing to rank") }
        // Highest value first; ties by key so the ranking is the same on every run.
        let ranked = items.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        var cumulative = 0.0
        return ranked.map { item in
            let share = item.value / total
            // An item belongs to A while the value before it is still inside A's share.
            let before = cumulative
            cumulative += share
            let abc = before < thresholds.a ? "A" : (before < thresholds.b ? "B" : "C")
            let demand = item.demand.filter { !$0.isNaN }
            let mean = demand.isEmpty ? 0 : demand.reduce(0, +) / Double(demand.count)
            let sd =
                demand.count > 1
                ? (demand.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(demand.count - 1)).squareRoot() : 0
            let cv = mean > 0 ? sd / mean : .infinity
            let xyz = cv <= thresholds.x ? "X" : (cv <= thresholds.y ? "Y" : "Z")
            return Item(
                key: item.key, value: item.value, share: share, cumulativeShare: cumulative, abc: abc,
                coefficientOfVariation: cv, xyz: xyz, serviceLevel: serviceLevels[abc + xyz] ?? .nan)
        }
    }
}
