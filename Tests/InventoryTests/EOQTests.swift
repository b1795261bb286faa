import Inventory
import Testing

/// Textbook values: Snyder & Shen, Fundamentals of Supply Chain Theory, Example 3.1
/// (K = 8, h = 0.225, λ = 1300), as stockpyl 1.0.2 computes them
/// (stockpyl.eoq.economic_order_quantity(8, 0.225, 1300) → (304.0467800264368, 68.41052550594829)),
/// recorded in shared/anchors.md. Tolerance 1e-9 relative: both are the same closed form.
@Suite struct EOQTests {
    @Test func textbookInstance() throws {
        let m = try EOQ(fixedCost: 8, holdingCost: 0.225, demandRate: 1300)
        #expect(abs(m.orderQuantity - 304.0467800264368) < 1e-9)
        #expect(abs(m.optimalCost - 68.41052550594829) < 1e-9)
        let c = try m.cost(orderQuantity: m.orderQuantity)
        #expect(abs(c.total - m.optimalCost) < 1e-9)
        #expect(abs(c.ordering - c.holding) < 1e-9)  // the two parts balance at Q*
    }

    // Planned backorders, same instance with p = 5; the closed form of Snyder & Shen §3.5:
    // x* = h/(h+p) = 0.043062200956937, Q* = √(2Kλ(h+p)/(hp)) = 310.8125551589..., g* = √(2Kλhp/(h+p)).
    @Test func plannedBackorders() throws {
        let m = try EOQWithBackorders(fixedCost: 8, holdingCost: 0.225, stockoutCost: 5, demandRate: 1300)
        #expect(abs(m.stockoutFraction - 0.043062200956937) < 1e-12)
        #expect(abs(m.orderQuantity - (2 * 8 * 1300 * 5.225 / (0.225 * 5)).squareRoot()) < 1e-9)
        let g = try m.cost(orderQuantity: m.orderQuantity, stockoutFraction: m.stockoutFraction)
        #expect(abs(g - m.optimalCost) < 1e-9)
        // Any other point costs more.
        #expect(try m.cost(orderQuantity: m.orderQuantity * 1.01, stockoutFraction: m.stockoutFraction) > g)
        #expect(try m.cost(orderQuantity: m.orderQuantity, stockoutFraction: 0) > g)
    }

    @Test func badInputIsRefusedWithTheParameterName() {
        #expect(throws: InventoryError.self) { try EOQ(fixedCost: 0, holdingCost: 1, demandRate: 1) }
        #expect(throws: InventoryError.self) { try EOQ(fixedCost: 1, holdingCost: -1, demandRate: 1) }
        #expect(throws: InventoryError.self) { try EOQ(fixedCost: 1, holdingCost: 1, demandRate: .nan) }
        do { _ = try EOQ(fixedCost: 1, holdingCost: 1, demandRate: -3) } catch {
            #expect(error.message == "demand_rate must be a positive number, got -3.0")
        }
    }
}
