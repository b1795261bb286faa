import Foundation
import LuaBridge
import Testing

@testable import Workbench

/// inventory.eoq{ order_quantity = Q }: the cost of a Q other than Q*, and the ratio ½(Q/Q* + Q*/Q)
/// (Snyder & Shen eq. 3.9), exact in floating point up to 1e-12.
@Suite struct EOQSensitivityLuaTests {
    @Test func costRatioIsTheTextbookFormula() throws {
        let host = try makeHost()
        for q in [100.0, 304.0467800264368, 400, 1200] {
            let r = try run(
                host,
                "local s = inventory.eoq{ fixed_cost = 8, holding_cost = 0.225, demand_rate = 1300, order_quantity = \(q) }; return s.cost_at_q, s.cost_ratio, s.order_quantity"
            )
            let qStar = r[2].doubleValue ?? 0
            #expect(abs((r[0].doubleValue ?? 0) - (8 * 1300 / q + 0.225 * q / 2)) < 1e-9)
            #expect(abs((r[1].doubleValue ?? 0) - 0.5 * (q / qStar + qStar / q)) < 1e-12)
        }
        // With planned backorders the ratio has the same form in Q/Q* (the backorder share stays h/(h+p)).
        let b = try run(
            host,
            "local s = inventory.eoq{ fixed_cost = 8, holding_cost = 0.225, demand_rate = 1300, stockout_cost = 5, order_quantity = 400 }; return s.cost_ratio, s.order_quantity"
        )
        let qb = b[1].doubleValue ?? 0
        #expect(abs((b[0].doubleValue ?? 0) - 0.5 * (400 / qb + qb / 400)) < 1e-12)
        #expect(
            errorMessage(
                host, "inventory.eoq{ fixed_cost = 8, holding_cost = 0.225, demand_rate = 1300, order_quantity = -1 }"
            ).contains("order_quantity"))
    }
}
