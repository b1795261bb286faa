-- The EOQ, three ways, for every item in examples/data/eoq_items.csv:
--   1. the closed form Q* = √(2Kλ/h)                       (inventory.eoq)
--   2. golden-section search on the native EOQ cost plugin  (optimize.scalar)
--   3. with planned backorders: Nelder–Mead on a cost plugin written in Lua
--      (plugins/eoq_backorder_cost.lua), checked against its closed form.
-- The first row is the textbook instance (Snyder & Shen, Example 3.1):
-- K = 8, h = 0.225, λ = 1300 → Q* = 304.0468, cost 68.4105.
--
-- Run:  almanac run examples/eoq.lua          (writes out/eoq_results.csv)

local data = arg[1] or "examples/data/eoq_items.csv"

local function read_items(path)
  local items, header = {}, nil
  local n = 0
  for line in io.lines(path) do
    n = n + 1
    local fields = {}
    for field in line:gmatch("[^,]+") do fields[#fields + 1] = field end
    if not header then
      header = fields
    else
      local item = {}
      for i, name in ipairs(header) do
        item[name] = i == 1 and fields[i] or tonumber(fields[i])
        if item[name] == nil then error(("%s:%d: column '%s' is not a number"):format(path, n, name)) end
      end
      items[#items + 1] = item
    end
  end
  return items
end

local function agree(a, b, tolerance)
  return math.abs(a - b) <= tolerance * math.max(1, math.abs(b))
end

local items = read_items(data)
local out = assert(io.open(almanac.out("eoq_results.csv"), "w"))
out:write("sku,q_closed_form,q_golden_section,cost,q_backorder,backorder_fraction,cost_backorder\n")

print(("%-13s %12s %12s %10s   %12s %8s %10s"):format(
  "sku", "Q* formula", "Q* search", "cost", "Q* backord.", "x*", "cost"))
local all_agree = true
for _, item in ipairs(items) do
  local model = { fixed_cost = item.fixed_cost, holding_cost = item.holding_cost, demand_rate = item.demand_rate }

  local closed = inventory.eoq(model)
  local cost = almanac.cost("eoq_cost", model)
  local searched = optimize.scalar(cost, 1, 20 * closed.order_quantity, { method = "golden_section" })

  local with_backorders = inventory.eoq {
    fixed_cost = item.fixed_cost, holding_cost = item.holding_cost,
    stockout_cost = item.stockout_cost, demand_rate = item.demand_rate,
  }
  local lua_cost = almanac.cost("eoq_backorder_cost", {
    fixed_cost = item.fixed_cost, holding_cost = item.holding_cost,
    stockout_cost = item.stockout_cost, demand_rate = item.demand_rate,
  })
  local nm = optimize.minimize(lua_cost, { closed.order_quantity, 0.5 }, {
    method = "nelder_mead", lower = { 1, 0 }, upper = { 20 * closed.order_quantity, 1 },
    x_tolerance = 1e-10, f_tolerance = 1e-12,
  })

  local ok = agree(searched.x, closed.order_quantity, 1e-7) and agree(searched.f, closed.cost, 1e-9)
    and agree(nm.x[1], with_backorders.order_quantity, 1e-5)
    and agree(nm.x[2], with_backorders.stockout_fraction, 1e-5)
    and agree(nm.f, with_backorders.cost, 1e-9)
  all_agree = all_agree and ok

  print(("%-13s %12.4f %12.4f %10.4f   %12.4f %8.4f %10.4f %s"):format(
    item.sku, closed.order_quantity, searched.x, closed.cost,
    nm.x[1], nm.x[2], nm.f, ok and "" or "  <-- disagrees with the closed form"))
  out:write(("%s,%.6f,%.6f,%.6f,%.6f,%.6f,%.6f\n"):format(
    item.sku, closed.order_quantity, searched.x, closed.cost, nm.x[1], nm.x[2], nm.f))
end
out:close()

print()
print(all_agree and "Every search agrees with its closed form." or "Some searches disagree with the closed form.")
print("Results written to " .. almanac.out("eoq_results.csv"))
if not all_agree then error("the EOQ check failed") end
