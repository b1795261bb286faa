-- Zheng–Federgruen (s,S) for Poisson demand, h = 1, p = 4, K = 2·mean: median of 5 runs per mean.
for _, mean in ipairs{ 5, 20, 50, 100, 200 } do
  local times, r = {}, nil
  for i = 1, 5 do
    local t0 = os.clock()
    r = inventory.ss{ holding_cost = 1, stockout_cost = 4, fixed_cost = 2 * mean, demand = dist.poisson(mean) }
    times[i] = os.clock() - t0
  end
  table.sort(times)
  print(("almanac mean %3d: (s,S) = (%d, %d), cost %.6f, %.5f s"):format(mean, r.reorder_point, r.order_up_to_level, r.cost, times[3]))
end
