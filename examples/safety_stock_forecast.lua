-- Safety stock from a forecast: the reorder point for a 95 % cycle service level when
-- lead-time demand comes from the forecast's own sample paths, against the textbook
-- normal approximation. Run: almanac run examples/safety_stock_forecast.lua
local panel = data.synthetic_retail{ skus = 5, periods = 104, seed = 3 }
local sku = "SKU-0003"
local history = panel[sku]
local lead_time = 3                                    -- weeks from order to delivery

local model = forecast.fit("ets", history)
print(("%s: %s fitted to %d weeks"):format(sku, model.method, #history))

-- 1. From sample paths: demand over the next 3 weeks, one total per simulated future.
local paths = model:sample{ h = lead_time, n = 5000 }
local lead_demand = dist.empirical(paths:totals(1, lead_time))
local from_paths = inventory.reorder_point{ lead_time_demand = lead_demand, service_level = 0.95 }

-- 2. The textbook way: normal with the forecast mean and the 80 % interval's implied sd per week,
--    weeks taken as independent (which ignores that forecast errors accumulate).
local fc = model:forecast{ h = lead_time, levels = { 80 } }
local mean, variance = 0, 0
for k = 1, lead_time do
  mean = mean + fc.mean[k]
  local sd = (fc:upper(80)[k] - fc.mean[k]) / 1.2816
  variance = variance + sd * sd
end
local from_normal = inventory.reorder_point{ lead_time_demand = dist.normal(mean, math.sqrt(variance)), service_level = 0.95 }

print(("lead-time demand: mean %.1f units"):format(mean))
print(("reorder point from sample paths: %6.1f  (safety stock %5.1f)"):format(from_paths.reorder_point, from_paths.safety_stock))
print(("reorder point, normal approx.:   %6.1f  (safety stock %5.1f)"):format(from_normal.reorder_point, from_normal.safety_stock))
-- The paths carry the model's error structure (errors that persist through the level);
-- the normal approximation with independent weeks understates that spread.
plot.histogram(paths:totals(1, lead_time), { title = "Simulated demand over the lead time", xlabel = "units",
  out = "safety_stock_paths.svg" })
