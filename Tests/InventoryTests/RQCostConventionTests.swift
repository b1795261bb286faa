import Testing

@testable import Inventory

/// The (r, Q) model's two cost conventions: Snyder & Shen's exact C(r, Q) charges p per unit
/// backordered per unit time; the EIL approximation (Nahmias) charges p once per unit short.
@Suite struct RQCostConventionTests {
    /// Nahmias, Production and Operations Analysis, Example 5.4 (Harvey's Specialty Shop):
    /// λ = 200 jars a year, K = $50, h = $2 a jar-year, p = $25 a jar short, lead time six
    /// months with lead-time demand N(100, 25²), so σ a year is 25/√0.5. The book, reading z
    /// from a table, gets Q = 110 and R = 143.
    static func harvey() throws -> RQModel {
        try RQModel(
            holdingCost: 2, stockoutCost: 25, fixedCost: 50, demandMean: 200, demandSD: 25 / 0.5.squareRoot(),
            leadTime: 0.5)
    }

    /// Reference values from stockpyl 1.0.2 (numpy 1.26.4, scipy 1.14.1), in a virtualenv:
    ///     from stockpyl import rq; import math
    ///     a = dict(holding_cost=2, stockout_cost=25, fixed_cost=50, demand_mean=200,
    ///              demand_sd=25/math.sqrt(0.5), lead_time=0.5)
    ///     rq.r_q_eil_approximation(**a)  # (142.56819900691266, 110.77373745634385, 306.683872926513)
    ///     rq.r_q_cost(reorder_point=142.56819900691266, order_quantity=110.77373745634385, **a)  # 287.20313282778073
    /// stockpyl stops iterating at an absolute change of 1e-6, hence the tolerance.
    @Test func eilOnHarveysMustardMatchesStockpylAndNahmias() throws {
        let m = try Self.harvey()
        let (r, q) = try m.expectedInventoryLevelApproximation()
        #expect(abs(r - 142.56819900691266) < 1e-6 && abs(q - 110.77373745634385) < 1e-6, "r = \(r), Q = \(q)")
        #expect(r.rounded() == 143 && q.rounded() == 111)  // Nahmias: R = 143, Q = 110 from rounded table values
        #expect(abs(try m.expectedInventoryLevelCost(reorderPoint: r, orderQuantity: q) - 306.683872926513) < 1e-6)
        #expect(abs(try m.cost(reorderPoint: r, orderQuantity: q) - 287.20313282778073) < 1e-6)
    }

    @Test func theEILCostIsWhatTheIterationMinimises() throws {
        // The EIL fixed point is a stationary point of its own cost: moving r or Q costs more there.
        let m = try Self.harvey()
        let (r, q) = try m.expectedInventoryLevelApproximation()
        let best = try m.expectedInventoryLevelCost(reorderPoint: r, orderQuantity: q)
        for (dr, dq) in [(1.0, 0.0), (-1, 0), (0, 1), (0, -1), (1, 1), (-1, -1)] {
            #expect(try m.expectedInventoryLevelCost(reorderPoint: r + dr, orderQuantity: q + dq) > best)
        }
    }
}
