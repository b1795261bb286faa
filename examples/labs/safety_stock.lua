-- ---
-- title: "Lab 2: safety stock and the reorder point"
-- author: Almanac teaching labs
-- seed: 2
-- description: Type 1 and type 2 service, lead-time variability and the cost of service, then a simulated check of every formula.
-- ---

-- %% [markdown]
-- ## The setting
-- Harvey's Specialty Shop sells an imported mustard (Nahmias, *Production and Operations
-- Analysis*, Example 5.4). A jar costs $10 and Harvey charges holding at 20 % a year, so
-- h = $2 per jar per year. An order costs K = $50. Demand is λ = 200 jars a year, and the
-- replenishment lead time is six months. Demand over the lead time, D_L, is normal with
-- mean μ_L = 100 and standard deviation σ_L = 25.
--
-- Harvey reviews his stock continuously and uses an **(r, Q) policy**: when the inventory
-- position (on hand + on order − backorders) falls to the reorder point r, he orders Q jars.
-- The order arrives one lead time later. He runs out in that cycle exactly when D_L > r. The
-- **safety stock** is what r holds beyond the expected lead-time demand:
--
--     safety stock = r − μ_L = z·σ_L,        z = the safety factor
--
-- This lab takes Q as given, Q = EOQ = √(2Kλ/h) = 100, and asks how large r must be.

-- %% The data
local h, K, lambda, p = 2, 50, 200, 25           -- $/jar/year, $/order, jars/year, $/jar short
local mu_L, sigma_L = 100, 25                    -- lead-time demand, six months
local Q = inventory.eoq{ fixed_cost = K, holding_cost = h, demand_rate = lambda }.order_quantity
local lead_demand = dist.normal(mu_L, sigma_L)
local std = dist.normal(0, 1)
print(("Q = EOQ = %.1f jars, %.1f orders a year"):format(Q, lambda / Q))

-- %% [markdown]
-- ## Type 1: the cycle service level
-- The **type 1** service level α is the probability of no stock-out in a replenishment cycle:
--
--     P(D_L ≤ r) = α   ⇒   r = μ_L + z_α·σ_L,   z_α = Φ⁻¹(α)
--
-- For α = 98 %, z = 2.054 and r = 100 + 2.054 × 25 = 151.3. Nahmias (Example 5.5) rounds
-- z to 2.05 and gets **R = 151**. Type 1 counts how often a cycle runs short. It ignores how
-- many jars are short.

-- %% Type 1
local alpha = 0.98
local type1 = inventory.reorder_point{ lead_time_demand = lead_demand, service_level = alpha }
print(("z = %.4f, r = %.2f, safety stock %.2f jars"):format(std:quantile(alpha), type1.reorder_point, type1.safety_stock))
print(("expected jars short per cycle n(r) = %.4f"):format(type1.expected_shortage_per_cycle))

-- %% [markdown]
-- ## Type 2: the fill rate
-- The **type 2** service level β is the share of demand met from stock. The expected number of
-- jars short in a cycle is the loss function of D_L at r:
--
--     n(r) = E[(D_L − r)⁺] = σ_L·L(z),      L(z) = φ(z) − z·(1 − Φ(z))
--
-- L is the **standard normal loss function**. A cycle sees Q jars of demand on average, so
-- β = 1 − n(r)/Q. For a target β:
--
--     L(z) = (1 − β)·Q / σ_L
--
-- For β = 98 %: L(z) = 0.02 × 100 / 25 = 0.08, so z ≈ 1.02 and r ≈ 125.5. Nahmias (Example
-- 5.5) gets **R = 126**. Below we solve L(z) = 0.08 by bisection, then let
-- `inventory.reorder_point` do the same.

-- %% Type 2
local function L(z) return (std:loss(z)) end    -- the first value: E[(Z − z)⁺]
local target = (1 - 0.98) * Q / sigma_L
local lo, hi = -4, 4                             -- L decreases in z
for _ = 1, 60 do
  local mid = (lo + hi) / 2
  if L(mid) > target then lo = mid else hi = mid end
end
print(("L(z) = %.3f at z = %.4f, so r = %.2f"):format(target, hi, mu_L + hi * sigma_L))
local type2 = inventory.reorder_point{ lead_time_demand = lead_demand, service_level = 0.98, type = "fill_rate", order_quantity = Q }
report.table({
  { target = "type 1, α = 0.98", r = type1.reorder_point, safety_stock = type1.safety_stock,
    cycle_service = type1.cycle_service_level, fill_rate = 1 - type1.expected_shortage_per_cycle / Q },
  { target = "type 2, β = 0.98", r = type2.reorder_point, safety_stock = type2.safety_stock,
    cycle_service = type2.cycle_service_level, fill_rate = type2.fill_rate },
}, { columns = { "target", "r", "safety_stock", "cycle_service", "fill_rate" } })
report.md(("The same \"98 %%\" asks for %.0f jars of safety stock as type 1 and %.0f as type 2. The type 2 policy runs short in %.0f %% of cycles, yet it still fills 98 %% of demand, because each shortage is small beside an order of %.0f."):format(
  type1.safety_stock, type2.safety_stock, 100 * (1 - type2.cycle_service_level), Q))

-- %% [markdown]
-- ## Lead-time variability
-- Suppose the lead time is itself random, with mean E[L] and standard deviation σ_LT periods,
-- and demand per period has mean d and standard deviation σ_d. The variance of lead-time
-- demand then has two parts:
--
--     σ_L² = E[L]·σ_d² + d²·σ_LT²
--
-- The first part is demand noise over an average lead time. The second is a late delivery:
-- each week of delay costs d more jars. In weeks, Harvey has d = 200/52 = 3.85 jars, σ_d =
-- 25/√26 = 4.90 and E[L] = 26. The table shows what an unreliable supplier costs at α = 98 %.

-- %% Random lead times
local d, sigma_d = lambda / 52, sigma_L / math.sqrt(26)
local weekly_normal = dist.normal(d, sigma_d)
local lt_rows = {}
for _, sd_lt in ipairs({ 0, 1, 2, 4, 8 }) do
  local r = inventory.reorder_point{ demand = weekly_normal, lead_time = 26, lead_time_sd = sd_lt > 0 and sd_lt or nil, service_level = alpha }
  lt_rows[#lt_rows + 1] = { lead_time_sd_weeks = sd_lt, sigma_L = r.lead_time_demand_sd,
                            from_delays_percent = 100 * (d * sd_lt)^2 / r.lead_time_demand_sd^2,
                            safety_stock = r.safety_stock, holding_cost_per_year = h * r.safety_stock }
end
report.table(lt_rows, { columns = { "lead_time_sd_weeks", "sigma_L", "from_delays_percent", "safety_stock", "holding_cost_per_year" } })

-- %% [markdown]
-- ## The cost of service
-- Safety stock costs h·z·σ_L a year. z grows slowly at first and then very fast: from 90 % to
-- 99 % it almost doubles, and each further point of service costs more than the one before
-- (the `cost_per_point` column, in dollars a year per percentage point). The column
-- `implied_p` turns the target around. With Q fixed, the best r for a cost p per jar short
-- satisfies 1 − F(r) = Q·h/(p·λ) (Nahmias §5.4). A type 1 target α is therefore the optimum
-- for p = Q·h/((1 − α)·λ). A target of 99.9 % says that a missed sale costs $1000.

-- %% Cost of service
local service_rows = {}
local previous
for _, a in ipairs({ 0.5, 0.8, 0.9, 0.95, 0.98, 0.99, 0.995, 0.999 }) do
  local z = std:quantile(a)
  local cost = h * z * sigma_L
  service_rows[#service_rows + 1] = { alpha = a, z = z, safety_stock = z * sigma_L, holding_cost_per_year = cost,
                                      implied_p = Q * h / ((1 - a) * lambda),
                                      cost_per_point = previous and (cost - previous.cost) / (100 * (a - previous.a)) or nil }
  previous = { a = a, cost = cost }
end
report.table(service_rows, { columns = { "alpha", "z", "safety_stock", "holding_cost_per_year", "cost_per_point", "implied_p" } })

-- %% [markdown]
-- The chart adds the other side of the trade-off. At $25 per jar short, shortages cost
-- p·n(r)·λ/Q a year. The total is lowest where 1 − α = Q·h/(p·λ) = 0.04, at **α = 96 %**. To
-- the right of it the safety-stock line turns up steeply.

-- %% Draw it
local function yearly_cost(a)
  local r = mu_L + std:quantile(a) * sigma_L
  local holding = h * (r - mu_L)
  local shortage = p * (lead_demand:loss(r)) * lambda / Q
  return holding + shortage, { ["safety stock holding"] = holding, ["shortages ($25 a jar)"] = shortage }
end
local best = optimize.scalar(function(a) return (yearly_cost(a)) end, 0.5, 0.999)
plot.cost_curve(yearly_cost, 0.7, 0.999, { points = 300, optimum = best.x, xlabel = "cycle service level α", ylabel = "cost per year",
  title = "The cost of service, Harvey's mustard", caption = "Holding cost of safety stock and shortage cost per year against the type 1 service level" })
report.md(("Brent's method finds the cheapest α = %.4f (formula: %.4f), at $%.2f a year."):format(best.x, 1 - Q * h / (p * lambda), best.f))

-- %% [markdown]
-- ## Checking the formulas by simulation
-- Every formula above rests on assumptions. `inventory.simulate` makes none of them. It steps
-- through weeks: it reviews the position and orders, receives what arrives, and then meets the
-- week's demand. The weekly demand we use is a gamma distribution. Its 26-week total has
-- exactly Harvey's mean 100 and standard deviation 25, but it is a skewed gamma, not a normal.
--
-- Two details matter:
--
-- * **What is measured.** The simulator reports three service measures. `fill_rate` is type 2.
--   `cycle_service_level` is type 1: the share of replenishment cycles without a shortage, where
--   a cycle runs from one delivery to the next and fails if any week in it was short.
--   `period_service_level` is the share of *weeks* without a shortage. That is a much higher
--   number, because most weeks of a cycle are far from a stock-out, and it is not type 1.
-- * **Undershoot.** A weekly review sees the position only after a week's demand. By then it
--   has usually fallen below r, by U on average, where E[U] ≈ E[D²]/(2E[D]) for weekly demand D.
--   The continuous-review formulas assume U = 0.
--
-- Before we trust the simulator's type 1, we count cycles ourselves from a trace. The trace
-- lists, week by week, what was ordered and what is still on order, so a delivery shows up as
-- a drop in what is on order that no new order explains. Counting starts at the first delivery
-- after the warm-up and stops at the last one: the partial cycles at either end are left out,
-- as the simulator leaves them out. We give the simulator two copies of one demand path, so
-- its two runs are the same run and both counts must agree exactly.

-- %% Counting cycles by hand
local weekly = dist.gamma(d / 6.25, 6.25)        -- mean 3.85, sd 4.90 a week
local undershoot = (weekly.variance + weekly.mean^2) / (2 * weekly.mean)
print(("weekly demand: mean %.3f, sd %.3f; 26-week total: mean %.1f, sd %.1f; E[U] = %.2f jars"):format(
  weekly.mean, weekly.sd, weekly:over(26).mean, weekly:over(26).sd, undershoot))

local function cycle_service(trace, warmup)
  local deliveries, previous_on_order = {}, 0
  for t = 1, #trace.ordered do
    local delivered = previous_on_order + trace.ordered[t] - trace.on_order[t]
    if delivered > 1e-9 and t > warmup then deliveries[#deliveries + 1] = t end
    previous_on_order = trace.on_order[t]
  end
  local cycles, failed = 0, 0
  for k = 2, #deliveries do                      -- the weeks from one delivery to the next
    local short = false
    for t = deliveries[k - 1], deliveries[k] - 1 do short = short or trace.short[t] > 0 end
    cycles = cycles + 1
    if short then failed = failed + 1 end
  end
  return 1 - failed / cycles, cycles
end
local path = weekly:sample(200 + 52 * 1000)
local twice = inventory.simulate({ type = "rq", r = type1.reorder_point, Q = Q }, { demand = { path, path }, lead_time = 26,
  holding_cost = h / 52, stockout_cost = 0, fixed_cost = K, warmup = 200, trace = true })
local by_hand, cycles = cycle_service(twice.trace, 200)
report.table({
  { counted_by = "hand, from the trace", cycles = cycles, cycle_service = by_hand },
  { counted_by = "inventory.simulate", cycles = twice.cycles / 2, cycle_service = twice.cycle_service_level.mean },
}, { columns = { "counted_by", "cycles", "cycle_service" } })
report.md(("Both count %d cycles in 1000 years and find the same type 1 service. The same weeks give a `period_service_level` of %.4f. A cycle lasts about 26 weeks, and even a cycle that runs short does so only in its last few weeks, so the share of weeks is far higher than the share of cycles."):format(
  cycles, twice.period_service_level.mean))

-- %% [markdown]
-- Now the formulas. The table tries three reorder points for each target. We use 1000
-- simulated years twice over (`replications = 2`), about 4000 cycles, so the achieved type 1
-- levels are within about ±0.005.

-- %% Simulate
local function simulate(r, lead_time, options)
  options = options or {}
  local sim = inventory.simulate({ type = "rq", r = r, Q = Q }, { demand = weekly, lead_time = lead_time,
    orders_cross = options.orders_cross, holding_cost = h / 52, stockout_cost = 0, fixed_cost = K,
    periods = 52 * 1000, warmup = 200, replications = 2, seed = 7, trace = true })
  return sim.cycle_service_level.mean, sim.fill_rate.mean, sim
end

local exact = { cycle = inventory.reorder_point{ demand = weekly, lead_time = 26, service_level = 0.98 },
                fill_rate = inventory.reorder_point{ demand = weekly, lead_time = 26, service_level = 0.98, type = "fill_rate", order_quantity = Q } }
local check_rows, shown = {}, nil
for _, kind in ipairs({ "cycle", "fill_rate" }) do
  local normal_r = kind == "cycle" and type1.reorder_point or type2.reorder_point
  for _, c in ipairs({ { "normal D_L", normal_r }, { "gamma D_L", exact[kind].reorder_point },
                       { "gamma D_L + E[U]", exact[kind].reorder_point + undershoot } }) do
    local csl, fill, sim = simulate(c[2], 26)
    check_rows[#check_rows + 1] = { target = (kind == "cycle" and "type 1" or "type 2") .. " = 0.98", reorder_point_from = c[1],
                                    r = c[2], simulated_cycle_service = csl, simulated_fill_rate = fill,
                                    weeks_without_shortage = sim.period_service_level.mean }
    if kind == "cycle" and c[1] == "gamma D_L + E[U]" then shown = { sim = sim, r = c[2] } end
  end
end
report.table(check_rows, { columns = { "target", "reorder_point_from", "r", "simulated_cycle_service", "simulated_fill_rate", "weeks_without_shortage" } })
plot.simulation(shown.sim, { periods = 156, levels = { s = shown.r, S = shown.r + Q },
  title = "Three simulated years of Harvey's (r, Q) policy", caption = "Weekly simulation: on hand, on order, backorders; r and r + Q dashed" })

-- %% [markdown]
-- With the normal r, both measures fall short of 98 %. Part of the gap is the shape: the true
-- lead-time demand is skewed, so its 98 % quantile lies above the normal one. The rest is the
-- undershoot. With both corrections, the simulation meets the targets to within its noise.
-- The last column shows why the measure must be the cycle's: judged by weeks, even the
-- normal r would look like 99 % service.
--
-- **Random lead times.** Now the lead time is 18, 22, 26, 30 or 34 weeks, each equally likely
-- (σ_LT = 5.66). With `orders_cross = true` each order gets its own independent lead time, as
-- the formula assumes. We compare three reorder points for α = 95 %: one that ignores the
-- variability, the normal formula for σ_L above, and the exact lead-time demand. The exact one
-- is a mixture of gammas, which we sample 20 000 times. Each gets the undershoot added.

-- %% Random lead times, simulated
local lead_times = { 18, 22, 26, 30, 34 }
local lt = dist.empirical(lead_times)
local mixture = {}
for i = 1, 20000 do
  local weeks = lead_times[math.random(#lead_times)]
  mixture[i] = dist.gamma(weekly.mean / 6.25 * weeks, 6.25):sample(1)[1]
end
local random_rows = {}
for _, c in ipairs({
  { "ignore the variability (σ_LT = 0)", inventory.reorder_point{ demand = weekly, lead_time = 26, service_level = 0.95 } },
  { "normal, σ_L² = E[L]σ_d² + d²σ_LT²", inventory.reorder_point{ demand = weekly, lead_time = 26, lead_time_sd = lt.sd, service_level = 0.95 } },
  { "exact mixture (sampled)", inventory.reorder_point{ lead_time_demand = dist.empirical(mixture), service_level = 0.95 } },
}) do
  local r = c[2].reorder_point + undershoot
  local csl, fill = simulate(r, lt, { orders_cross = true })
  random_rows[#random_rows + 1] = { reorder_point_from = c[1], sigma_L = c[2].lead_time_demand_sd, r = r,
                                    simulated_cycle_service = csl, simulated_fill_rate = fill }
end
report.table(random_rows, { columns = { "reorder_point_from", "sigma_L", "r", "simulated_cycle_service", "simulated_fill_rate" } })

-- %% [markdown]
-- ## Exercises
-- Answers are in `safety_stock_solutions.md`.
--
-- 1. Harvey doubles his order size to Q = 200. Predict, before you compute, what happens to the
--    type 1 and the type 2 reorder points for 98 %. Then check with `inventory.reorder_point`.
-- 2. Show that for a type 2 target, the safety factor z depends on Q/σ_L only. What is z for
--    β = 0.98 when Q/σ_L = 1? Can the type 2 safety stock be negative? When?
-- 3. The supplier offers a faster ship: the lead time falls to three months (σ_L = 25/√2). How
--    much holding cost a year does that save at α = 98 %? How much would it save if lead times
--    were also variable, as in the table with σ_LT = 4 weeks?
-- 4. Find, with `inventory.rq{ ..., method = "eil" }`, the (Q, r) that trades off ordering,
--    holding and a shortage cost of $25 per jar short, as Nahmias does in Example 5.4. What
--    type 1 and type 2 service does that policy give?
-- 5. Rerun the random-lead-time simulation with `orders_cross = false`, so deliveries keep
--    their order. Is the service higher or lower? Why?
