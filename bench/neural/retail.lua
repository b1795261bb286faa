-- The global N-BEATS model beside the statistical models on the synthetic
-- e-commerce panel: each model forecasts the last h weeks of every SKU from
-- the weeks before (forecast.backtest, one window; covariates at their actual
-- future values, ex-post), and the table gives the
-- mean MASE, RMSSE and sMAPE over SKUs and the wall time of each.
--   almanac run bench/neural/retail.lua [skus] [weeks] [nbeats params as key=value ...] [only=TEXT]
local skus, weeks = tonumber((...) or "500"), tonumber((select(2, ...)) or "156")
local nbeats = { horizon = 13, width = 128 }
for i = 3, select("#", ...) do
  local k, v = (select(i, ...)):match("^([%w_]+)=(.*)$")
  nbeats[k] = tonumber(v) or (v == "true" and true) or (v == "false" and false) or v
end
-- only=TEXT runs just the models whose label contains TEXT (e.g. only=lstm).
local only = nbeats.only
nbeats.only = nil
local panel = data.synthetic_retail{ skus = skus, periods = weeks, seed = 7 }
-- nbeats's options plus `extra` (lstm takes the shared ones, not width).
local function with(extra, model)
  local p = {}
  for k, v in pairs(nbeats) do if model ~= "lstm" or k ~= "width" then p[k] = v end end
  for k, v in pairs(extra) do p[k] = v end
  return p
end
local promo = { covariates = { "promo", "price" } }
local kinds = { categories = { "category", "segment" } }
local both = { covariates = { "promo", "price" }, categories = { "category", "segment" } }
local calendar = { covariates = { "promo", "price" }, categories = { "category", "segment" }, calendar = true }
local models = {
  { "snaive", {} }, { "ets", {} }, { "theta", {} }, { "ensemble", {} }, { "nbeats", nbeats },
  { "nbeats", with(promo), "nbeats + promo, price" },
  { "nbeats", with(kinds), "nbeats + category, segment" },
  { "nbeats", with(both), "nbeats + promo, price, category, segment" },
  { "nbeats", with(calendar), "nbeats + promo, price, category, segment, calendar" },
  { "lstm", with(both, "lstm"), "lstm + promo, price, category, segment" },
}
print(string.format("synthetic retail: %d SKUs × %d weeks, the last 13 weeks held out", skus, weeks))
print("| model | MASE | RMSSE | sMAPE | failures | wall s |")
print("|---|---:|---:|---:|---:|---:|")
for _, m in ipairs(models) do
  if only and not (m[3] or m[1]):find(only, 1, true) then goto continue end
  local start = almanac.clock()
  local r = forecast.backtest(m[1], panel, { h = 13, windows = 1, params = m[2] })
  print(string.format("| %s | %.3f | %.3f | %.2f | %d | %.1f |", m[3] or m[1], r.metrics.mase, r.metrics.rmsse, r.metrics.smape,
    #r.failures, almanac.clock() - start))
  ::continue::
end
