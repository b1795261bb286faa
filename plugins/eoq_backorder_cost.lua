-- EOQ with planned backorders (Snyder & Shen, Fundamentals of Supply Chain
-- Theory, §3.5), written in Lua to show that a plugin in Lua is registered,
-- validated, documented and optimised exactly like a native one.
--
-- Decision: the order quantity Q and the fraction x of each cycle's demand
-- that is backordered. Cost per unit time:
--   g(Q, x) = K·λ/Q + h·(1 − x)²·Q/2 + p·x²·Q/2
-- minimised at x* = h/(h + p), Q* = √(2Kλ(h + p)/(hp)).

almanac.register {
  kind = "cost",
  name = "eoq_backorder_cost",
  version = "1.0.0",
  summary = "EOQ with planned backorders: cost per unit time of ordering Q with a fraction x backordered",
  doc = "g(Q, x) = Kλ/Q + h(1−x)²Q/2 + p·x²Q/2 (Snyder & Shen §3.5). "
     .. "Minimised at x* = h/(h+p) and Q* = √(2Kλ(h+p)/(hp)).",
  decision = { "order_quantity", "backorder_fraction" },
  params = {
    { name = "fixed_cost", type = "number", required = true, greater_than = 0, doc = "K, cost per order placed" },
    { name = "holding_cost", type = "number", required = true, greater_than = 0,
      doc = "h, cost to hold one unit for one time unit" },
    { name = "stockout_cost", type = "number", required = true, greater_than = 0,
      doc = "p, cost per unit backordered per time unit" },
    { name = "demand_rate", type = "number", required = true, greater_than = 0, doc = "λ, units demanded per time unit" },
  },
  capabilities = { "parts" },
  author = "Almanac",
  license = "MIT",
  example = [[
local c = almanac.cost("eoq_backorder_cost",
  { fixed_cost = 8, holding_cost = 0.225, stockout_cost = 5, demand_rate = 1300 })
local r = optimize.minimize(c, { 300, 0.1 }, { lower = { 1, 0 }, upper = { 5000, 1 } })
print(r.x[1], r.x[2])  --> about 311.0 and 0.0431]],

  cost = function(x, p)
    local q, fraction = x[1], x[2]
    if q <= 0 then error("order_quantity must be positive, got " .. q, 2) end
    if fraction < 0 or fraction > 1 then
      error("backorder_fraction must be between 0 and 1, got " .. fraction, 2)
    end
    local ordering = p.fixed_cost * p.demand_rate / q
    local holding = p.holding_cost * (1 - fraction) ^ 2 * q / 2
    local backorder = p.stockout_cost * fraction ^ 2 * q / 2
    return ordering + holding + backorder, { ordering = ordering, holding = holding, backorder = backorder }
  end,
}
