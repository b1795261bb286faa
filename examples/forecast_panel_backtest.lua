-- A multi-SKU panel: fit every series on all cores, backtest several models by
-- rolling origin, and print an accuracy table to choose a default per catalogue.
-- Run: almanac run examples/forecast_panel_backtest.lua

local panel = data.synthetic_retail{ skus = 12, periods = 104, seed = 5 }
print(("%d SKUs, %d weeks each"):format(#panel:keys(), #panel:series(panel:keys()[1])))

-- Fit ETS to every SKU (a failure would fall back to naive and be listed).
local fp = forecast.fit_many(panel, "ets")
print(("fitted %d series, %d failures"):format(#fp, #fp.failures))
for _, f in ipairs(fp.failures) do print("  " .. f.key .. ": " .. f.reason) end
local fcs = fp:forecast{ h = 8 }
local first = panel:keys()[1]
print(("%s: %s, next week %.1f"):format(first, fp:model(first).method, fcs[first].mean[1]))
print()

-- Rolling-origin backtest: 4 origins, 8 weeks ahead, for each candidate model.
print(("%-14s %8s %8s %8s %8s"):format("model", "MAE", "RMSE", "MASE", "RMSSE"))
for _, name in ipairs({ "naive", "snaive", "ses", "ets", "theta", "croston" }) do
  local r = forecast.backtest(name, panel, { h = 8, windows = 4 })
  local m = r.metrics
  print(("%-14s %8.2f %8.2f %8.3f %8.3f"):format(name, m.mae, m.rmse, m.mase, m.rmsse))
end
