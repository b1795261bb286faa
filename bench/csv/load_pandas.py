"""pandas.read_csv on the benchmark CSV, with and without parsing the dates
(Almanac always parses them), then the rows per SKU as pandas users group them."""
import sys
import time

import pandas as pd

path, mode = sys.argv[1], sys.argv[2]
t = time.perf_counter()
if mode == "plain":
    frame = pd.read_csv(path)
elif mode == "dates":
    frame = pd.read_csv(path, parse_dates=["date"])
else:  # dates + one series per SKU, the closest to what Almanac builds
    frame = pd.read_csv(path, parse_dates=["date"])
    series = {k: g.set_index("date")["qty"].asfreq("D") for k, g in frame.groupby("sku", sort=True)}
print(f"pandas {mode}: {len(frame)} rows in {time.perf_counter() - t:.2f} s")
