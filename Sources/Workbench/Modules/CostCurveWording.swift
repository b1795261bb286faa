import Charts

/// The default words of `plot.cost_curve`, derived from the cost's decision variable
/// (a plugin's declared `decision` name), so a reorder-point cost is not labelled Q*.
enum CostCurveWording {
    /// Decision names the inventory plugins use, with their textbook symbols.
    static let symbols: [String: (axis: String, symbol: String)] = [
        "order_quantity": ("order quantity Q", "Q"),
        "reorder_point": ("reorder point r", "r"),
        "base_stock_level": ("base-stock level S", "S"),
        "order_up_to_level": ("order-up-to level S", "S"),
        "backorder_fraction": ("backorder fraction x", "x"),
        "service_level": ("service level α", "α"),
        "safety_factor": ("safety factor z", "z"),
    ]

    /// Labels for a cost of the decision `name` (nil: a Lua function, which declares none),
    /// with the caller's `xlabel`, `ylabel` and `optimum_label` taking precedence; an `xlabel`
    /// ending in a symbol also names the optimum after it.
    static func labels(decision name: String?, xLabel: String?, yLabel: String?, optimumLabel: String?)
        -> CostCurveLabels
    {
        let axis: String, optimumName: String
        if let name, let known = symbols[name] {
            (axis, optimumName) = (known.axis, known.symbol + "*")
        } else if let name {
            let words = name.replacingOccurrences(of: "_", with: " ")
            (axis, optimumName) = (words, "best " + words)
        } else {
            (axis, optimumName) = ("decision", "optimum")
        }
        return CostCurveLabels(
            x: xLabel ?? axis, y: yLabel ?? "cost", optimumName: xLabel.flatMap(symbolName) ?? optimumName,
            optimumText: optimumLabel)
    }

    /// "S*" for an axis label ending in a one-letter symbol ("order quantity S"), so the optimum
    /// is named as the caller's axis names the decision; nil otherwise.
    static func symbolName(_ axisLabel: String) -> String? {
        guard let last = axisLabel.split(separator: " ").last, last.count == 1, last.first?.isLetter == true else {
            return nil
        }
        return last + "*"
    }
}
