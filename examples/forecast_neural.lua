-- A global N-BEATS model trained across a panel of SKUs, beside ETS.
-- One network learns from every series at once; each SKU then gets its own
-- forecast, intervals and sample paths from it, like any fitted panel.
-- (A small network and few steps so the example runs in seconds; the
-- defaults are larger: see docs/forecasting-neural.md.)
local panel = data.synthetic_retail{ skus = 30, periods = 104, seed = 5 }

local params = { horizon = 8, width = 64, blocks = 3, layers = 2, steps = 300, seed = 1 }
local nb = forecast.fit_many(panel, "nbeats", params)
local key = panel:keys()[1]
local m = nb:model(key)
print(m.method)
print(string.format("trained %d steps, kept step %d, validation loss %.4f",
  m:params().steps, m:params().best_step, m:params().validation_loss))

local fc = m:forecast{ h = 8, levels = { 80, 95 } }
print(string.format("%s, next week: %.1f (80%%: %.1f to %.1f)", key, fc.mean[1], fc:lower(80)[1], fc:upper(80)[1]))

-- Sample paths for the inventory layer: demand over a 4-week lead time.
local paths = m:sample{ h = 4, n = 2000 }
local totals = paths:totals(1, 4)
table.sort(totals)
print(string.format("lead-time demand: median %.0f, 95th percentile %.0f", totals[1000], totals[1900]))

-- The same backtest as any model: the network is retrained once per window on the whole panel.
local bt = forecast.backtest("nbeats", panel, { h = 8, windows = 1, params = params })
local ets = forecast.backtest("ets", panel, { h = 8, windows = 1 })
print(string.format("MASE over %d SKUs: nbeats %.3f, ets %.3f", #panel:keys(), bt.metrics.mase, ets.metrics.mase))
