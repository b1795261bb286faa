-- The airline series (Box & Jenkins' monthly passengers, 1949–1960): hold out the
-- last two years, fit the automatic models, compare them on the holdout, then
-- forecast 18 months from the full series with the best one.
-- Run: almanac run examples/forecast_airline.lua

local air = data.dataset("airpassengers")
local train, test = air:split(24)

print(("%-16s %-34s %8s %8s %8s"):format("model", "fitted", "MASE", "sMAPE", "95% cov"))
local best, bestMASE
for _, name in ipairs({ "snaive", "ets", "auto_arima", "theta", "dynamic_optimized_theta", "ces", "ensemble" }) do
  local m = forecast.fit(name, train)
  local fc = m:forecast{ h = 24, levels = { 80, 95 } }
  local a = forecast.accuracy(fc, test)
  print(("%-16s %-34s %8.3f %8.2f %8.2f"):format(name, m.method:sub(1, 34), a.mase, a.smape, a.coverage["95"]))
  if not bestMASE or a.mase < bestMASE then best, bestMASE = name, a.mase end
end
print()

-- The winner, refitted on all 144 months; its parameters and 18 months ahead.
local m = forecast.fit(best, air)
print(m:summary())
local fc = m:forecast{ h = 18, levels = { 80, 95 } }
for i, row in ipairs(fc:rows()) do
  if i <= 6 then
    print(("%s  %7.1f   80%%: %7.1f to %7.1f   95%%: %7.1f to %7.1f"):format(
      row.date, row.mean, row.lower_80, row.upper_80, row.lower_95, row.upper_95))
  end
end

-- ETS on the log scale (Box-Cox lambda = 0), as in the textbook treatment.
local logm = forecast.fit("ets", air, { lambda = 0 })
print(("\nETS on logs: %s, first forecast %.1f"):format(logm.method, logm:forecast{ h = 1 }.mean[1]))
