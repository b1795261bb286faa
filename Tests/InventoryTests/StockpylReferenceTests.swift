import Foundation
import TestSupport
import Testing

@testable import Inventory

/// Every stockpyl 1.0.2 value in Tests/References/stockpyl_reference.json
/// (made by stockpyl_reference.py; numpy 1.26.4, scipy 1.14.1) against Almanac.
/// Tolerance 1e-9 relative for closed forms and sums; 1e-6 where stockpyl
/// integrates numerically (newsvendor_continuous).
@Suite struct StockpylReferenceTests {
    nonisolated(unsafe) static let reference: [String: Any] = {  // read-only after load
        let url = URL(fileURLWithPath: repositoryRoot + "/Tests/References/stockpyl_reference.json")
        guard let data = try? Data(contentsOf: url),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return [:] }
        return object
    }()

    static func entries(_ section: String) -> [[String: Any]] { reference[section] as? [[String: Any]] ?? [] }

    func number(_ dict: [String: Any], _ key: String) -> Double { (dict[key] as? NSNumber)?.doubleValue ?? .nan }
    func numbers(_ dict: [String: Any], _ key: String) -> [Double] {
        (dict[key] as? [NSNumber])?.map(\.doubleValue) ?? []
    }

    func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
        abs(a - b) <= tolerance * max(1, abs(b))
    }

    @Test func theReferenceFileIsThere() {
        #expect((Self.reference["versions"] as? [String: Any])?["stockpyl"] as? String == "1.0.2")
        #expect(Self.entries("eoq").count > 10 && Self.entries("loss_functions").count > 50)
    }

    @Test func eoqFamily() throws {
        for entry in Self.entries("eoq") {
            let f = entry["function"] as? String ?? "", a = entry["args"] as? [String: Any] ?? [:],
                r = entry["result"] as? [String: Any] ?? [:]
            switch f {
            case "stockpyl.eoq.economic_order_quantity":
                let m = try EOQ(
                    fixedCost: number(a, "fixed_cost"), holdingCost: number(a, "holding_cost"),
                    demandRate: number(a, "demand_rate"))
                if a["order_quantity"] != nil {  // the cost of a given Q
                    #expect(close(try m.cost(orderQuantity: number(a, "order_quantity")).total, number(r, "cost")))
                    continue
                }
                #expect(
                    close(m.orderQuantity, number(r, "order_quantity")) && close(m.optimalCost, number(r, "cost")),
                    "\(a)")
            case "stockpyl.eoq.economic_order_quantity_with_backorders":
                let m = try EOQWithBackorders(
                    fixedCost: number(a, "fixed_cost"), holdingCost: number(a, "holding_cost"),
                    stockoutCost: number(a, "stockout_cost"), demandRate: number(a, "demand_rate"))
                if a["order_quantity"] != nil {  // the cost of a given (Q, x)
                    let c = try m.cost(
                        orderQuantity: number(a, "order_quantity"), stockoutFraction: number(a, "stockout_fraction"))
                    #expect(close(c, number(r, "cost")))
                    continue
                }
                #expect(close(m.orderQuantity, number(r, "order_quantity")) && close(m.optimalCost, number(r, "cost")))
                #expect(close(m.stockoutFraction, number(r, "stockout_fraction")))
            case "stockpyl.eoq.economic_production_quantity":
                let m = try EPQ(
                    fixedCost: number(a, "fixed_cost"), holdingCost: number(a, "holding_cost"),
                    demandRate: number(a, "demand_rate"), productionRate: number(a, "production_rate"))
                #expect(close(m.orderQuantity, number(r, "order_quantity")) && close(m.optimalCost, number(r, "cost")))
            case "stockpyl.eoq.economic_order_quantity_with_all_units_discounts",
                "stockpyl.eoq.economic_order_quantity_with_incremental_discounts":
                let m = try QuantityDiscountEOQ(
                    fixedCost: number(a, "fixed_cost"), holdingCostRate: number(a, "holding_cost_rate"),
                    demandRate: number(a, "demand_rate"), breakpoints: numbers(a, "breakpoints"),
                    unitCosts: numbers(a, "unit_costs"),
                    kind: f.hasSuffix("all_units_discounts") ? .allUnits : .incremental)
                let best = m.optimize()
                #expect(
                    close(best.orderQuantity, number(r, "order_quantity")) && close(best.cost, number(r, "cost")),
                    "\(f) \(a)")
                #expect(best.region == Int(number(r, "region")) + 1)  // stockpyl counts regions from 0
            default:
                Issue.record("unhandled \(f)")
            }
        }
    }

    @Test func newsvendorAndBaseStock() throws {
        for entry in Self.entries("newsvendor") {
            let f = entry["function"] as? String ?? "", a = entry["args"] as? [String: Any] ?? [:],
                r = entry["result"] as? [String: Any] ?? [:]
            let h = number(a, "holding_cost"), p = number(a, "stockout_cost")
            let lead = a["lead_time"].map { _ in Int(number(a, "lead_time")) } ?? 0
            switch f {
            case "stockpyl.newsvendor.newsvendor_normal", "stockpyl.newsvendor.newsvendor_normal_cost":
                let bs = try BaseStock(
                    holdingCost: h, stockoutCost: p,
                    demand: .normal(mean: number(a, "demand_mean"), sd: number(a, "demand_sd")), leadTime: lead)
                let s = f.hasSuffix("_cost") ? number(a, "base_stock_level") : bs.newsvendor.optimalOrder
                if !f.hasSuffix("_cost") { #expect(close(s, number(r, "base_stock_level")), "\(a)") }
                #expect(close(bs.newsvendor.evaluate(s).cost, number(r, "cost")), "\(f) \(a)")
            case "stockpyl.newsvendor.newsvendor_poisson", "stockpyl.newsvendor.newsvendor_poisson_cost":
                let nv = try Newsvendor(
                    holdingCost: h, stockoutCost: p, demand: .poisson(mean: number(a, "demand_mean")))
                let s = f.hasSuffix("_cost") ? number(a, "base_stock_level") : nv.optimalOrder
                if !f.hasSuffix("_cost") { #expect(s == number(r, "base_stock_level")) }
                #expect(close(nv.evaluate(s).cost, number(r, "cost")), "\(f) \(a)")
            case "stockpyl.newsvendor.newsvendor_continuous", "stockpyl.newsvendor.newsvendor_discrete":
                let d: Distribution
                if let spec = a["demand_distrib"] as? [String: Any], let parsed = scipyDistribution(spec) {
                    d = parsed
                } else if let pmf = a["demand_pmf"] as? [String: NSNumber] {
                    // A pmf in multiples of 0.05 is an empirical distribution of 20 equally likely values.
                    d = .empirical(
                        pmf.flatMap { value, p in
                            [Double](repeating: Double(value) ?? .nan, count: Int((p.doubleValue * 20).rounded()))
                        }.sorted())
                } else {
                    Issue.record("unreadable distribution in \(a)"); continue
                }
                let nv = try Newsvendor(holdingCost: h, stockoutCost: p, demand: d)
                let tolerance = f.hasSuffix("continuous") ? 1e-6 : 1e-9  // stockpyl integrates numerically
                let s = a["base_stock_level"] != nil ? number(a, "base_stock_level") : nv.optimalOrder
                if a["base_stock_level"] == nil { #expect(close(s, number(r, "base_stock_level"), tolerance), "\(d)") }
                #expect(close(nv.evaluate(s).cost, number(r, "cost"), tolerance), "\(d)")
            default:
                Issue.record("unhandled \(f)")
            }
        }
    }

    /// scipy.stats names and keywords → Almanac's distributions (loc must be 0).
    func scipyDistribution(_ spec: [String: Any]) -> Distribution? {
        let name = spec["scipy.stats"] as? String ?? ""
        let k = spec["kwds"] as? [String: Any] ?? [:]
        if name != "norm", let loc = k["loc"] as? NSNumber, loc.doubleValue != 0 { return nil }
        switch name {
        case "norm": return .normal(mean: number(k, "loc"), sd: number(k, "scale"))
        case "lognorm": return .lognormal(meanlog: log(number(k, "scale")), sdlog: number(k, "s"))
        case "gamma": return .gamma(shape: number(k, "a"), scale: number(k, "scale"))
        case "poisson": return .poisson(mean: number(k, "mu"))
        case "nbinom": return .negativeBinomial(size: number(k, "n"), probability: number(k, "p"))
        default: return nil
        }
    }

    @Test func lossFunctions() throws {
        for entry in Self.entries("loss_functions") {
            let f = (entry["function"] as? String ?? "").replacingOccurrences(of: "stockpyl.loss_functions.", with: "")
            let a = entry["args"] as? [String: Any] ?? [:], r = entry["result"] as? [String: Any] ?? [:]
            let second = f.contains("second")
            let keys = second ? ("n2", "n2_bar") : ("n", "n_bar")
            let d: Distribution
            switch f.replacingOccurrences(of: "_second", with: "") {
            case "standard_normal_loss":
                let z = number(a, "z")
                let value = second ? Distribution.standardNormalSecondLoss(z) : Distribution.standardNormalLoss(z)
                #expect(close(value, number(r, second ? "L2" : "L")), "\(f)(\(z))")
                let (_, bar) =
                    second
                    ? Distribution.normal(mean: 0, sd: 1).secondLoss(z) : Distribution.normal(mean: 0, sd: 1).loss(z)
                #expect(abs(bar - number(r, second ? "L2_bar" : "L_bar")) < 1e-12, "\(f)(\(z)) bar")
                continue
            case "normal_loss": d = .normal(mean: number(a, "mean"), sd: number(a, "sd"))
            case "poisson_loss": d = .poisson(mean: number(a, "mean"))
            case "gamma_loss": d = .gamma(shape: number(a, "a"), scale: number(a, "b"))
            case "lognormal_loss": d = .lognormal(meanlog: number(a, "mu"), sdlog: number(a, "sigma"))
            case "negative_binomial_loss":
                d =
                    a["r"] != nil
                    ? .negativeBinomial(size: number(a, "r"), probability: number(a, "p"))
                    : try Distribution.negativeBinomial(mean: number(a, "mean"), sd: number(a, "sd"))
            default:
                Issue.record("unhandled \(f)")
                continue
            }
            let x = number(a, "x")
            let (n, nBar) = second ? d.secondLoss(x) : d.loss(x)
            // Absolute tolerance scaled to the distribution: values near 0 are rounding noise in both tools.
            let scale = second ? max(1, d.variance) : max(1, d.mean)
            #expect(abs(n - number(r, keys.0)) < 1e-9 * scale, "\(f)(\(x)) of \(d)")
            #expect(abs(nBar - number(r, keys.1)) < 1e-9 * scale, "\(f)(\(x)) bar of \(d)")
        }
    }

    @Test func zhengFedergruenSS() throws {
        for entry in Self.entries("ss") {
            let f = entry["function"] as? String ?? "", a = entry["args"] as? [String: Any] ?? [:],
                r = entry["result"] as? [String: Any] ?? [:]
            guard f == "stockpyl.ss.s_s_discrete_exact" else { continue }
            let policy = try ZhengFedergruen.optimize(
                holdingCost: number(a, "holding_cost"), stockoutCost: number(a, "stockout_cost"),
                fixedCost: number(a, "fixed_cost"), demand: .poisson(mean: number(a, "demand_mean")))
            #expect(
                Double(policy.reorderPoint) == number(r, "reorder_point")
                    && Double(policy.orderUpToLevel) == number(r, "order_up_to_level"), "\(a)")
            #expect(close(policy.cost, number(r, "cost")), "\(a)")
        }
    }

    @Test func rqPolicies() throws {
        for entry in Self.entries("rq") {
            let f = (entry["function"] as? String ?? "").replacingOccurrences(of: "stockpyl.rq.", with: "")
            let a = entry["args"] as? [String: Any] ?? [:], r = entry["result"] as? [String: Any] ?? [:]
            let poisson = f.contains("poisson")
            let m = try RQModel(
                holdingCost: number(a, "holding_cost"), stockoutCost: number(a, "stockout_cost"),
                fixedCost: a["fixed_cost"] == nil ? 1 : number(a, "fixed_cost"), demandMean: number(a, "demand_mean"),
                demandSD: poisson ? nil : number(a, "demand_sd"), leadTime: number(a, "lead_time"))
            switch f {
            case "r_q_cost", "r_q_cost_poisson":
                #expect(
                    close(
                        try m.cost(
                            reorderPoint: number(a, "reorder_point"), orderQuantity: number(a, "order_quantity")),
                        number(r, "cost")), "\(f) \(a)")
            case "r_q_optimal_r_for_q":
                #expect(
                    close(
                        try m.optimalReorderPoint(orderQuantity: number(a, "order_quantity")),
                        number(r, "reorder_point"), 1e-7), "\(a)")
            case "r_q_eoqss_approximation":
                let (rr, q) = m.eoqSafetyStockApproximation()
                #expect(close(rr, number(r, "reorder_point")) && close(q, number(r, "order_quantity")))
            case "r_q_loss_function_approximation":
                let (rr, q) = m.lossFunctionApproximation()
                #expect(
                    close(rr, number(r, "reorder_point"), 1e-7) && close(q, number(r, "order_quantity"), 1e-7),
                    "\(rr) \(q)")
            case "r_q_eil_approximation":
                let (rr, q) = try m.expectedInventoryLevelApproximation()
                #expect(
                    close(rr, number(r, "reorder_point"), 1e-7) && close(q, number(r, "order_quantity"), 1e-7),
                    "\(rr) \(q)")
                // stockpyl's cost is the EIL objective (p per unit short), not the exact C(r, Q).
                #expect(
                    close(try m.expectedInventoryLevelCost(reorderPoint: rr, orderQuantity: q), number(r, "cost"), 1e-7)
                )
            case "r_q_poisson_exact":
                let s = try m.optimize()
                #expect(
                    s.reorderPoint == number(r, "reorder_point") && s.orderQuantity == number(r, "order_quantity"),
                    "\(a) → \(s)")
                #expect(close(s.cost, number(r, "cost")))
            case "r_q_eoqb_approximation":
                let (rr, q) = try m.eoqWithBackordersApproximation()
                #expect(
                    close(rr, number(r, "reorder_point"), 1e-7) && close(q, number(r, "order_quantity")), "\(rr) \(q)")
            default:
                Issue.record("unhandled \(f)")
            }
        }
    }

    @Test func rqExactNormalOptimumBeatsTheApproximations() throws {
        let m = try RQModel(
            holdingCost: 0.225, stockoutCost: 7.5, fixedCost: 8, demandMean: 1300, demandSD: 150, leadTime: 1.0 / 12)
        let best = try m.optimize()
        for (r, q) in [
            m.eoqSafetyStockApproximation(), m.lossFunctionApproximation(), try m.expectedInventoryLevelApproximation(),
            try m.eoqWithBackordersApproximation(),
        ] {
            #expect(best.cost <= (try m.cost(reorderPoint: r, orderQuantity: q)) + 1e-12)
        }
        // A grid around the optimum finds nothing cheaper.
        for dq in stride(from: -20.0, through: 20, by: 2) {
            for dr in stride(from: -10.0, through: 10, by: 1) {
                #expect(
                    best.cost
                        <= (try m.cost(reorderPoint: best.reorderPoint + dr, orderQuantity: best.orderQuantity + dq))
                        + 1e-12)
            }
        }
        // stockpyl's loss-function approximation costs 78.071146; the exact optimum is no more (here: equal to 1e-14).
        #expect(best.cost <= 78.07114627035178 + 1e-9)
    }

    @Test func wagnerWhitin() throws {
        for entry in Self.entries("wagner_whitin") {
            let a = entry["args"] as? [String: Any] ?? [:], r = entry["result"] as? [String: Any] ?? [:]
            let h: [Double] = (a["holding_cost"] as? [NSNumber])?.map(\.doubleValue) ?? [number(a, "holding_cost")]
            let c: [Double] = a["purchase_cost"] != nil ? [number(a, "purchase_cost")] : [0]
            let plan = try LotSizing.wagnerWhitin(
                demand: numbers(a, "demand"), fixedCost: number(a, "fixed_cost"), holdingCost: h, purchaseCost: c)
            #expect(close(plan.cost, number(r, "cost")), "\(a)")
            // stockpyl's order quantities are indexed from 1 (element 0 unused).
            #expect(plan.orderQuantities == Array(numbers(r, "order_quantities").dropFirst()), "\(a)")
        }
    }
}
