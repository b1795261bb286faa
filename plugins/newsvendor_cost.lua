-- Newsvendor cost of ordering S for any demand distribution:
--   g(S) = h·E[(S − D)⁺] + p·E[(D − S)⁺]   (Snyder & Shen §4.3)
-- One of the cost plugins written in Lua: a dozen lines on top of dist.*.
almanac.register {
  kind = "cost", name = "newsvendor_cost", version = "1.0.0",
  summary = "Expected newsvendor cost h·E[(S−D)⁺] + p·E[(D−S)⁺] of ordering S, for any demand distribution",
  decision = { "order_quantity" },
  params = {
    { name = "holding_cost", required = true, greater_than = 0, doc = "h, cost per unit left over" },
    { name = "stockout_cost", required = true, greater_than = 0, doc = "p, cost per unit short" },
    { name = "demand", type = "distribution", required = true, doc = "the demand distribution (dist.normal(...), dist.poisson(...), ...)" },
  },
  capabilities = { "parts" },
  example = [[
local c = almanac.cost("newsvendor_cost", { holding_cost = 0.18, stockout_cost = 0.70, demand = dist.normal(50, 8) })
print(optimize.scalar(c, 0, 100).x)  --> 56.6039... (the critical fractile)]],
  cost = function(s, p)
    local shortage, leftover = p.demand:loss(s)
    local holding, stockout = p.holding_cost * leftover, p.stockout_cost * shortage
    return holding + stockout, { holding = holding, stockout = stockout }
  end,
}
