-- Simulation throughput: SKU-periods per second on one core, base-stock and (s,S), Poisson(6).
for _, case in ipairs{ { "base_stock", { type = "base_stock", level = 12 } }, { "ss", { type = "ss", s = 4, S = 10 } } } do
  local t0 = os.clock()
  local r = inventory.simulate(case[2], { demand = dist.poisson(6), holding_cost = 1, stockout_cost = 4, fixed_cost = 5,
                                          periods = 1000000, warmup = 0, replications = 10, seed = 1 })
  local seconds = os.clock() - t0
  print(("%-10s %d periods in %.2f s: %.1f M SKU-periods/s (cost %.4f ± %.4f)"):format(
    case[1], r.periods_simulated, seconds, r.periods_simulated / seconds / 1e6, r.cost.mean, r.cost.half_width))
end
