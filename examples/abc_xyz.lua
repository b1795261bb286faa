-- ABC/XYZ on the synthetic retail panel, then a reorder point per SKU at the
-- service level its class recommends. Demand per week is estimated from the
-- last 52 weeks (normal for steady items, Poisson for slow movers); the lead
-- time is 2 weeks. Run: almanac run examples/abc_xyz.lua  (writes out/reorder_points.csv)

local panel = data.synthetic_retail{ skus = 30, periods = 104, seed = 11 }
local classes = inventory.abc_xyz(panel, { last = 52 })

local function mean_sd(values)
  local n, s, s2 = 0, 0, 0
  for _, v in ipairs(values) do n = n + 1; s = s + v; s2 = s2 + v * v end
  local m = s / n
  return m, math.sqrt(math.max(0, (s2 - n * m * m) / (n - 1)))
end

local counts, rows = {}, {}
print(("%-9s %-4s %6s %5s %6s %8s %9s %8s"):format("sku", "cell", "share", "cv", "level", "weekly", "reorder", "safety"))
for _, c in ipairs(classes) do
  counts[c.class] = (counts[c.class] or 0) + 1
  local recent = panel[c.key]:tail(52):values()
  local m, sd = mean_sd(recent)
  local demand = (sd * sd > m * 1.05 and m > 5) and dist.normal(m, sd) or dist.poisson(math.max(m, 0.01))
  local r = inventory.reorder_point{ demand = demand, lead_time = 2, service_level = c.service_level }
  rows[#rows + 1] = { sku = c.key, class = c.class, service_level = c.service_level,
                      weekly_mean = m, reorder_point = r.reorder_point, safety_stock = r.safety_stock }
  print(("%-9s %-4s %5.1f%% %5.2f %6.2f %8.1f %9.1f %8.1f"):format(
    c.key, c.class, 100 * c.share, c.cv, c.service_level, m, r.reorder_point, r.safety_stock))
end

print()
for _, cell in ipairs{ "AX", "AY", "AZ", "BX", "BY", "BZ", "CX", "CY", "CZ" } do
  if counts[cell] then io.write(cell, ": ", counts[cell], "  ") end
end
print()
print("written to " .. data.write_csv("reorder_points.csv", rows))
