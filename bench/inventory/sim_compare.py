"""The same (s, S) instance through stockpyl 1.0.2's simulator and `almanac run`:
Poisson(6) demand, h = 1, p = 4, no fixed cost (stockpyl's simulator has none),
(s, S) = (4, 10), backorders. Conventions: stockpyl's shipment_lead_time L + 1
matches Almanac's lead_time L (Almanac receives an order with lead time 0 in the
period it is placed). stockpyl: one run of N periods; Almanac: 10 replications
of N periods (warm-up 0). Reports mean cost per period and the wall-time ratio.
Run with the stockpyl virtualenv from bench/inventory/run.sh, from the repository root."""
import os
import subprocess
import sys
import tempfile
import time

from stockpyl.sim import simulation
from stockpyl.supply_chain_network import single_stage_system

N = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
almanac = next((p for p in (".build/release/almanac", ".build/debug/almanac") if os.path.exists(p)), None)
if almanac is None:
    sys.exit("build almanac first (swift build -c release --product almanac)")

for lead_time in (1, 2):
    net = single_stage_system(holding_cost=1, stockout_cost=4, demand_type="P", mean=6,
                              shipment_lead_time=lead_time + 1, policy_type="sS",
                              reorder_point=4, order_up_to_level=10)
    t = time.perf_counter()
    total = simulation(net, N, rand_seed=1, progress_bar=False)
    stockpyl_seconds = time.perf_counter() - t
    script = f"""
    local t0 = os.clock()
    local r = inventory.simulate({{ type = "ss", s = 4, S = 10 }}, {{ demand = dist.poisson(6), lead_time = {lead_time},
      holding_cost = 1, stockout_cost = 4, periods = {N}, warmup = 0, replications = 10, seed = 1 }})
    print(r.cost.mean, r.cost.half_width, os.clock() - t0)
    """
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as f:
        f.write(script)
    out = subprocess.run([almanac, "run", "-o", tempfile.gettempdir(), f.name], capture_output=True, text=True, check=True).stdout
    os.unlink(f.name)
    mean, half, seconds = map(float, out.split())
    print(f"lead time {lead_time} (stockpyl {lead_time + 1}): stockpyl {total / N:.4f} per period ({N} periods, {stockpyl_seconds:.2f} s); "
          f"Almanac {mean:.4f} ± {half:.4f} ({10 * N} periods, {seconds:.4f} s, {os.path.basename(os.path.dirname(almanac))} build); "
          f"periods per second {10 * N / seconds / (N / stockpyl_seconds):,.0f}× stockpyl's")
