import AlmanacCore
import Foundation
import TestSupport
import Testing

@testable import Inventory

/// Clark–Scarf serial base-stock levels against stockpyl 1.0.2
/// (`ssm_serial` in Tests/References/stockpyl_reference.json) and against facts
/// that hold whatever the discretisation.
@Suite struct ClarkScarfTests {
    static var entries: [[String: Any]] { StockpylReferenceTests.entries("ssm_serial") }

    func number(_ any: Any?) -> Double { (any as? NSNumber)?.doubleValue ?? .nan }

    /// stockpyl's lists run from node N down to node 1; SerialSystem's from stage 1 up.
    func system(_ args: [String: Any]) throws -> SerialSystem {
        let h = (args["echelon_holding_cost"] as? [NSNumber] ?? []).map(\.doubleValue)
        let l = (args["lead_time"] as? [NSNumber] ?? []).map(\.doubleValue)
        return try SerialSystem(
            echelonHoldingCost: h.reversed(), leadTime: l.reversed(), stockoutCost: number(args["stockout_cost"]),
            demand: .normal(mean: number(args["demand_mean"]), sd: number(args["demand_standard_deviation"])))
    }

    func grid(_ args: [String: Any]) -> StockpylGrid {
        var g = StockpylGrid()
        if let x = args["x_num"] as? Int { g.xNum = x }
        if let d = args["d_num"] as? Int { g.dNum = d }
        if args["ltd_lower_tail_prob"] != nil {
            g.lowerTail = number(args["ltd_lower_tail_prob"])
            g.upperTail = number(args["ltd_upper_tail_prob"])
            g.sumLowerTail = number(args["sum_ltd_lower_tail_prob"])
            g.sumUpperTail = number(args["sum_ltd_upper_tail_prob"])
        }
        return g
    }

    var optimisations: [[String: Any]] {
        Self.entries.filter { ($0["function"] as? String)?.hasSuffix("optimize_base_stock_levels") == true }
    }

    @Test func theReferencesAreThere() {
        #expect(optimisations.count == 5)
    }

    /// On stockpyl's own grid every S* is the same grid point and C* agrees to 1e-10
    /// relative: the arithmetic is the same up to the normal CDF and quantile (which
    /// agree with scipy's to about 1e-15), so only rounding separates the sums.
    @Test func stockpylsGridReproducesItsResults() throws {
        for entry in optimisations {
            let args = entry["args"] as? [String: Any] ?? [:], result = entry["result"] as? [String: Any] ?? [:]
            let grid = entry["grid"] as? [String: Any] ?? [:]
            let solution = try ClarkScarf.optimize(try system(args), method: .stockpylGrid(self.grid(args)))
            let expected = result["S_star"] as? [String: Any] ?? [:]
            let lo = number(grid["x_lo"]), delta = number(grid["x_delta"])
            let indices = grid["S_star_index"] as? [String: Any] ?? [:]
            for (j, level) in solution.echelonBaseStock.enumerated() {
                let node = String(j + 1)
                #expect(
                    abs(level - number(expected[node])) <= 1e-9 * max(1, abs(level)),
                    "\(entry["source"] ?? "") S*_\(node)")
                #expect(((level - lo) / delta).rounded() == number(indices[node]), "grid index of S*_\(node)")
            }
            let cost = number(result["C_star"])
            #expect(
                abs(solution.cost - cost) <= 1e-10 * cost, "\(entry["source"] ?? ""): C* \(solution.cost) vs \(cost)")
        }
    }

    /// stockpyl's tests state these (tests/test_ssm_serial.py, x_num 100, d_num 10).
    @Test func example61OnTheTestsGrid() throws {
        let s = try SerialSystem(
            echelonHoldingCost: [3, 2, 2], leadTime: [1, 1, 2], stockoutCost: 37.12, demand: .normal(mean: 5, sd: 1))
        // The tests cut the sum-of-lead-times demand at 1 − Φ(8) above (6.7e-16 in doubles).
        let grid = StockpylGrid(xNum: 100, dNum: 10, sumUpperTail: 1 - SpecialFunctions.normalCDF(8))
        let r = try ClarkScarf.optimize(s, method: .stockpylGrid(grid))
        #expect(abs(r.cost - 47.77466134840843) < 1e-9)
        #expect(abs(r.echelonBaseStock[0] - 6.599662958019763) < 1e-9)
        #expect(abs(r.echelonBaseStock[1] - 11.99662958019757) < 1e-9)
        #expect(abs(r.echelonBaseStock[2] - 22.790562824553184) < 1e-9)
    }
}

/// Facts that hold whatever the grid: one stage is the newsvendor, the fine
/// grid converges at O(δ²), and the local levels undo the echelon ones.
@Suite struct ClarkScarfPropertyTests {
    /// One stage with lead time L is the newsvendor on N(μL, σ²L) with h = h_1:
    /// S* = the p/(p + h) quantile and C* = h·n̄(S*) + p·n(S*). At 64 points per
    /// sd the fine grid's error is O(δ²) ≈ 1e-4·σ, so 1e-4 relative is a bound with room.
    @Test func oneStageIsTheNewsvendor() throws {
        for (h, p, l, mean, sd) in [(2.0, 20.0, 3.0, 10.0, 2.0), (1, 4, 1, 100, 30), (0.5, 9.5, 0.5, 64, 8)] {
            let system = try SerialSystem(
                echelonHoldingCost: [h], leadTime: [l], stockoutCost: p, demand: .normal(mean: mean, sd: sd))
            let nv = try Newsvendor(
                holdingCost: h, stockoutCost: p, demand: .normal(mean: mean * l, sd: sd * l.squareRoot()))
            let exact = nv.evaluate(nv.optimalOrder)
            let r = try ClarkScarf.optimize(system)
            #expect(abs(r.cost - exact.cost) <= 1e-4 * exact.cost, "C* \(r.cost) vs \(exact.cost)")
            #expect(
                abs(r.echelonBaseStock[0] - nv.optimalOrder) <= 1e-3 * sd,
                "S* \(r.echelonBaseStock[0]) vs \(nv.optimalOrder)")
        }
    }

    /// With poisson demand the sums are exact: one stage gives the discrete
    /// newsvendor's whole-number S* and its cost to rounding.
    @Test func oneStagePoissonIsTheDiscreteNewsvendor() throws {
        for (h, p, l, mean) in [(1.0, 9.0, 2.0, 6.0), (2, 5, 1, 20), (1, 30, 4, 3)] {
            let system = try SerialSystem(
                echelonHoldingCost: [h], leadTime: [l], stockoutCost: p, demand: .poisson(mean: mean))
            let nv = try Newsvendor(holdingCost: h, stockoutCost: p, demand: .poisson(mean: mean * l))
            let r = try ClarkScarf.optimize(system)
            #expect(r.echelonBaseStock[0] == nv.optimalOrder)
            #expect(abs(r.cost - nv.evaluate(nv.optimalOrder).cost) <= 1e-10 * r.cost)
        }
    }

    /// Halving δ cuts the error by about 4: the C* differences between 32, 64 and
    /// 128 points per sd shrink by a factor between 3 and 5.
    @Test func theFineGridConvergesQuadratically() throws {
        let system = try SerialSystem(
            echelonHoldingCost: [3, 2, 2], leadTime: [1, 1, 2], stockoutCost: 37.12, demand: .normal(mean: 5, sd: 1))
        let costs = try [32, 64, 128].map { try ClarkScarf.optimize(system, method: .fine(pointsPerSD: $0)).cost }
        let ratio = (costs[0] - costs[1]) / (costs[1] - costs[2])
        #expect(ratio > 3 && ratio < 5, "\(costs)")
        // Richardson's limit from 64 and 128; stockpyl's x_num = 2000 grid is within 3e-4 of it.
        let limit = costs[2] + (costs[2] - costs[1]) / 3
        #expect(abs(limit - 47.66015) < 2e-5, "\(limit)")
        #expect(abs(costs[1] - limit) < 2e-4)
        #expect(abs(47.66027298221698 - limit) < 3e-4)
    }

    /// Zero lead time upstream: stage 2 restores any level at once, so the system is one
    /// stage whose holding cost is the local h'_1 = h_1 + h_2, plus h_2 on the μL_1 in transit:
    /// S*_2 = that stage's S*, S*_1 is cut to it, and C* = its C* + h_2·μ·L_1.
    @Test func anUpstreamStageWithoutLeadTimeFoldsIntoStageOne() throws {
        let one = try ClarkScarf.optimize(
            SerialSystem(echelonHoldingCost: [4], leadTime: [2], stockoutCost: 30, demand: .normal(mean: 10, sd: 3)))
        let two = try ClarkScarf.optimize(
            SerialSystem(
                echelonHoldingCost: [3, 1], leadTime: [2, 0], stockoutCost: 30, demand: .normal(mean: 10, sd: 3)))
        #expect(abs(two.echelonBaseStock[1] - one.echelonBaseStock[0]) < 1e-3)
        #expect(abs(two.localBaseStock[0] - one.echelonBaseStock[0]) < 1e-3 && abs(two.localBaseStock[1]) < 1e-3)
        #expect(abs(two.cost - (one.cost + 1 * 10 * 2)) < 1e-5 * two.cost, "\(two.cost) vs \(one.cost) + 20")
    }

    @Test func localLevelsAreDifferencesOfReachableEchelonLevels() {
        let s = SerialBaseStockSolution(echelonBaseStock: [6, 12, 10, 25], stageCost: [1, 2, 3, 4])
        #expect(s.localBaseStock == [6, 4, 0, 15])
        #expect(s.cost == 4)
    }

    @Test func badInputIsRefusedWithItsName() {
        func message(_ f: () throws -> Void) -> String {
            do { try f(); return "" } catch { return (error as? InventoryError)?.message ?? "\(error)" }
        }
        #expect(
            message {
                _ = try SerialSystem(
                    echelonHoldingCost: [1, 2], leadTime: [1], stockoutCost: 5, demand: .normal(mean: 5, sd: 1))
            }
            .contains("lead_time has 1 values"))
        #expect(
            message {
                _ = try SerialSystem(
                    echelonHoldingCost: [1, -2], leadTime: [1, 1], stockoutCost: 5, demand: .normal(mean: 5, sd: 1))
            }
            .contains("echelon_holding_cost of stage 2"))
        #expect(
            message {
                _ = try SerialSystem(
                    echelonHoldingCost: [1], leadTime: [.nan], stockoutCost: 5, demand: .normal(mean: 5, sd: 1))
            }
            .contains("lead_time of stage 1"))
        #expect(
            message {
                _ = try SerialSystem(
                    echelonHoldingCost: [1], leadTime: [1.5], stockoutCost: 5, demand: .poisson(mean: 5))
            }
            .contains("whole number"))
        #expect(
            message {
                _ = try SerialSystem(
                    echelonHoldingCost: [1], leadTime: [1], stockoutCost: 5, demand: .gamma(shape: 2, scale: 1))
            }
            .contains("normal or poisson"))
    }
}
