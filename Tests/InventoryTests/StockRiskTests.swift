import Inventory
import Testing

/// inventory.risk's arithmetic on scenarios small enough to check by hand.
@Suite struct StockRiskTests {
    /// Four equally likely paths of 3 periods; on hand 10, on order 2, lead time 2, horizon 3.
    /// Lead-time demand: 5, 9, 13, 20 → stock-outs in 2 of 4 (13 > 12, 20 > 12), shortages 1 and 8 → E = 9/4.
    /// Horizon demand: 7, 12, 18, 30 → leftovers 5, 0, 0, 0 → E = 5/4.
    /// Mean path 4.25, 7.5, 5: after two periods 11.75 is used, so 12 units last 2 + 0.25/5 = 2.05 periods.
    @Test func handChecked() throws {
        let paths = try DemandScenarios(horizon: 3, count: 4, values: [2, 3, 2, 4, 5, 3, 6, 7, 5, 5, 15, 10])
        let r = try StockRiskAnalysis.assess(
            StockPosition(key: "a", onHand: 10, onOrder: 2, unitCost: 4), demand: paths, leadTime: 2, horizon: 3)
        #expect(r.stockoutProbability == 0.5)
        #expect(abs(r.expectedShortage - 9.0 / 4) < 1e-12)
        #expect(abs(r.expectedExcess - 5.0 / 4) < 1e-12)
        #expect(abs(r.periodsOfCover - 2.05) < 1e-12)
        #expect(abs(r.exposure - 9.0) < 1e-12 && abs(r.excessValue - 5.0) < 1e-12)
    }

    @Test func negativeDrawsAreNoDemandAndCoverCanRunPastTheScenarios() throws {
        let paths = try DemandScenarios(horizon: 2, count: 2, values: [-3, 1, 1, 1])
        let r = try StockRiskAnalysis.assess(
            StockPosition(key: "b", onHand: 100), demand: paths, leadTime: 1, horizon: 2)
        #expect(r.stockoutProbability == 0 && r.expectedShortage == 0)
        #expect(r.periodsOfCover == .infinity)
        #expect(r.expectedExcess == 100 - 1.5)
    }

    @Test func sortedByExposureThenKey() throws {
        let paths = try DemandScenarios(horizon: 1, count: 1, values: [10])
        let risks = try ["c", "a", "b"].enumerated().map { i, key in
            try StockRiskAnalysis.assess(
                StockPosition(key: key, onHand: i == 0 ? 0 : 5), demand: paths, leadTime: 1, horizon: 1)
        }
        #expect(StockRiskAnalysis.sorted(risks).map(\.key) == ["c", "a", "b"])
    }

    @Test func badInputSaysWhatIsWrong() throws {
        let paths = try DemandScenarios(horizon: 2, count: 1, values: [1, 1])
        let short = #expect(throws: InventoryError.self) {
            try StockRiskAnalysis.assess(StockPosition(key: "x", onHand: 1), demand: paths, leadTime: 2, horizon: 4)
        }
        #expect(
            short?.message
                == "risk for 'x': the demand scenarios cover 2 periods but the lead time is 2 and the horizon 4")
        let negative = #expect(throws: InventoryError.self) {
            try StockRiskAnalysis.assess(StockPosition(key: "x", onHand: -1), demand: paths, leadTime: 1, horizon: 1)
        }
        #expect(negative?.message == "risk for 'x': on_hand must be a number ≥ 0, got -1.0")
        #expect(throws: InventoryError.self) { try DemandScenarios(horizon: 2, count: 2, values: [1, 2, 3]) }
        #expect(throws: InventoryError.self) { try DemandScenarios(horizon: 1, count: 1, values: [.nan]) }
    }
}
