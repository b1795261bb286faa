"""Export statsmodels.datasets.co2 (weekly Mauna Loa CO2) to datasets/co2.csv.

Run from the repository root (before export_datasets.R, which reads co2.csv to fill datasets.json):
    python3 Tests/References/export_co2.py

The values are copied as the text statsmodels ships in its co2.csv (one decimal, ppmv), so no
float formatting is involved. statsmodels' own loader puts them on a W-SAT index that starts at the
first date; the shipped dates are already consecutive Saturdays, which this script checks.
The 59 weeks without a measurement are empty cells in the shipped file and stay empty here.
"""
import csv
import datetime as dt
import os

import statsmodels
import statsmodels.datasets.co2 as co2mod

OUT = os.path.join("data", "datasets", "co2.csv")
SRC = os.path.join(os.path.dirname(co2mod.__file__), "co2.csv")

with open(SRC, newline="") as f:
    rows = list(csv.DictReader(f))

dates = [dt.datetime.strptime(r["date"], "%Y%m%d").date() for r in rows]
assert all((b - a).days == 7 for a, b in zip(dates, dates[1:])), "co2 weeks are not consecutive"
assert all(d.weekday() == 5 for d in dates), "co2 dates are not Saturdays"

# Cross-check against statsmodels' own loader: same length, same non-missing values in order.
frame = co2mod.load_pandas().data
assert len(frame) == len(rows)
for r, v in zip(rows, frame["co2"].tolist()):
    if r["co2"] == "":
        assert v != v  # NaN
    else:
        assert float(r["co2"]) == v

with open(OUT, "w", newline="") as f:
    f.write("date,value\n")
    for d, r in zip(dates, rows):
        f.write(f"{d.isoformat()},{r['co2']}\n")

missing = sum(1 for r in rows if r["co2"] == "")
print(f"statsmodels {statsmodels.__version__}: wrote {OUT}: {len(rows)} weeks "
      f"{dates[0]}..{dates[-1]}, {missing} missing")
