import AlmanacCore
import Inventory
import LuaBridge

/// `inventory.abc_xyz`: ABC by value share and XYZ by demand variability over a panel's keys.
enum InventoryClassification {
    static var function: LuaFunctionSpec {
        LuaFunctionSpec(
            "abc_xyz", in: "inventory",
            summary:
                "ABC by share of value (Pareto) and XYZ by demand variability (coefficient of variation) for every key of a panel, with a recommended cycle service level per class; sorted by value.",
            details: """
                Value = units over the last `last` periods (default all) × the numeric attribute named by \
                `value` (default `unit_cost` when every key has one, else units alone: pass `value = \"units\"`). \
                An item is A while the value ranked above it is under `a`, B while under `b`, else C; \
                X when CV ≤ `x`, Y when CV ≤ `y`, else Z (no demand: Z). Service levels: AX 0.98, AY 0.96, \
                AZ 0.94, BX 0.96, BY 0.94, BZ 0.92, CX 0.92, CY 0.90, CZ 0.85 (docs/inventory.md).
                """,
            example: """
                local p = data.synthetic_retail{ skus = 20, periods = 104, seed = 11 }
                for _, row in ipairs(inventory.abc_xyz(p, { last = 52 })) do
                  print(row.key, row.class, ("%.1f%%"):format(100 * row.share), row.service_level)
                end
                """,
            arguments: AbcXyzArguments.self, returns: [.init(.array(AbcXyzRow.luaType))]
        ) { args, call in
            let panel = args.panel.panel
            let everyHasCost = panel.keys.allSatisfy { key in
                if case .number? = panel[key]?.attributes["unit_cost"] { return true } else { return false }
            }
            let valueName = args.value ?? (everyHasCost ? "unit_cost" : "units")
            var items: [(key: String, value: Double, demand: [Double])] = []
            for key in panel.keys {
                guard let entry = panel[key] else { continue }
                let values = entry.series.values
                let demand = args.last.map { Array(values.suffix($0)) } ?? values
                let units = demand.filter { !$0.isNaN }.reduce(0, +)
                var price = 1.0
                if valueName != "units" {
                    guard case .number(let x)? = entry.attributes[valueName] else {
                        throw ScriptError.named(
                            "inventory.abc_xyz: key '\(key)' has no numeric attribute '\(valueName)'; pass value = \"units\" to rank by units"
                        )
                    }
                    price = x
                }
                items.append((key, units * price, demand))
            }
            let rows = try ABCXYZ.classify(items, thresholds: args.thresholds)
            return call.returning(.array(rows.map { AbcXyzRow(item: $0).luaValue }))
        }
    }
}
