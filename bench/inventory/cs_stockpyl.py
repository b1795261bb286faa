"""stockpyl's Clark–Scarf (ssm_serial.optimize_base_stock_levels) at its default grid
(x_num=1000, d_num=100): Example 6.1 (3 stages) and Problem 6.2(a) (5 stages), median of 3."""
import statistics
import time

from stockpyl.ssm_serial import optimize_base_stock_levels

INSTANCES = {
    "3 stages (Example 6.1)": dict(num_nodes=3, echelon_holding_cost=[2, 2, 3], lead_time=[2, 1, 1],
                                   stockout_cost=37.12, demand_mean=5, demand_standard_deviation=1),
    "5 stages (Problem 6.2a)": dict(num_nodes=5, echelon_holding_cost=[1, 1, 1, 2, 2], lead_time=[0.5] * 5,
                                    stockout_cost=24, demand_mean=64, demand_standard_deviation=8),
}

for name, instance in INSTANCES.items():
    times = []
    for _ in range(3):
        t = time.perf_counter()
        S, C = optimize_base_stock_levels(**instance, x_num=1000, d_num=100)
        times.append(time.perf_counter() - t)
    levels = ", ".join(f"{S[j]:.4f}" for j in sorted(S))
    print(f"stockpyl {name}: S* = ({levels}), C* {C:.6f}, {statistics.median(times):.4f} s")
