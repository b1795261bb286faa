-- Cost per unit time of ordering Q under all-units quantity discounts:
--   K·λ/Q + λ·c(Q) + i·c(Q)·Q/2,  c(Q) the unit price of the region Q falls in
-- (Snyder & Shen §3.5; inventory.eoq_discounts solves it exactly).
almanac.register {
  kind = "cost", name = "all_units_discount_cost", version = "1.0.0",
  summary = "EOQ cost per unit time with all-units quantity discounts (ordering, purchasing, holding)",
  decision = { "order_quantity" },
  params = {
    { name = "fixed_cost", required = true, greater_than = 0, doc = "K, cost per order" },
    { name = "holding_cost_rate", required = true, greater_than = 0, doc = "i, holding cost per unit time as a share of the price" },
    { name = "demand_rate", required = true, greater_than = 0, doc = "λ, units per unit time" },
    { name = "breakpoints", type = "number[]", required = true, min = 0, doc = "order sizes where each price starts (first 0)" },
    { name = "unit_costs", type = "number[]", required = true, greater_than = 0, doc = "price per unit from each breakpoint on" },
  },
  capabilities = { "parts" },
  example = [[
local c = almanac.cost("all_units_discount_cost", { fixed_cost = 150, holding_cost_rate = 0.25, demand_rate = 2400,
  breakpoints = { 0, 100, 200 }, unit_costs = { 100, 90, 80 } })
print(c(200))  --> 195800.0 (the optimum inventory.eoq_discounts finds)]],
  cost = function(q, p)
    if q <= 0 then error("order_quantity must be positive, got " .. q, 2) end
    local price = p.unit_costs[1]
    for j, b in ipairs(p.breakpoints) do
      if q >= b then price = p.unit_costs[j] end
    end
    local ordering = p.fixed_cost * p.demand_rate / q
    local purchasing = p.demand_rate * price
    local holding = p.holding_cost_rate * price * q / 2
    return ordering + purchasing + holding, { ordering = ordering, purchasing = purchasing, holding = holding }
  end,
}
