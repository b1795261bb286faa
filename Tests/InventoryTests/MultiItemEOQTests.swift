import Testing

@testable import Inventory

@Suite struct MultiItemEOQTests {
    let items = [
        MultiItemEOQ.Item(fixedCost: 100, holdingCost: 2, demandRate: 1000, usage: 10),
        MultiItemEOQ.Item(fixedCost: 50, holdingCost: 1, demandRate: 500, usage: 4),
        MultiItemEOQ.Item(fixedCost: 80, holdingCost: 3, demandRate: 2000, usage: 6),
    ]

    @Test func aSlackLimitLeavesThePlainEOQs() throws {
        let s = try MultiItemEOQ.solve(items, limit: 1e9)
        #expect(s.multiplier == 0)
        for (item, q) in zip(items, s.orderQuantities) {
            #expect(abs(q - (2 * item.fixedCost * item.demandRate / item.holdingCost).squareRoot()) < 1e-9)
        }
    }

    @Test func aBindingLimitIsMetExactlyAndNoFeasiblePointIsCheaper() throws {
        let s = try MultiItemEOQ.solve(items, limit: 3000)
        #expect(s.multiplier > 0)
        #expect(abs(s.resourceUsed - 3000) < 1e-6)
        // Any feasible shift of the resource between two items costs more (KKT optimality).
        func cost(_ q: [Double]) -> Double {
            zip(items, q).reduce(0) { $0 + $1.0.fixedCost * $1.0.demandRate / $1.1 + $1.0.holdingCost * $1.1 / 2 }
        }
        for (i, j) in [(0, 1), (1, 2), (0, 2)] {
            for delta in [-5.0, -1, 1, 5] {
                var q = s.orderQuantities
                q[i] += delta / items[i].usage
                q[j] -= delta / items[j].usage
                #expect(cost(q) >= s.cost - 1e-9)
            }
        }
    }

    @Test func badItemsAreNamed() {
        #expect(throws: InventoryError.self) { try MultiItemEOQ.solve([], limit: 1) }
        do {
            _ = try MultiItemEOQ.solve(
                [MultiItemEOQ.Item(fixedCost: 1, holdingCost: 0, demandRate: 1, usage: 1)], limit: 1)
        } catch {
            #expect(error.message == "item 1: holding_cost must be a positive number, got 0.0")
        }
    }
}
