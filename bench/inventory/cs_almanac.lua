-- Clark–Scarf on the instances of cs_stockpyl.py: stockpyl's grid (x_num 1000, d_num 100)
-- and Almanac's default fine grid; median of 21 runs each.
local instances = {
  { "3 stages (Example 6.1)", { num_nodes = 3, echelon_holding_cost = { 2, 2, 3 }, lead_time = { 2, 1, 1 },
    stockout_cost = 37.12, demand_mean = 5, demand_standard_deviation = 1 } },
  { "5 stages (Problem 6.2a)", { num_nodes = 5, echelon_holding_cost = { 1, 1, 1, 2, 2 }, lead_time = 0.5,
    stockout_cost = 24, demand_mean = 64, demand_standard_deviation = 8 } },
}
for _, case in ipairs(instances) do
  local name, model = case[1], case[2]
  for _, method in ipairs{ "stockpyl_grid", "fine" } do
    model.method = method
    local times, r = {}, nil
    for i = 1, 21 do
      local t0 = os.clock()
      r = inventory.serial_base_stock(model)
      times[i] = os.clock() - t0
    end
    table.sort(times)
    local levels = {}
    for j = 1, #r.S_star do levels[j] = ("%.4f"):format(r.S_star[j]) end
    print(("almanac %s, %s: S* = (%s), C* %.6f, %.5f s"):format(name, method, table.concat(levels, ", "), r.C_star, times[11]))
  end
end
