import Foundation
import LuaBridge
import Testing

@testable import Workbench

/// plot.cost_curve names its axes and its optimum after the cost's decision, and takes
/// the caller's words instead when given.
@Suite(
    .enabled(
        if: FileManager.default.isExecutableFile(atPath: "/usr/bin/gnuplot")
            || ProcessInfo.processInfo.environment["ALMANAC_GNUPLOT"] != nil))
struct CostCurveLabelTests {
    /// The gnuplot program of a cost curve drawn by `call` (Lua, with `c` bound below).
    func program(_ call: String) throws -> String {
        let host = try makeHost()
        let result = try run(
            host,
            """
            local eoq = almanac.cost("eoq_cost", { fixed_cost = 8, holding_cost = 0.225, demand_rate = 1300 })
            local service = almanac.cost("service_penalty_cost", { holding_cost = 2, lead_time_demand = dist.normal(400, 40), target = 0.95 })
            return (\(call)):gnuplot()
            """)
        guard case .string(let text)? = result.first else { return "" }
        return text
    }

    @Test func anOrderQuantityCostIsLabelledQ() throws {
        let gp = try program("plot.cost_curve(eoq, 50, 1200, { optimum = 304.0467800264368, out = 'eoq_curve.svg' })")
        #expect(gp.contains("set xlabel 'order quantity Q'") && gp.contains("set ylabel 'cost'"))
        let label = gp.split(separator: "\n").first { $0.hasPrefix("set label 'Q* = 304, cost 68.41' at first 304.04") }
        #expect(label?.hasSuffix(" front offset 0.5,1") == true && label?.contains("right") == false, "\(gp)")
    }

    @Test func aReorderPointCostIsLabelledR() throws {
        let gp = try program("plot.cost_curve(service, 380, 520, { optimum = 465.8, out = 'service_curve.svg' })")
        #expect(gp.contains("set xlabel 'reorder point r'"))
        #expect(gp.contains("set label 'r* = 465.8, cost "), "\(gp)")
        #expect(!gp.contains("Q*"))
    }

    @Test func aLuaFunctionDeclaresNoDecision() throws {
        let gp = try program(
            "plot.cost_curve(function(a) return (a - 0.9)^2 end, 0.5, 1, { optimum = 0.9, out = 'plain.svg' })")
        #expect(gp.contains("set xlabel 'decision'") && gp.contains("set label 'optimum = 0.9, cost 0'"), "\(gp)")
    }

    @Test func theCallersWordsWin() throws {
        let gp = try program(
            """
            plot.cost_curve(function(a) return (a - 0.9)^2 end, 0.5, 1, { optimum = 0.9, out = 'worded.svg',
              xlabel = 'cycle service level α', ylabel = 'cost per year', optimum_label = 'α* = 0.90' })
            """)
        #expect(gp.contains("set xlabel 'cycle service level α'") && gp.contains("set ylabel 'cost per year'"))
        #expect(gp.contains("set label 'α* = 0.90'") && !gp.contains("optimum ="), "\(gp)")
        // Near the right end of the range the label goes left of the point, inside the plot.
        #expect(gp.contains("right front offset -0.5,1"))
    }

    @Test func aCostOfTwoDecisionsIsRefused() throws {
        let host = try makeHost()
        let message = errorMessage(
            host,
            """
            local c = almanac.cost("eoq_backorder_cost", { fixed_cost = 8, holding_cost = 0.225, stockout_cost = 5, demand_rate = 1300 })
            plot.cost_curve(c, 50, 1200)
            """)
        #expect(
            message.contains(
                "plot.cost_curve: eoq_backorder_cost has 2 decision variables (order_quantity, backorder_fraction)"),
            "\(message)")
    }

    @Test func theWordsFollowKnownDecisionNames() {
        let reorder = CostCurveWording.labels(decision: "reorder_point", xLabel: nil, yLabel: nil, optimumLabel: nil)
        #expect(reorder.x == "reorder point r" && reorder.optimumName == "r*" && reorder.y == "cost")
        let other = CostCurveWording.labels(decision: "unit_price", xLabel: nil, yLabel: nil, optimumLabel: nil)
        #expect(other.x == "unit price" && other.optimumName == "best unit price")
        // An axis label ending in a symbol renames the optimum to match it.
        let newsvendor = CostCurveWording.labels(
            decision: "order_quantity", xLabel: "order quantity S", yLabel: nil, optimumLabel: nil)
        #expect(newsvendor.x == "order quantity S" && newsvendor.optimumName == "S*")
        let service = CostCurveWording.labels(
            decision: nil, xLabel: "cycle service level α", yLabel: "cost per year", optimumLabel: nil)
        #expect(service.optimumName == "α*" && service.y == "cost per year")
        #expect(
            CostCurveWording.labels(decision: nil, xLabel: "weeks of cover", yLabel: nil, optimumLabel: nil).optimumName
                == "optimum")
    }
}
