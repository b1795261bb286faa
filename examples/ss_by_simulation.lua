-- The best (s, S) for seasonal demand, found by simulation: fit ETS to a
-- synthetic SKU's monthly sales, draw sample paths for the next six months
-- (about 26 weeks; ETS takes seasonal periods up to 24, so weeks are summed
-- into months and the policy reviews monthly), and let an integer
-- coordinate search minimise the simulated cost over those paths. Every cost
-- evaluation replays the same paths (common random numbers), so the search
-- compares policies, not noise. The stationary optimum (Zheng–Federgruen under
-- Poisson demand of the same mean) is the benchmark.
-- Run: almanac run examples/ss_by_simulation.lua

almanac.seed(2024)
local panel = data.synthetic_retail{ skus = 8, periods = 156, seed = 5 }
local key = panel:keys()[1]
local sales = panel:series(key):aggregate("month")
local model = forecast.fit("ets", sales, { model = "MNM" })
local h = 6
local paths = model:sample{ h = h, n = 1000 }
local mean = 0
for _, m in ipairs(paths:mean()) do mean = mean + m end
mean = mean / h
local monthly = {}
for i, m in ipairs(paths:mean()) do monthly[i] = ("%.0f"):format(m) end
print(("%s: %s on %d months; mean demand of the next %d months: %s (average %.1f)"):format(
  key, model.method, #sales:values(), h, table.concat(monthly, ", "), mean))

-- Lead time 0 (delivered at the start of the month) so the stationary optimum
-- below is exact for its own model.
local costs = { holding_cost = 1, stockout_cost = 9, fixed_cost = 150, lead_time = 0 }
local function simulate(s, S, demand)
  return inventory.simulate({ type = "ss", s = s, S = S }, {
    demand = demand, lead_time = costs.lead_time, holding_cost = costs.holding_cost,
    stockout_cost = costs.stockout_cost, fixed_cost = costs.fixed_cost, seed = 1 })
end
local function cost(x)
  if x[2] <= x[1] then return math.huge end
  return simulate(x[1], x[2], paths).cost.mean
end

-- The stationary optimum for Poisson demand of the same mean (Zheng–Federgruen).
local zf = inventory.ss{ holding_cost = costs.holding_cost, stockout_cost = costs.stockout_cost,
                         fixed_cost = costs.fixed_cost, demand = dist.poisson(mean) }
local s0, S0 = zf.reorder_point, zf.order_up_to_level
-- And with the spread of the sample paths (a negative binomial with their mean and sd).
local sum2, count = 0, 0
for i = 1, #paths do for _, x in ipairs(paths[i]) do sum2 = sum2 + (x - mean)^2; count = count + 1 end end
local spread = inventory.ss{ holding_cost = costs.holding_cost, stockout_cost = costs.stockout_cost,
                             fixed_cost = costs.fixed_cost, demand = dist.negbin{ mean = mean, sd = math.sqrt(sum2 / (count - 1)) } }

local t0 = os.clock()
local best = optimize.minimize(cost, { s0, S0 }, { method = "coordinate_search", lower = { 0, 1 },
                                                  upper = { 20 * math.ceil(mean), 40 * math.ceil(mean) }, initial_step = 8 })
local seconds = os.clock() - t0

-- A check on the search: every (s, S) on a grid 10 units apart (grid_search
-- runs over whole numbers, so it searches (i, j) with s = 10i, S = 10j).
t0 = os.clock()
local grid = optimize.minimize(function(x) return cost({ 10 * x[1], 10 * x[2] }) end, { 0, 0 },
                               { method = "grid_search", lower = { 10, 20 }, upper = { 35, 55 } })
local gridSeconds = os.clock() - t0

local function show(name, s, S)
  local r = simulate(s, S, paths)
  local cycle_service = r.cycle_service_level and ("%.3f"):format(r.cycle_service_level.mean) or "n/a"  -- nil: no complete order cycle
  print(("%-38s (s, S) = (%4d, %4d): cost %8.2f ± %5.2f a month, cycle service %s, fill rate %.3f"):format(
    name, s, S, r.cost.mean, r.cost.half_width, cycle_service, r.fill_rate.mean))
  return r.cost.mean
end
print()
local stationary = show("stationary, Poisson (Zheng–Federgruen)", s0, S0)
show("stationary, negbin with the paths' sd", spread.reorder_point, spread.order_up_to_level)
local tuned = show("coordinate search on the sample paths", best.x[1], best.x[2])
show("grid search, steps of 10", 10 * grid.x[1], 10 * grid.x[2])
print(("\ncoordinate search: %d policies simulated in %.2f s, %.1f%% cheaper than the Poisson policy;"):format(
  best.evaluations, seconds, 100 * (1 - tuned / stationary)))
print(("grid search: %d policies in %.2f s"):format(grid.evaluations, gridSeconds))
