-- ---
-- title: "Lab 6: from forecast to policy"
-- author: Almanac teaching labs
-- seed: 6
-- description: A multi-SKU panel from classification to forecasts, a policy per class, (s, S) tuned by simulation on forecast sample paths, and a risk table.
-- ---

-- %% [markdown]
-- ## 1. The catalogue
-- An online shop sells 40 products. We have two years of weekly unit sales for each. The data
-- is Almanac's synthetic e-commerce panel (docs/data.md). It has what real sales have:
-- trend, yearly season, price changes, promotions, slow movers and late launches. It is
-- generated from a seed, so every student gets the same panel.
--
-- The task: decide, for every product, **when to order and how much**. Doing it well for 40
-- products, or 40 000, needs a pipeline, and this lab builds one step by step:
--
-- 1. classify the products, so that effort and service go where they pay;
-- 2. forecast every product, with its uncertainty, as sample paths;
-- 3. give each class a policy, and check it by simulating those paths;
-- 4. for the important products, tune (s, S) by simulation;
-- 5. list the stock risks as they stand today.

-- %% The panel
local panel = data.synthetic_retail{ skus = 40, periods = 104, seed = 11 }
local keys = panel:keys()
local segments = {}
for _, k in ipairs(keys) do
  local s = panel:attributes(k).segment
  segments[s] = (segments[s] or 0) + 1
end
print(("%d SKUs; %d regular, %d slow movers, %d launched during the two years"):format(#keys, segments.regular or 0, segments.slow or 0, segments.new or 0))
plot.panel(panel, { max = 9, title = "Nine of the 40 SKUs", caption = "Weekly units sold: levels, seasons and launches differ widely" })

-- %% [markdown]
-- ## 2. ABC/XYZ classification
-- **ABC** ranks products by value: units sold in the last 52 weeks × unit cost. The A items are
-- the few that make up the first 80 % of the value, B the next 15 % and C the rest (Pareto's
-- rule). **XYZ** grades how predictable weekly demand is, by its coefficient of variation
-- CV = sd/mean: X for CV ≤ 0.5, Y for CV ≤ 1, Z beyond. The nine cells get a target cycle
-- service level. It is high for valuable, steady items (AX 98 %), where safety stock buys a lot
-- of protection cheaply. It is lower where safety stock buys little value (C) or is expensive
-- because demand is erratic (Z).

-- %% Classify
local classes = inventory.abc_xyz(panel, { last = 52 })
local top = {}
for i = 1, 8 do
  local c = classes[i]
  top[i] = { sku = c.key, value = c.value, share = c.share, cumulative = c.cumulative_share, cv = c.cv, class = c.class, target = c.service_level }
end
report.table(top, { columns = { "sku", "value", "share", "cumulative", "cv", "class", "target" } })
plot.pareto(classes, { title = "Value by SKU, last 52 weeks", caption = "Pareto chart: a handful of SKUs carry most of the value" })
local grid, cell_rows = { A = { 0, 0, 0 }, B = { 0, 0, 0 }, C = { 0, 0, 0 } }, {}
local column = { X = 1, Y = 2, Z = 3 }
local cells = {}
for _, c in ipairs(classes) do
  grid[c.abc][column[c.xyz]] = grid[c.abc][column[c.xyz]] + 1
  local cell = cells[c.class] or { class = c.class, skus = 0, value_share = 0, target = c.service_level }
  cell.skus, cell.value_share = cell.skus + 1, cell.value_share + c.share
  cells[c.class] = cell
end
for _, name in ipairs({ "AX", "AY", "AZ", "BX", "BY", "BZ", "CX", "CY", "CZ" }) do
  if cells[name] then cell_rows[#cell_rows + 1] = cells[name] end
end
report.table(cell_rows, { columns = { "class", "skus", "value_share", "target" } })
report.md("SKUs per cell: value (rows) against predictability (columns).")
report.table({ { abc = "A", X = grid.A[1], Y = grid.A[2], Z = grid.A[3] }, { abc = "B", X = grid.B[1], Y = grid.B[2], Z = grid.B[3] },
               { abc = "C", X = grid.C[1], Y = grid.C[2], Z = grid.C[3] } }, { columns = { "abc", "X", "Y", "Z" } })

-- %% [markdown]
-- ## 3. Forecasts as sample paths
-- We fit an ETS model to every SKU (`forecast.fit_many`, on all cores). Is the forecast worth
-- anything? A rolling-origin backtest compares it with the seasonal naive forecast (next year =
-- this year) over three 4-week origins. MASE divides the errors by those of a naive forecast
-- on the training data, so the lower the better, and below 1 beats that yardstick.
--
-- Inventory needs more than a point forecast. It needs the **distribution** of demand over the
-- weeks that matter. `m:sample{ h = 52, n = 200 }` simulates 200 possible next years from
-- each fitted model. The paths carry the model's own error structure: a level that wanders
-- makes some paths run high for weeks on end. A period-by-period normal assumption misses that.

-- %% Forecast
local fits = forecast.fit_many(panel, "ets")
print(("fitted %d SKUs, %d failures"):format(#fits, #fits.failures))
local accuracy = {}
for _, name in ipairs({ "ets", "snaive" }) do
  local m = forecast.backtest(name, panel, { h = 4, windows = 3 }).metrics
  accuracy[#accuracy + 1] = { model = name, MAE = m.mae, RMSE = m.rmse, MASE = m.mase }
end
report.table(accuracy, { columns = { "model", "MAE", "RMSE", "MASE" } })

local H, N, lead_time = 52, 200, 2
local paths = {}
for _, c in ipairs(classes) do paths[c.key] = fits:model(c.key):sample{ h = H, n = N } end
local star = classes[1].key
plot.forecast(fits:model(star):forecast{ h = H, levels = { 80, 95 } }, { last = 52,
  title = "Top SKU " .. star .. " (" .. fits:model(star).method .. ")", caption = "The forecast of the most valuable SKU, with 80 % and 95 % intervals" })
plot.histogram(paths[star]:totals(1, lead_time + 1), { xlabel = "units in the next 3 weeks",
  title = "Demand over lead time + review, " .. star, caption = "200 sample paths summed over the 3 weeks an order must cover" })

-- %% [markdown]
-- ## 4. A policy per class
-- Every SKU is reviewed weekly and gets an **(s, S)** policy: when the inventory position falls
-- to s or below, order up to S. An order arrives **2 weeks** later. Costs are a fixed K = 40 per
-- order and holding at 25 % of the unit cost a year, h = 0.25·c/52 per unit-week.
--
-- * **s** must cover the demand until an order placed now *and* the next review's order can
--   arrive, that is L + 1 = 3 weeks. We take the class target's quantile of the 3-week totals
--   of the sample paths.
-- * **S − s** is the order size. The EOQ for the mean weekly demand of the paths balances
--   ordering against holding (Lab 1).
--
-- The class enters through its service target: 98 % for AX down to 85 % for CZ. Each policy is
-- then simulated on its own 200 paths, as 200 possible next years, each starting with S on hand.
-- We read four things: the type 1 service the targets are stated in (`cycle_service_level`, the
-- share of order cycles, from one delivery to the next, without a shortage; Lab 2), the share of
-- *weeks* without a shortage (`period_service_level`), the fill rate and the cost per week.

-- %% Policies and their simulation
local K = 40
local function weekly_mean(p)
  local total = 0
  for _, m in ipairs(p:mean()) do total = total + m end
  return total / H
end
local function simulate(sku, s, S, trace)
  local d = sku.holding_cost
  return inventory.simulate({ type = "ss", s = s, S = S }, { demand = paths[sku.key], lead_time = lead_time,
    holding_cost = d, stockout_cost = sku.penalty, fixed_cost = K, seed = 1, trace = trace })
end
local skus = {}
for _, c in ipairs(classes) do
  local target = c.service_level                -- the class's target (exercise 1 changes it here)
  local unit_cost = panel:attributes(c.key).unit_cost
  local h = 0.25 * unit_cost / 52
  local mean = math.max(weekly_mean(paths[c.key]), 0.01)
  local s = inventory.reorder_point{ lead_time_demand = dist.empirical(paths[c.key]:totals(1, lead_time + 1)),
                                     service_level = target }.reorder_point
  local q = inventory.eoq{ fixed_cost = K, holding_cost = h, demand_rate = mean }.order_quantity
  local sku = { key = c.key, class = c.class, abc = c.abc, target = target, unit_cost = unit_cost, mean = mean,
                holding_cost = h, penalty = h * target / (1 - target), s = s, S = s + math.max(q, 1) }
  sku.sim = simulate(sku, sku.s, sku.S)
  skus[#skus + 1] = sku
end
local by_class = {}
for _, sku in ipairs(skus) do
  local row = by_class[sku.abc] or { class = sku.abc, skus = 0, target = 0, cycles = 0, cycles_without_shortage = 0,
                                     weeks_without_shortage = 0, fill_rate = 0, cost_per_week = 0, weeks_of_demand_ordered = 0 }
  row.skus = row.skus + 1
  row.target = row.target + sku.target
  if sku.sim.cycle_service_level then            -- absent when no order cycle completed within a year
    row.cycles = row.cycles + sku.sim.cycles
    row.cycles_without_shortage = row.cycles_without_shortage + sku.sim.cycle_service_level.mean * sku.sim.cycles
  end
  row.weeks_without_shortage = row.weeks_without_shortage + sku.sim.period_service_level.mean
  row.fill_rate = row.fill_rate + sku.sim.fill_rate.mean
  row.cost_per_week = row.cost_per_week + sku.sim.cost.mean
  row.weeks_of_demand_ordered = row.weeks_of_demand_ordered + (sku.S - sku.s) / sku.mean
  by_class[sku.abc] = row
end
local class_rows = {}
for _, name in ipairs({ "A", "B", "C" }) do
  local row = by_class[name]
  for _, f in ipairs({ "target", "weeks_without_shortage", "fill_rate", "weeks_of_demand_ordered" }) do row[f] = row[f] / row.skus end
  row.cycle_service = row.cycles > 0 and row.cycles_without_shortage / row.cycles or nil
  class_rows[#class_rows + 1] = row
end
report.md("Averages per class (cycle service pools the class's order cycles; cost per week is the class total):")
report.table(class_rows, { columns = { "class", "skus", "target", "cycle_service", "cycles", "weeks_without_shortage", "fill_rate",
                                       "weeks_of_demand_ordered", "cost_per_week" } })

-- %% [markdown]
-- The cycle service falls short of the targets in every class, while the weeks without a
-- shortage and the fill rates look fine. The formula sets s from the first three weeks of the
-- forecast alone, and it ignores the undershoot: a weekly review finds the position already
-- below s, by half a week's demand or more (Lab 2). A stock-out spoils the whole cycle it falls
-- in but only the few weeks it lasts, so the weekly share stays high. The C items complete only
-- one or two cycles a year each, so their cycle service rests on few cycles per path.
--
-- Compare the last two columns. An A item orders about a month of demand at a time, while a
-- cheap B or C item orders many months: with K = 40 and a small h, the EOQ says so. Such items
-- rarely run short, so their fill rate comes from cycle stock, not safety stock.
--
-- ## 5. Tuning (s, S) by simulation
-- The formula treats the two decisions separately: s for service, S − s for ordering cost. A
-- simulation can weigh them together. We turn the service target into a penalty per unit
-- backordered per week, p = h·α/(1 − α). That is the cost at which a base-stock policy would
-- choose the cycle service α (the critical fractile p/(p + h) = α, Lab 3). Then we minimise the
-- simulated cost per week
--
--     C(s, S) = h·E[on hand] + p·E[backorders] + K·E[orders]
--
-- over whole-numbered (s, S) with a coordinate search, starting from the formula's policy. The
-- simulator draws every path with the same seed for every (s, S) it tries: **common random
-- numbers**. So C(s, S) is a deterministic function, and the search compares policies, not
-- noise (docs/inventory.md; examples/ss_by_simulation.lua). Each search takes a few dozen
-- simulations, so we tune every SKU. The first table sums the result by class; the second
-- lists the A items.

-- %% Tune every SKU
for _, sku in ipairs(skus) do
  local best = optimize.minimize(function(x)
    if x[2] <= x[1] then return math.huge end
    return simulate(sku, x[1], x[2]).cost.mean
  end, { math.floor(sku.s + 0.5), math.floor(sku.S + 0.5) }, { method = "coordinate_search",
    lower = { 0, 1 }, upper = { 40 * math.ceil(sku.mean) + 50, 80 * math.ceil(sku.mean) + 100 },
    initial_step = math.max(1, math.floor(sku.mean / 2)) })
  sku.tuned = { s = best.x[1], S = best.x[2], sim = simulate(sku, best.x[1], best.x[2]), evaluations = best.evaluations }
end
local saving_rows, tuned_rows = {}, {}
for _, name in ipairs({ "A", "B", "C" }) do
  local row = { class = name, skus = 0, cost_formula = 0, cost_tuned = 0, fill_formula = 0, fill_tuned = 0 }
  for _, sku in ipairs(skus) do
    if sku.abc == name then
      row.skus = row.skus + 1
      row.cost_formula = row.cost_formula + sku.sim.cost.mean
      row.cost_tuned = row.cost_tuned + sku.tuned.sim.cost.mean
      row.fill_formula = row.fill_formula + sku.sim.fill_rate.mean
      row.fill_tuned = row.fill_tuned + sku.tuned.sim.fill_rate.mean
    end
  end
  row.fill_formula, row.fill_tuned = row.fill_formula / row.skus, row.fill_tuned / row.skus
  row.saving_per_week = row.cost_formula - row.cost_tuned
  row.saving_percent = 100 * row.saving_per_week / row.cost_formula
  saving_rows[#saving_rows + 1] = row
end
report.table(saving_rows, { columns = { "class", "skus", "cost_formula", "cost_tuned", "saving_per_week", "saving_percent", "fill_formula", "fill_tuned" } })
for _, sku in ipairs(skus) do
  if sku.abc == "A" then
    tuned_rows[#tuned_rows + 1] = { sku = sku.key, class = sku.class, formula_s = sku.s, formula_S = sku.S, cost_formula = sku.sim.cost.mean,
      tuned_s = sku.tuned.s, tuned_S = sku.tuned.S, cost_tuned = sku.tuned.sim.cost.mean,
      fill_formula = sku.sim.fill_rate.mean, fill_tuned = sku.tuned.sim.fill_rate.mean, simulations = sku.tuned.evaluations }
  end
end
report.table(tuned_rows, { columns = { "sku", "class", "formula_s", "formula_S", "cost_formula", "tuned_s", "tuned_S", "cost_tuned",
                                       "fill_formula", "fill_tuned", "simulations" } })

-- %% [markdown]
-- Three things to read in these tables:
--
-- * **Where tuning pays.** The percentage saving is similar in every class, but the money is in
--   A. The A items carry most of the cost, so a tenth of their cost is worth far more than a
--   tenth of C's. That is why ABC decides where the analyst's time goes.
-- * **How it saves.** The tuned s is usually *below* the formula's. The formula protects every
--   3-week window at the target. Against a penalty, the search finds it cheaper to let the cycle
--   stock of a large order absorb part of the risk, so the fill rates move down towards the
--   targets.
-- * **When the formula fails.** The formula takes s from the first three weeks of the
--   forecast only. For a product whose forecast rises during the year, that s is too low later.
--   The simulation runs along the whole forecast, sees the rise and raises s. A stationary
--   formula cannot do that. The cell below finds the A item that falls furthest below its
--   target under the formula.

-- %% The worst formula policy
local worst
for _, sku in ipairs(skus) do
  if sku.abc == "A" and (not worst or sku.sim.fill_rate.mean - sku.target < worst.sim.fill_rate.mean - worst.target) then worst = sku end
end
local path_mean = paths[worst.key]:mean()
report.md(("**%s** (%s, target %.2f): the forecast mean rises from %.0f units in week 1 to %.0f in week %d. The formula's s = %.0f gives a fill rate of %.3f. The tuned s = %.0f gives %.3f, at %.0f %% less cost."):format(
  worst.key, worst.class, worst.target, path_mean[1], path_mean[H], H, worst.s, worst.sim.fill_rate.mean, worst.tuned.s,
  worst.tuned.sim.fill_rate.mean, 100 * (1 - worst.tuned.sim.cost.mean / worst.sim.cost.mean)))

-- %% [markdown]
-- What does the search see? For the top SKU, the chart draws the simulated cost against s for
-- four order sizes S − s: half, one, one and a half and two times the tuned one. The solid line
-- is the lowest of the four at each s. Near the optimum the curves are flat, and many policies
-- cost nearly the same, so small errors in the inputs cost little (the EOQ's flat bottom
-- again). The last chart replays the tuned policy on the first sample path.

-- %% The cost surface
local first = skus[1]
local q0 = first.tuned.S - first.tuned.s
local sizes = {}
for j, f in ipairs({ 0.5, 1, 1.5, 2 }) do sizes[j] = math.max(1, math.floor(f * q0 + 0.5)) end
plot.cost_curve(function(s)
  s = math.floor(s + 0.5)
  local parts, lowest = {}, math.huge
  for _, q in ipairs(sizes) do
    local c = simulate(first, s, s + q).cost.mean
    parts["S − s = " .. q] = c
    lowest = math.min(lowest, c)
  end
  return lowest, parts
end, math.floor(0.6 * first.tuned.s), math.floor(1.4 * first.tuned.s), { points = 41, xlabel = "reorder point s", ylabel = "cost per week",
  title = "Simulated cost per week, " .. first.key, caption = "Cost against s for four order sizes; the solid line is the cheapest of them at each s" })

local replay = simulate(first, first.tuned.s, first.tuned.S, true)
plot.simulation(replay, { periods = 26, levels = { s = first.tuned.s, S = first.tuned.S },
  title = "Tuned (s, S) for " .. first.key .. ", first sample path", caption = "On hand, on order and backorders over the first 26 weeks of one simulated future" })

-- %% [markdown]
-- ## 6. The risk table
-- Policies are for the future. The question on Monday morning is **which products are at risk
-- now**. We take a stock snapshot: each SKU has between half a week and eight weeks of forecast
-- demand on hand, drawn with the lab's seed. `inventory.risk` draws 1000 paths from each fitted
-- model and estimates, for each SKU:
--
-- * the probability of running out before an order placed today could arrive (2 weeks);
-- * the expected shortage in units;
-- * the weeks of cover;
-- * the stock still left after 8 weeks.
--
-- The table is sorted by **exposure**: expected shortage × unit cost.

-- %% Risks
local items = {}
for _, sku in ipairs(skus) do
  items[#items + 1] = { key = sku.key, on_hand = math.floor(sku.mean * (0.5 + 7.5 * math.random()) + 0.5),
                        unit_cost = sku.unit_cost, demand = fits:model(sku.key) }
end
local risks = inventory.risk(items, { lead_time = lead_time, horizon = 8, n = 1000 })
local class_of = {}
for _, sku in ipairs(skus) do class_of[sku.key] = sku.class end
local shown = {}
for i = 1, 10 do
  local r = risks[i]
  shown[i] = { sku = r.key, class = class_of[r.key], on_hand = r.on_hand, weeks_of_cover = r.periods_of_cover, p_stockout = r.p_stockout,
               expected_shortage = r.expected_shortage, exposure = r.exposure, excess_value_after_8_weeks = r.excess_value }
end
report.table(shown, { columns = { "sku", "class", "on_hand", "weeks_of_cover", "p_stockout", "expected_shortage", "exposure", "excess_value_after_8_weeks" } })
local at_risk, excess = 0, 0
for _, r in ipairs(risks) do
  if r.p_stockout > 0.5 then at_risk = at_risk + 1 end
  excess = excess + r.excess_value
end
report.md(("**%d of %d SKUs** are more likely than not to run out before an order placed today could arrive. Stock worth %.0f is expected to be still on the shelves after 8 weeks."):format(
  at_risk, #risks, excess))

-- %% [markdown]
-- ## Exercises
-- Answers are in `forecast_to_policy_solutions.md`.
--
-- 1. Give every A item a target of 99 % (change `target` in section 4, for example
--    `c.abc == "A" and 0.99 or c.service_level`). Predict what happens to the A items' s, fill
--    rate and cost per week, for the formula and for the tuned policies. Then check.
-- 2. The penalty p = h·α/(1 − α) turns a target into a cost. What penalty does a 98 % target
--    imply for an item with unit cost 20? What happens to p, and to the tuned s, as α → 1?
-- 3. Change the lead time to 4 weeks. Which part of the policy changes most, s or S − s? Why?
-- 4. In section 5, tune on 100 paths instead of 200 and evaluate the tuned policy on 200 *other*
--    paths (a new `m:sample`). Is the saving over the formula still there? What does that say
--    about tuning on few scenarios?
-- 5. The risk table ranks by exposure. Give an example where a SKU with a higher p_stockout should
--    still come lower in the list, and one where you would rank by p_stockout instead.
