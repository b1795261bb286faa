#!/usr/bin/env python3
"""Mean of forecast files (id,h,yhat), weighted: combine.py OUT.csv FILE[:WEIGHT] ...
Used to add nbeats to the statistical ensemble (weight 4 for the 4-member
ensemble's file, 1 for nbeats = the mean of all five members)."""
import csv
import sys

out, specs = sys.argv[1], sys.argv[2:]
total, weights = {}, 0.0
for spec in specs:
    path, _, w = spec.partition(":")
    w = float(w or 1)
    weights += w
    with open(path) as f:
        for row in csv.DictReader(f):
            key = (row["id"], int(row["h"]))
            total[key] = total.get(key, 0.0) + w * float(row["yhat"])
with open(out, "w") as f:
    f.write("id,h,yhat\n")
    for (i, h), v in sorted(total.items()):
        f.write(f"{i},{h},{v / weights!r}\n")
