"""stockpyl's Zheng–Federgruen (s_s_discrete_exact, use_poisson=True) on the same instances: median of 3."""
import statistics
import time

from stockpyl.ss import s_s_discrete_exact

for mean in (5, 20, 50, 100, 200):
    times = []
    for _ in range(3):
        t = time.perf_counter()
        s, S, cost = s_s_discrete_exact(holding_cost=1, stockout_cost=4, fixed_cost=2 * mean, use_poisson=True, demand_mean=mean)
        times.append(time.perf_counter() - t)
    print(f"stockpyl mean {mean:3d}: (s,S) = ({s:.0f}, {S:.0f}), cost {cost:.6f}, {statistics.median(times):.5f} s")
