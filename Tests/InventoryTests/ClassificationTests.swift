import Testing

@testable import Inventory

@Suite struct ClassificationTests {
    @Test func paretoSharesAndVariabilityMakeTheCells() throws {
        let steady: [Double] = [10, 11, 9, 10, 10, 10]  // CV ≈ 0.06: X
        let wobbly: [Double] = [2, 10, 4, 12, 3, 9]  // CV ≈ 0.6: Y
        let erratic: [Double] = [0, 0, 30, 0, 1, 0]  // CV ≈ 2.3: Z
        let items: [(key: String, value: Double, demand: [Double])] = [
            ("tiny", 1, steady), ("big", 70, steady), ("mid", 15, wobbly), ("small", 9, erratic),
            ("smaller", 5, steady),
        ]
        let r = try ABCXYZ.classify(items)
        #expect(r.map(\.key) == ["big", "mid", "small", "smaller", "tiny"])
        // Cumulative shares 0.70, 0.85, 0.94, 0.99, 1.00. An item is in A while the value ranked
        // above it is under 80% (so the top item is always A), in B while it is under 95%.
        #expect(r.map(\.abc) == ["A", "A", "B", "B", "C"])
        #expect(r.map(\.xyz) == ["X", "Y", "Z", "X", "X"])
        #expect(r.map(\.cell) == ["AX", "AY", "BZ", "BX", "CX"])
        #expect(r[0].serviceLevel == 0.98 && r[2].serviceLevel == 0.92)
        #expect(abs(r[1].cumulativeShare - 0.85) < 1e-12)
    }

    @Test func itemsWithoutDemandAreZAndMistakesAreNamed() throws {
        let r = try ABCXYZ.classify([("a", 5, [0, 0, 0]), ("b", 5, [1, 1])])
        #expect(r.map(\.key) == ["a", "b"])  // ties by key
        #expect(r[0].xyz == "Z" && r[0].coefficientOfVariation.isInfinite)
        #expect(throws: InventoryError.self) { try ABCXYZ.classify([]) }
        #expect(throws: InventoryError.self) { try ABCXYZ.classify([("a", -1, [1])]) }
        var t = ABCXYZ.Thresholds()
        t.a = 0.96
        #expect(throws: InventoryError.self) { try ABCXYZ.classify([("a", 1, [1])], thresholds: t) }
    }
}
