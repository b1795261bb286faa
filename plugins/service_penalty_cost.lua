-- Holding cost of a reorder point plus a penalty for missing a cycle-service
-- target: h·(r − E[D_L]) + penalty·max(0, α − P(D_L ≤ r)). A soft constraint
-- that an optimizer can handle where the hard one is awkward.
almanac.register {
  kind = "cost", name = "service_penalty_cost", version = "1.0.0",
  summary = "Safety-stock holding cost plus a penalty per point of cycle service below the target",
  decision = { "reorder_point" },
  params = {
    { name = "holding_cost", required = true, greater_than = 0, doc = "h, cost per unit of safety stock per period" },
    { name = "lead_time_demand", type = "distribution", required = true, doc = "distribution of demand during the lead time" },
    { name = "target", required = true, greater_than = 0, less_than = 1, doc = "α, the cycle service level wanted" },
    { name = "penalty", default = 1e4, min = 0, doc = "cost per unit of service level short of the target" },
  },
  capabilities = { "parts" },
  example = [[
local c = almanac.cost("service_penalty_cost", { holding_cost = 2, lead_time_demand = dist.normal(400, 40), target = 0.95 })
print(optimize.scalar(c, 300, 600).x)  --> about 465.8 (the 95% quantile)]],
  cost = function(r, p)
    local holding = p.holding_cost * (r - p.lead_time_demand.mean)
    local gap = math.max(0, p.target - p.lead_time_demand:cdf(r))
    return holding + p.penalty * gap, { holding = holding, penalty = p.penalty * gap }
  end,
}
