-- Intermittent demand: a slow mover sells in few weeks. Croston-type methods
-- forecast the demand rate; their sample paths give lead-time demand for a
-- reorder point, and a backtest compares them.
-- Run: almanac run examples/forecast_intermittent.lua

local sales = series.new{ values = { 0, 0, 3, 0, 0, 0, 1, 0, 5, 0, 0, 2, 0, 0, 0, 0, 4, 0, 1, 0,
                                     0, 0, 0, 6, 0, 0, 2, 0, 0, 1, 0, 0, 0, 3, 0, 0, 0, 2, 0, 0,
                                     0, 4, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0 },
                          start = "2025-01-06", freq = "week", name = "slow mover" }

for _, name in ipairs({ "croston", "sba", "tsb", "adida", "imapa" }) do
  local m = forecast.fit(name, sales)
  local fc = m:forecast{ h = 4, levels = { 90 } }
  print(("%-8s %-40s rate %.3f a week, 90%% upper %.0f"):format(name, m.method:sub(1, 40), fc.mean[1], fc:upper(90)[1]))
end
print()

-- Lead-time demand over 3 weeks from SBA's sample paths: the 95% quantile is a
-- reorder point that covers 95% of lead times.
almanac.seed(42)
local paths = forecast.fit("sba", sales):sample{ h = 3, n = 5000 }
local totals = paths:totals()
table.sort(totals)
print(("lead-time demand: mean %.2f, 95%% quantile %.1f units"):format(
  (function() local s = 0 for _, x in ipairs(totals) do s = s + x end return s / #totals end)(),
  totals[math.ceil(0.95 * #totals)]))
print()

print(("%-8s %8s %8s"):format("model", "MAE", "RMSSE"))
for _, name in ipairs({ "naive", "croston", "sba", "tsb", "imapa" }) do
  local r = forecast.backtest(name, sales, { h = 4, windows = 6, step = 2 })
  print(("%-8s %8.3f %8.3f"):format(name, r.metrics.mae, r.metrics.rmsse))
end
