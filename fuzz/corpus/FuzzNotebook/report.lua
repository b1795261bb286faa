-- ---
-- title: Weekly replenishment review
-- author: Almanac example (synthetic data)
-- seed: 11
-- description: Forecast every SKU, choose a policy per ABC class, simulate it, and list the risks.
-- ---

-- %% [markdown]
-- ## The catalogue
-- A seeded synthetic e-commerce panel: 40 SKUs over two years of weekly sales. The data has trend,
-- yearly seasonality, price changes, promotions, slow movers and launches. Every number below comes
-- from this script and its seed, so a colleague who renders it gets the same report:
-- `almanac render examples/report.lua -o out/report.html` (or `almanac run` it for the text version).

-- %% Load the panel
local panel = data.synthetic_retail{ skus = 40, periods = 104, seed = 11 }
local keys = panel:keys()
print(("%d SKUs, %d weeks each, from %s to %s"):format(#keys, #panel[keys[1]], panel[keys[1]].start, panel[keys[1]].finish))
plot.panel(panel, { max = 9, title = "Nine SKUs", caption = "Weekly units sold, first nine SKUs" })

-- %% [markdown]
-- ## ABC/XYZ classification
-- We rank SKUs by revenue over the last 52 weeks (A: the first 80 %, B: the next 15 %, C: the rest).
-- We also grade their variability by the coefficient of variation of weekly demand (X steady, Y
-- variable, Z erratic). Each cell of the grid gets a recommended cycle service level.

-- %% Classify
local classes = inventory.abc_xyz(panel, { last = 52 })
plot.pareto(classes, { title = "Revenue by SKU, last 52 weeks", caption = "Pareto chart: colour gives the ABC class" })
local cells = {}
for _, c in ipairs(classes) do
  local cell = cells[c.class] or { class = c.class, skus = 0, share = 0, service_level = c.service_level }
  cell.skus = cell.skus + 1
  cell.share = cell.share + c.share
  cells[c.class] = cell
end
local summary = {}
for _, cell in pairs(cells) do
  summary[#summary + 1] = { class = cell.class, skus = cell.skus, revenue_share = cell.share, service_level = cell.service_level }
end
report.table(summary, { columns = { "class", "skus", "revenue_share", "service_level" } })

-- %% [markdown]
-- ## Forecasts
-- We fit ETS to every SKU on all cores. A SKU that cannot be fitted falls back to a naive forecast,
-- and the failure is listed below. Before we trust the fits, a rolling-origin backtest (4-week
-- horizon, 3 origins) compares ETS with the seasonal naive and Croston benchmarks.

-- %% Fit and backtest
local fits = forecast.fit_many(panel, "ets")
print(("fitted %d SKUs, %d failures"):format(#fits, #fits.failures))
for _, f in ipairs(fits.failures) do print("  " .. f.key .. ": " .. f.reason) end
local accuracy = {}
for _, name in ipairs({ "ets", "snaive", "croston" }) do
  local m = forecast.backtest(name, panel, { h = 4, windows = 3 }).metrics
  accuracy[#accuracy + 1] = { model = name, MAE = m.mae, RMSE = m.rmse, MASE = m.mase }
end
report.table(accuracy, { columns = { "model", "MAE", "RMSE", "MASE" } })
local horizon, lead_time = 8, 2
local forecasts = fits:forecast{ h = horizon, levels = { 80, 95 } }
local top = classes[1].key
plot.forecast(forecasts[top], { last = 52, title = "Top seller " .. top, caption = "ETS forecast of the top seller, with 80 % and 95 % intervals" })

-- %% [markdown]
-- ## A policy per class
-- Every SKU gets a periodic-review **(s, S)** policy. It is reviewed weekly and an order arrives
-- after a lead time of **2 weeks**:
--
-- * **s (reorder point):** the lead-time demand quantile at the class's service level. Lead-time
--   demand is normal, with the forecast mean over the next two weeks and the forecast's own
--   uncertainty.
-- * **S (order-up-to level):** s plus the EOQ for a fixed cost of 40 per order and a holding cost
--   of 25 % of the unit cost per year.
--
-- We check each policy by simulating 3 × 500 weeks of demand drawn from the same distribution.

-- %% Choose and simulate
local policies = {}
for _, c in ipairs(classes) do
  local fc = forecasts[c.key]
  local weekly = math.max(0.1, (fc.mean[1] + fc.mean[2]) / 2)
  -- The forecast's 80 % interval gives its standard deviation: half-width / z(0.9).
  local sd = math.max(0.5, (fc:upper(80)[1] - fc.mean[1]) / 1.2816)
  local unit_cost = panel:attributes(c.key).unit_cost
  local h = 0.25 * unit_cost / 52
  local q = inventory.eoq{ fixed_cost = 40, holding_cost = h, demand_rate = weekly }.order_quantity
  local demand = dist.normal(weekly, sd)
  local s = inventory.reorder_point{ demand = demand, lead_time = lead_time, service_level = c.service_level }.reorder_point
  local S = s + q
  local sim = inventory.simulate({ type = "ss", s = s, S = S }, { demand = demand, lead_time = lead_time,
    holding_cost = h, stockout_cost = unit_cost, fixed_cost = 40, periods = 500, replications = 3, seed = 1, trace = c.key == top })
  policies[#policies + 1] = { sku = c.key, class = c.class, target = c.service_level, s = s, S = S,
                              weekly = weekly, sd = sd, csl = sim.cycle_service_level and sim.cycle_service_level.mean,
                              weeks_ok = sim.period_service_level.mean, fill_rate = sim.fill_rate.mean,
                              cost = sim.cost.mean, sim = sim }
end
local rows = {}
for i = 1, 10 do
  local p = policies[i]
  rows[i] = { sku = p.sku, class = p.class, s = p.s, S = p.S, target_csl = p.target, simulated_csl = p.csl,
              weeks_without_shortage = p.weeks_ok, fill_rate = p.fill_rate, cost_per_week = p.cost }
end
report.md("The ten largest SKUs. `simulated_csl` is the type 1 service achieved: the share of order cycles, from one delivery to the next, without a stock-out. It falls short of the target, because s covers the 2-week lead time only, while a weekly review must also cover the week until the next review and the undershoot below s (examples/labs/safety_stock.lua). The share of weeks without a shortage is far higher and would hide that.")
report.table(rows, { columns = { "sku", "class", "s", "S", "target_csl", "simulated_csl", "weeks_without_shortage", "fill_rate", "cost_per_week" } })
plot.simulation(policies[1].sim, { periods = 52, levels = { s = policies[1].s, S = policies[1].S },
  title = "Simulated (s, S) for " .. top, caption = "One simulated year of the top seller's policy" })

-- %% [markdown]
-- ## Risks
-- We take a stock snapshot for illustration: each SKU has between half a week and eight weeks of
-- forecast demand on hand, drawn with the report's seed. `inventory.risk` then draws 1000 sample
-- paths from each SKU's fitted model and estimates, per SKU:
--
-- * the probability of a stock-out before a new order could arrive (within the 2-week lead time);
-- * the expected shortage;
-- * the weeks of cover;
-- * the stock still left after the 8-week horizon.
--
-- The table is sorted by exposure: expected shortage × unit cost.

-- %% Risk table
local items = {}
for _, p in ipairs(policies) do
  items[#items + 1] = { key = p.sku, on_hand = math.floor(p.weekly * (0.5 + 7.5 * math.random()) + 0.5),
                        unit_cost = panel:attributes(p.sku).unit_cost, demand = fits:model(p.sku) }
end
local risks = inventory.risk(items, { lead_time = lead_time, horizon = horizon, n = 1000 })
local shown = {}
for i = 1, 12 do
  local r = risks[i]
  shown[i] = { sku = r.key, on_hand = r.on_hand, weeks_of_cover = r.periods_of_cover, p_stockout = r.p_stockout,
               expected_shortage = r.expected_shortage, exposure = r.exposure, excess_after_8_weeks = r.expected_excess }
end
report.table(shown, { columns = { "sku", "on_hand", "weeks_of_cover", "p_stockout", "expected_shortage", "exposure", "excess_after_8_weeks" } })
local at_risk, overstocked = 0, 0
for _, r in ipairs(risks) do
  if r.p_stockout > 0.5 then at_risk = at_risk + 1 end
  if r.expected_excess >= 1 then overstocked = overstocked + 1 end
end
report.md(("**%d of %d SKUs** are more likely than not to run out before a new order could arrive; %d are expected to hold stock still after 8 weeks."):format(at_risk, #risks, overstocked))
