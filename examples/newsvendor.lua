-- The newsvendor with different demand models, and base stock with a lead time.
-- Textbook instance (Snyder & Shen, Example 4.3): h = 0.18, p = 0.70, D ~ N(50, 8)
-- → S* = 56.6040, cost 1.99761 (stockpyl gives the same).
-- Run: almanac run examples/newsvendor.lua

local h, p = 0.18, 0.70
local demands = {
  { "normal(50, 8)", dist.normal(50, 8) },
  { "gamma, mean 50, sd 8", dist.gamma(39.0625, 1.28) },
  { "lognormal, mean 50", dist.lognormal(math.log(50) - 0.159 ^ 2 / 2, 0.159) },
  { "poisson(50)", dist.poisson(50) },
  { "negbin, mean 50, sd 8", dist.negbin{ mean = 50, sd = 8 } },
}
print(("critical ratio p/(p+h) = %.4f"):format(p / (p + h)))
print(("%-24s %9s %8s %10s %9s %8s"):format("demand", "S*", "cost", "P(short)", "fill", "sales"))
for _, d in ipairs(demands) do
  local r = inventory.newsvendor{ holding_cost = h, stockout_cost = p, demand = d[2] }
  print(("%-24s %9.4f %8.5f %10.4f %9.4f %8.3f"):format(
    d[1], r.base_stock_level, r.cost, r.stockout_probability, r.fill_rate, r.expected_sales))
end

-- Unlike the EOQ's, this cost curve is not flat: 10% off S* costs 20-30% more.
local d = dist.normal(50, 8)
local best = inventory.newsvendor{ holding_cost = h, stockout_cost = p, demand = d }
for _, f in ipairs{ 0.9, 1.0, 1.1 } do
  local r = inventory.newsvendor{ holding_cost = h, stockout_cost = p, demand = d, order_quantity = f * best.base_stock_level }
  print(("S = %.1f (%.0f%% of S*): cost %.4f (+%.1f%%)"):format(r.base_stock_level, 100 * f, r.cost, 100 * (r.cost / best.cost - 1)))
end

-- Demand from simulated sample paths (e.g. a forecast's): an empirical distribution.
almanac.seed(7)
local paths = dist.gamma(39.0625, 1.28):sample(10000)
local r = inventory.newsvendor{ holding_cost = h, stockout_cost = p, demand = dist.empirical(paths) }
print(("from 10,000 simulated demands: S* = %.2f, cost %.4f"):format(r.base_stock_level, r.cost))

-- Base stock, periodic review, lead time 2 (demand over 3 periods).
local bs = inventory.base_stock{ holding_cost = h, stockout_cost = p, demand = dist.normal(50, 8), lead_time = 2 }
print(("base stock, lead time 2: S = %.4f, cost %.5f (stockpyl: 161.43839, 3.45995)"):format(bs.base_stock_level, bs.cost))
