import Foundation
import LuaBridge
import Testing
@testable import Workbench

/// inventory.serial_base_stock from Lua: stockpyl's names and list order, and its errors.
@Suite struct SerialBaseStockLuaTests {
    static let example61 = "num_nodes = 3, echelon_holding_cost = { 2, 2, 3 }, lead_time = { 2, 1, 1 }, stockout_cost = 37.12, demand_mean = 5, demand_standard_deviation = 1"

    /// stockpyl's default grid gives its numbers (47.66539330753093; S*_1 = 6.484 is grid point 511).
    @Test func stockpylGridFromLua() throws {
        let host = try makeHost()
        let r = try run(host, "local r = inventory.serial_base_stock{ \(Self.example61), method = 'stockpyl_grid' }; return r.C_star, r.S_star[1], r.S_star[3], r.local_S_star[2]")
        #expect(abs((r[0].doubleValue ?? 0) - 47.66539330753093) < 1e-8)
        #expect(abs((r[1].doubleValue ?? 0) - 6.483999999999998) < 1e-9)
        #expect(abs((r[2].doubleValue ?? 0) - 22.72) < 1e-9)
        #expect(abs((r[3].doubleValue ?? 0) - (12.027999999999999 - 6.483999999999998)) < 1e-9)
    }

    /// One number for every node, as stockpyl allows; the default fine method.
    @Test func scalarsAndTheFineMethod() throws {
        let host = try makeHost()
        let r = try run(host, "local r = inventory.serial_base_stock{ num_nodes = 5, echelon_holding_cost = { 1, 1, 1, 2, 2 }, lead_time = 0.5, stockout_cost = 24, demand_mean = 64, demand_standard_deviation = 8 }; return r.C_star, #r.S_star, r.method")
        #expect(abs((r[0].doubleValue ?? 0) - 451.6107) < 1e-3)
        #expect(r[1].doubleValue == 5 && r[2] == .string("fine"))
    }

    @Test func errorsSayWhatIsWrong() throws {
        let host = try makeHost()
        let cases: [(String, String)] = [
            ("num_nodes = 3, echelon_holding_cost = { 2, 3 }, lead_time = { 2, 1, 1 }, stockout_cost = 37.12, demand_mean = 5, demand_standard_deviation = 1",
             "'echelon_holding_cost' has 2 values but num_nodes is 3"),
            ("num_nodes = 3, echelon_holding_cost = { 2, -2, 3 }, lead_time = { 2, 1, 1 }, stockout_cost = 37.12, demand_mean = 5, demand_standard_deviation = 1",
             "option 'echelon_holding_cost' must be >= 0, got -2"),
            ("num_nodes = 3, echelon_holding_cost = { 2, 2, 3 }, lead_time = { 2, 0/0, 1 }, stockout_cost = 37.12, demand_mean = 5, demand_standard_deviation = 1",
             "option 'lead_time' must be >= 0, got nan"),
            (Self.example61 + ", stockout_costs = 3", "unknown option 'stockout_costs' (did you mean 'stockout_cost'?)"),
            (Self.example61 + ", x_num = 2000", "x_num applies to method = \"stockpyl_grid\""),
            (Self.example61 + ", demand = dist.poisson(5)", "give either demand (a distribution) or demand_mean"),
            ("num_nodes = 3, echelon_holding_cost = { 2, 2, 3 }, lead_time = { 2, 1, 1 }, stockout_cost = 37.12, demand_mean = 5",
             "needs demand_mean and demand_standard_deviation"),
            ("num_nodes = 1, echelon_holding_cost = 1, lead_time = 1, stockout_cost = 4, demand = dist.gamma(2, 1)",
             "demand must be dist.normal or dist.poisson"),
        ]
        for (options, expected) in cases {
            let message = errorMessage(host, "inventory.serial_base_stock{ \(options) }")
            #expect(message.contains("inventory.serial_base_stock") && message.contains(expected), "\(message)")
        }
    }

    @Test func poissonDemandGivesWholeNumbers() throws {
        let host = try makeHost()
        let r = try run(host, "local r = inventory.serial_base_stock{ num_nodes = 2, echelon_holding_cost = { 1, 2 }, lead_time = { 1, 1 }, stockout_cost = 10, demand = dist.poisson(6) }; return r.S_star[1], r.S_star[2]")
        for v in r { #expect((v.doubleValue ?? 0.5) == (v.doubleValue ?? 0.5).rounded()) }
    }
}
