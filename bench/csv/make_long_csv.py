#!/usr/bin/env python3
"""Writes a long-form sales CSV (date,sku,qty) for the CSV benchmark.

    python3 bench/csv/make_long_csv.py OUT.csv [SKUS] [DAYS]

Defaults: 20,000 SKUs x 1,826 days (2020-01-01 .. 2024-12-31) = 36.5 M rows, about 1.0 GB.
Rows are grouped by SKU and in date order, as exports from a data warehouse usually are.
Quantities come from a fixed-seed generator, so the file is the same on every run.
"""
import datetime
import random
import sys

out = sys.argv[1]
skus = int(sys.argv[2]) if len(sys.argv) > 2 else 20_000
days = int(sys.argv[3]) if len(sys.argv) > 3 else 1_826
start = datetime.date(2020, 1, 1)
dates = [(start + datetime.timedelta(days=d)).isoformat() for d in range(days)]
rng = random.Random(2026)
with open(out, "w", buffering=1 << 24) as f:
    f.write("date,sku,qty\n")
    for s in range(skus):
        sku = f"SKU-{s:06d}"
        level = rng.uniform(0.5, 60)
        lines = [f"{d},{sku},{int(level * rng.uniform(0.5, 1.5))}\n" for d in dates]
        f.write("".join(lines))
