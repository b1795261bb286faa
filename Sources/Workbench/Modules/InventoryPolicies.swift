import AlmanacCore
import Inventory
import LuaBridge

/// The inventory module's policies and plans beyond the EOQ. Parameter names
/// follow Snyder & Shen and stockpyl, so textbook exercises translate directly.
enum InventoryPolicies {
    static let h = ParameterSpec("holding_cost", .number, required: true, range: .positive, doc: "h, cost per unit left over (held) per period")
    static let p = ParameterSpec("stockout_cost", .number, required: true, range: .positive, doc: "p, cost per unit short (backordered) per period")
    static let k = ParameterSpec("fixed_cost", .number, required: true, range: .positive, doc: "K, cost per order placed")

    /// Options with a distribution under `demand`, validated.
    static func options(_ call: LuaCall, _ specs: [ParameterSpec], owner: String) throws -> (ParameterSet, Distribution) {
        try call.requireTable(1, "model")
        var given = try call.record(1, "model")
        let demand = try DistributionObject.argument(given.removeValue(forKey: "demand"), "demand", owner: owner)
        let (set, _) = try validateOptions(given, against: specs, owner: owner)
        return (set, demand)
    }

    static func outcome(_ o: NewsvendorOutcome, criticalRatio: Double) -> [String: LuaValue] {
        ["base_stock_level": .number(o.orderQuantity), "order_quantity": .number(o.orderQuantity), "cost": .number(o.cost),
         "expected_sales": .number(o.expectedSales), "expected_leftover": .number(o.expectedLeftover),
         "expected_shortage": .number(o.expectedShortage), "stockout_probability": .number(o.stockoutProbability),
         "fill_rate": .number(o.fillRate), "critical_ratio": .number(criticalRatio)]
    }

    static func plan(_ plan: LotSizingPlan) -> LuaValue {
        .record(["order_periods": .array(plan.orderPeriods.map { .integer(Int64($0)) }),
                 "order_quantities": .array(plan.orderQuantities.map { .number($0) }), "cost": .number(plan.cost)])
    }

    static let lotSizingOptions = [
        ParameterSpec("fixed_cost", .number, required: true, range: .nonNegative, doc: "K, cost per order placed"),
        ParameterSpec("holding_cost", .table, required: true, doc: "h, cost to hold a unit for a period: one number, or one per period"),
        ParameterSpec("demand", .numbers, required: true, range: .nonNegative, doc: "known demand of each period"),
        ParameterSpec("purchase_cost", .table, doc: "cost per unit, paid in the period it is ordered: one number, or one per period (default 0)"),
    ]

    static func lotSizing(_ name: String, _ summary: String,
                          _ f: @escaping ([Double], Double, [Double], [Double]) throws -> LotSizingPlan) -> LuaFunctionSpec {
        LuaFunctionSpec(name, signature: "inventory.\(name){ fixed_cost =, holding_cost =, demand = {...} [, purchase_cost =] } -> { order_periods, order_quantities, cost }",
                        summary: summary,
                        example: "local r = inventory.\(name){ fixed_cost = 500, holding_cost = 2, demand = { 90, 120, 80, 70 } }\nprint(table.concat(r.order_periods, \", \"), r.cost)",
                        types: LuaSignature([.init("model", .record(lotSizingOptions.map { spec in
                            spec.type == .table ? LuaField(spec.name, perPeriodCost, optional: !spec.required, doc: spec.typeNote) : LuaField(spec)
                        }))], returns: [lotSizingResult])) { call in
            try call.requireTable(1, "model")
            var given = try call.record(1, "model")
            let owner = "inventory.\(name)"
            /// A number or one number per period.
            func perPeriod(_ key: String, required: Bool) throws -> [Double] {
                switch given.removeValue(forKey: key) ?? .nil {
                case .number(let x): return [x]
                case .integer(let i): return [Double(i)]
                case .array(let items) where items.allSatisfy({ $0.doubleValue != nil }): return items.compactMap(\.doubleValue)
                case .nil:
                    if required { throw ScriptError.named("\(owner): option '\(key)' is required (a number, or one per period)") }
                    return [0]
                default: throw ScriptError.named("\(owner): option '\(key)' must be a number or an array of numbers")
                }
            }
            let holding = try perPeriod("holding_cost", required: true)
            let purchase = try perPeriod("purchase_cost", required: false)
            let (set, _) = try validateOptions(given, against: lotSizingOptions.filter { $0.type != .table }, owner: owner)
            guard case .numbers(let demand)? = set["demand"] else { throw ScriptError("'demand' must be an array of numbers") }
            return call.returning(plan(try f(demand, set.number("fixed_cost") ?? 0, holding, purchase)))
        }
    }

    static func functions(_ context: HostContext) -> [LuaFunctionSpec] {
        [
            LuaFunctionSpec(
                "newsvendor", signature: "inventory.newsvendor{ holding_cost =, stockout_cost =, demand = dist } -> result",
                summary: "One period of random demand: order S* = F⁻¹(p/(p + h)); returns base_stock_level (= order_quantity), cost, expected_sales, expected_leftover, expected_shortage, stockout_probability, fill_rate, critical_ratio.",
                details: "Any distribution from `dist.*`; for discrete demand S* is the smallest whole number with F(S) ≥ p/(p+h). Cost: h·E[(S−D)⁺] + p·E[(D−S)⁺]. Give `order_quantity` to evaluate another S instead.",
                example: """
                local r = inventory.newsvendor{ holding_cost = 0.18, stockout_cost = 0.70, demand = dist.normal(50, 8) }
                print(r.base_stock_level, r.cost)  --> 56.6040...  1.99761...
                """,
                types: LuaSignature([.init("model", model(newsvendorOptions, [demandField, .optional("order_quantity", .number, doc: "evaluate this S instead of the optimum")]))],
                              returns: [newsvendorResult])
            ) { call in
                var given = try call.record(1, "model")
                let fixed = given.removeValue(forKey: "order_quantity")
                try call.requireTable(1, "model")
                let demand = try DistributionObject.argument(given.removeValue(forKey: "demand"), "demand", owner: "inventory.newsvendor")
                let (set, _) = try validateOptions(given, against: newsvendorOptions, owner: "inventory.newsvendor")
                let nv = try Newsvendor(holdingCost: set.number("holding_cost") ?? .nan, stockoutCost: set.number("stockout_cost") ?? .nan, demand: demand)
                let s = try fixed.map { v -> Double in
                    guard let x = v.doubleValue else { throw ScriptError.named("inventory.newsvendor: option 'order_quantity' must be a number") }
                    return x
                } ?? nv.optimalOrder
                return call.returning(.record(outcome(nv.evaluate(s), criticalRatio: nv.criticalRatio)))
            },
            LuaFunctionSpec(
                "base_stock", signature: "inventory.base_stock{ holding_cost =, stockout_cost =, demand = dist, lead_time = 0 [, review_period = R] } -> result",
                summary: "Periodic review, order up to S every period, lead time L periods: the newsvendor on the demand of L + 1 periods (normal, gamma, Poisson and negbin sum in closed form).",
                details: "`demand` is one period's demand. Returns what inventory.newsvendor returns, for the lead-time demand. With `review_period = R` > 1, the periodic-review (R, S) policy: S minimises the cycle-average cost (1/R)·Σ_{j=1..R} g_{L+j}(S); returns `base_stock_level` (S), `cost` per period, and cycle averages `stockout_probability`, `expected_backorders`, `expected_on_hand`.",
                example: """
                local r = inventory.base_stock{ holding_cost = 1, stockout_cost = 9, demand = dist.poisson(6), lead_time = 2 }
                print(r.base_stock_level, r.cost, r.fill_rate)
                """,
                types: LuaSignature([.init("model", model(baseStockOptions, [demandField]))], returns: [baseStockResult])
            ) { call in
                let (set, demand) = try options(call, baseStockOptions, owner: "inventory.base_stock")
                if let review = set.integer("review_period"), review > 1 {
                    let rs = try PeriodicReview(holdingCost: set.number("holding_cost") ?? .nan, stockoutCost: set.number("stockout_cost") ?? .nan,
                                                demand: demand, leadTime: set.integer("lead_time") ?? 0, reviewPeriod: review)
                    let level = rs.optimalLevel, e = rs.evaluate(level)
                    return call.returning(.record(["base_stock_level": .number(level), "order_up_to_level": .number(level), "cost": .number(e.cost),
                                                   "review_period": .integer(Int64(review)), "stockout_probability": .number(e.stockoutProbability),
                                                   "expected_backorders": .number(e.expectedBackorders), "expected_on_hand": .number(e.expectedOnHand),
                                                   "critical_ratio": .number(rs.criticalRatio)]))
                }
                let bs = try BaseStock(holdingCost: set.number("holding_cost") ?? .nan, stockoutCost: set.number("stockout_cost") ?? .nan,
                                       demand: demand, leadTime: set.integer("lead_time") ?? 0)
                var r = outcome(bs.newsvendor.evaluate(bs.newsvendor.optimalOrder), criticalRatio: bs.newsvendor.criticalRatio)
                r["lead_time_demand_mean"] = .number(bs.newsvendor.demand.mean)
                return call.returning(.record(r))
            },
            LuaFunctionSpec(
                "reorder_point", signature: "inventory.reorder_point{ demand = dist, lead_time = L [, lead_time_sd =] | lead_time_demand = dist, service_level = 0.95 [, type = \"cycle\" | \"fill_rate\", order_quantity = Q] } -> result",
                summary: "Reorder point and safety stock for continuous review: type 1 (cycle service: P(no stock-out in a cycle) = α) or type 2 (fill rate: n(r) = (1 − β)·Q).",
                details: """
                Lead-time demand is `demand` (one period's) over `lead_time` periods — summed exactly for \
                normal, gamma, Poisson and negbin; with `lead_time_sd` (a random lead time), the normal \
                approximation with mean E[L]μ and variance E[L]σ² + μ²Var[L] — or give `lead_time_demand` \
                directly (e.g. `dist.empirical` of summed forecast sample paths). Returns `reorder_point`, \
                `safety_stock`, `lead_time_demand_mean`, `lead_time_demand_sd`, `cycle_service_level`, \
                `fill_rate` (with an order quantity) and `expected_shortage_per_cycle`.
                """,
                example: """
                local r = inventory.reorder_point{ demand = dist.normal(100, 20), lead_time = 4, service_level = 0.95 }
                print(r.reorder_point, r.safety_stock)  --> 465.79...  65.79...
                local f = inventory.reorder_point{ demand = dist.normal(100, 20), lead_time = 4, lead_time_sd = 1,
                  service_level = 0.99, type = "fill_rate", order_quantity = 500 }
                print(f.reorder_point, f.cycle_service_level)
                """,
                types: LuaSignature([.init("model", model(reorderPointOptions, [.optional("demand", .distribution, doc: "one period's demand, with lead_time"), .optional("lead_time_demand", .distribution, doc: "the lead-time demand itself")]))],
                              returns: [reorderPointResult])
            ) { call in
                try call.requireTable(1, "model")
                var given = try call.record(1, "model")
                let owner = "inventory.reorder_point"
                let perPeriod = given.removeValue(forKey: "demand")
                let direct = given.removeValue(forKey: "lead_time_demand")
                let (set, _) = try validateOptions(given, against: reorderPointOptions, owner: owner)
                let ltd: Distribution
                if direct != nil {
                    guard perPeriod == nil else { throw ScriptError.named("\(owner): give either demand (with lead_time) or lead_time_demand, not both") }
                    ltd = try DistributionObject.argument(direct, "lead_time_demand", owner: owner)
                } else {
                    let d = try DistributionObject.argument(perPeriod, "demand", owner: owner)
                    guard let l = set.number("lead_time") else { throw ScriptError.named("\(owner): option 'lead_time' is required with demand (or give lead_time_demand)") }
                    ltd = try ReorderPoint.leadTimeDemand(perPeriod: d, leadTime: l, sd: set.number("lead_time_sd") ?? 0)
                }
                let level = set.number("service_level") ?? .nan
                let service: ReorderPoint.Service
                if set.string("type") == "fill_rate" {
                    guard let q = set.number("order_quantity") else { throw ScriptError.named("\(owner): a fill-rate target needs order_quantity (Q)") }
                    service = .fillRate(level, orderQuantity: q)
                } else {
                    service = .cycle(level)
                }
                let r = try ReorderPoint(leadTimeDemand: ltd, service: service).solve()
                var record: [String: LuaValue] = [
                    "reorder_point": .number(r.reorderPoint), "safety_stock": .number(r.safetyStock),
                    "lead_time_demand_mean": .number(ltd.mean), "lead_time_demand_sd": .number(ltd.standardDeviation),
                    "cycle_service_level": .number(r.cycleServiceLevel), "expected_shortage_per_cycle": .number(r.expectedShortagePerCycle),
                ]
                if !r.fillRate.isNaN { record["fill_rate"] = .number(r.fillRate) }
                return call.returning(.record(record))
            },
        ] + [InventoryRQ.function] + [
            LuaFunctionSpec(
                "eoq_multi", signature: "inventory.eoq_multi{ items = { { fixed_cost =, holding_cost =, demand_rate =, usage = }, ... }, limit = B } -> { order_quantities, cost, multiplier, resource_used }",
                summary: "EOQ for several items under a shared limit Σ usage·Q ≤ B (a budget or warehouse space), by a Lagrange multiplier: Q_i = √(2K_iλ_i/(h_i + 2θ·usage_i)).",
                details: "`multiplier` is θ, what one more unit of the resource would save per unit time (0 when the limit does not bind).",
                example: """
                local r = inventory.eoq_multi{ limit = 3000, items = {
                  { fixed_cost = 100, holding_cost = 2, demand_rate = 1000, usage = 10 },
                  { fixed_cost = 50, holding_cost = 1, demand_rate = 500, usage = 4 },
                  { fixed_cost = 80, holding_cost = 3, demand_rate = 2000, usage = 6 } } }
                print(table.concat(r.order_quantities, ", "), r.cost, r.multiplier)
                """,
                types: LuaSignature([.init("model", model(eoqMultiOptions, [LuaField("items", .array(.options(eoqMultiItemOptions)))]))],
                              returns: [.record([LuaField("order_quantities", .array(.number)), LuaField("cost", .number), LuaField("multiplier", .number), LuaField("resource_used", .number)])])
            ) { call in
                try call.requireTable(1, "model")
                var given = try call.record(1, "model")
                let owner = "inventory.eoq_multi"
                guard case .array(let list) = given.removeValue(forKey: "items") ?? .nil, !list.isEmpty else {
                    throw ScriptError.named("\(owner): 'items' must be a non-empty array of { fixed_cost =, holding_cost =, demand_rate =, usage = }")
                }
                let (set, _) = try validateOptions(given, against: eoqMultiOptions, owner: owner)
                let items = try list.enumerated().map { i, value -> MultiItemEOQ.Item in
                    guard case .record(let fields) = value else { throw ScriptError.named("\(owner): items[\(i + 1)] must be a table of named values") }
                    let (p, _) = try validateOptions(fields, against: eoqMultiItemOptions, owner: "\(owner): items[\(i + 1)]")
                    return MultiItemEOQ.Item(fixedCost: p.number("fixed_cost") ?? .nan, holdingCost: p.number("holding_cost") ?? .nan,
                                             demandRate: p.number("demand_rate") ?? .nan, usage: p.number("usage") ?? .nan)
                }
                let s = try MultiItemEOQ.solve(items, limit: set.number("limit") ?? .nan)
                return call.returning(.record(["order_quantities": .array(s.orderQuantities.map { .number($0) }), "cost": .number(s.cost),
                                               "multiplier": .number(s.multiplier), "resource_used": .number(s.resourceUsed)]))
            },
        ] + [InventorySimulation.function(context)] + [
            LuaFunctionSpec(
                "abc_xyz", signature: "inventory.abc_xyz(panel [, { value =, last =, a = 0.8, b = 0.95, x = 0.5, y = 1.0 }]) -> { { key, value, share, cumulative_share, abc, cv, xyz, class, service_level }, ... }",
                summary: "ABC by share of value (Pareto) and XYZ by demand variability (coefficient of variation) for every key of a panel, with a recommended cycle service level per class; sorted by value.",
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
                types: LuaSignature([.init("panel", .panel), .optional("options", .options(abcXyzOptions))], returns: [.array(abcXyzRow)])
            ) { call in
                guard let panel = call.stack.object(at: 1, as: PanelObject.self)?.panel else {
                    throw ScriptError("argument 1 'panel' must be a Panel (from data.csv with key =, or data.synthetic_retail), got a \(call.typeName(1))")
                }
                let (set, _) = try validateOptions(try call.record(2, "options"), against: abcXyzOptions, owner: "inventory.abc_xyz")
                let everyHasCost = panel.keys.allSatisfy { key in
                    if case .number? = panel[key]?.attributes["unit_cost"] { return true } else { return false }
                }
                let valueName = set.string("value") ?? (everyHasCost ? "unit_cost" : "units")
                var items: [(key: String, value: Double, demand: [Double])] = []
                for key in panel.keys {
                    guard let entry = panel[key] else { continue }
                    let values = entry.series.values
                    let demand = set.integer("last").map { Array(values.suffix($0)) } ?? values
                    let units = demand.filter { !$0.isNaN }.reduce(0, +)
                    var price = 1.0
                    if valueName != "units" {
                        guard case .number(let x)? = entry.attributes[valueName] else {
                            throw ScriptError.named("inventory.abc_xyz: key '\(key)' has no numeric attribute '\(valueName)'; pass value = \"units\" to rank by units")
                        }
                        price = x
                    }
                    items.append((key, units * price, demand))
                }
                var thresholds = ABCXYZ.Thresholds()
                thresholds.a = set.number("a") ?? 0.8
                thresholds.b = set.number("b") ?? 0.95
                thresholds.x = set.number("x") ?? 0.5
                thresholds.y = set.number("y") ?? 1.0
                let rows = try ABCXYZ.classify(items, thresholds: thresholds)
                return call.returning(.array(rows.map { r in
                    .record(["key": .string(r.key), "value": .number(r.value), "share": .number(r.share),
                             "cumulative_share": .number(r.cumulativeShare), "abc": .string(r.abc),
                             "cv": .number(r.coefficientOfVariation), "xyz": .string(r.xyz), "class": .string(r.cell),
                             "service_level": .number(r.serviceLevel)])
                }))
            },
            LuaFunctionSpec(
                "ss", signature: "inventory.ss{ holding_cost =, stockout_cost =, fixed_cost =, demand = dist.poisson(...) } -> { reorder_point, order_up_to_level, cost }",
                summary: "The optimal (s, S) policy for periodic review with a fixed order cost and discrete demand, by the Zheng–Federgruen algorithm (exact).",
                example: """
                local r = inventory.ss{ holding_cost = 1, stockout_cost = 4, fixed_cost = 5, demand = dist.poisson(6) }
                print(r.reorder_point, r.order_up_to_level, r.cost)  --> 4  10  8.0341...
                """,
                types: LuaSignature([.init("model", model(ssOptions, [demandField]))], returns: [.record([LuaField("reorder_point", .integer), LuaField("order_up_to_level", .integer), LuaField("cost", .number)])])
            ) { call in
                let (set, demand) = try options(call, ssOptions, owner: "inventory.ss")
                let r = try ZhengFedergruen.optimize(holdingCost: set.number("holding_cost") ?? .nan, stockoutCost: set.number("stockout_cost") ?? .nan,
                                                     fixedCost: set.number("fixed_cost") ?? .nan, demand: demand)
                return call.returning(.record(["reorder_point": .integer(Int64(r.reorderPoint)), "order_up_to_level": .integer(Int64(r.orderUpToLevel)), "cost": .number(r.cost)]))
            },
            LuaFunctionSpec(
                "epq", signature: "inventory.epq{ fixed_cost =, holding_cost =, demand_rate =, production_rate = } -> { order_quantity, cost, cycle_time }",
                summary: "Economic production quantity: the EOQ with a finite production rate P > λ: Q* = √(2Kλ/(h(1 − λ/P))).",
                example: "local r = inventory.epq{ fixed_cost = 8, holding_cost = 0.225, demand_rate = 1300, production_rate = 1900 }\nprint(r.order_quantity, r.cost)",
                types: LuaSignature([.init("model", .options(epqOptions))], returns: [.numbers(["order_quantity", "cost", "cycle_time"])])
            ) { call in
                try call.requireTable(1, "model")
                let (set, _) = try validateOptions(try call.record(1, "model"), against: epqOptions, owner: "inventory.epq")
                let m = try EPQ(fixedCost: set.number("fixed_cost") ?? .nan, holdingCost: set.number("holding_cost") ?? .nan,
                                demandRate: set.number("demand_rate") ?? .nan, productionRate: set.number("production_rate") ?? .nan)
                return call.returning(.record(["order_quantity": .number(m.orderQuantity), "cost": .number(m.optimalCost),
                                               "cycle_time": .number(m.orderQuantity / m.base.demandRate)]))
            },
            LuaFunctionSpec(
                "eoq_discounts", signature: "inventory.eoq_discounts{ fixed_cost =, holding_cost_rate =, demand_rate =, breakpoints = {...}, unit_costs = {...}, kind = \"all_units\" | \"incremental\" } -> { order_quantity, cost, region }",
                summary: "EOQ with quantity discounts: unit cost unit_costs[j] from breakpoints[j] on (the first breakpoint is 0); holding cost = rate × unit cost; cost includes purchasing.",
                example: """
                local r = inventory.eoq_discounts{ fixed_cost = 150, holding_cost_rate = 0.25, demand_rate = 2400,
                  breakpoints = { 0, 100, 200 }, unit_costs = { 100, 90, 80 }, kind = "all_units" }
                print(r.order_quantity, r.cost, r.region)
                """,
                types: LuaSignature([.init("model", .options(eoqDiscountsOptions))],
                              returns: [.record([LuaField("order_quantity", .number), LuaField("cost", .number), LuaField("region", .integer)])])
            ) { call in
                try call.requireTable(1, "model")
                let (set, _) = try validateOptions(try call.record(1, "model"), against: eoqDiscountsOptions, owner: "inventory.eoq_discounts")
                guard case .numbers(let b)? = set["breakpoints"], case .numbers(let c)? = set["unit_costs"] else {
                    throw ScriptError("breakpoints and unit_costs must be arrays of numbers")
                }
                let m = try QuantityDiscountEOQ(fixedCost: set.number("fixed_cost") ?? .nan, holdingCostRate: set.number("holding_cost_rate") ?? .nan,
                                                demandRate: set.number("demand_rate") ?? .nan, breakpoints: b, unitCosts: c,
                                                kind: QuantityDiscountEOQ.Kind(rawValue: set.string("kind") ?? "all_units") ?? .allUnits)
                let r = m.optimize()
                return call.returning(.record(["order_quantity": .number(r.orderQuantity), "cost": .number(r.cost), "region": .integer(Int64(r.region))]))
            },
            lotSizing("wagner_whitin", "The optimal ordering plan for known, time-varying demand (Wagner & Whitin 1958), by dynamic programming over the last order; periods are 1-based.") {
                try LotSizing.wagnerWhitin(demand: $0, fixedCost: $1, holdingCost: $2, purchaseCost: $3)
            },
            lotSizing("silver_meal", "The Silver–Meal heuristic: extend each order while the cost per period covered falls.") {
                try LotSizing.silverMeal(demand: $0, fixedCost: $1, holdingCost: $2, purchaseCost: $3)
            },
            lotSizing("least_unit_cost", "The least-unit-cost heuristic: extend each order while the cost per unit ordered falls.") {
                try LotSizing.leastUnitCost(demand: $0, fixedCost: $1, holdingCost: $2, purchaseCost: $3)
            },
        ]
    }
}
