-- Ordering for known, time-varying demand: the optimal Wagner–Whitin plan beside
-- two heuristics, and the optimal (s, S) policy for random demand.
-- Run: almanac run examples/lot_sizing.lua

local demand = { 60, 100, 10, 200, 120, 15, 40, 80, 25, 90, 160, 30 }
local model = { fixed_cost = 150, holding_cost = 1, demand = demand }
print(("%-16s %8s   orders in periods"):format("method", "cost"))
for _, name in ipairs{ "wagner_whitin", "silver_meal", "least_unit_cost" } do
  local plan = inventory[name](model)
  print(("%-16s %8.1f   %s"):format(name, plan.cost, table.concat(plan.order_periods, " ")))
end

-- Random demand with a fixed order cost: the optimal (s, S) policy (Zheng–Federgruen).
print()
-- (The textbook instance is Poisson(6) with K = 5; K grows with the mean here.)
for _, mean in ipairs{ 6, 20, 50 } do
  local k = 5 * mean / 6
  local r = inventory.ss{ holding_cost = 1, stockout_cost = 4, fixed_cost = k, demand = dist.poisson(mean) }
  print(("Poisson(%d), K = %.1f: order up to %d when at or below %d; cost %.4f per period"):format(
    mean, k, r.order_up_to_level, r.reorder_point, r.cost))
end
