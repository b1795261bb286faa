"""Small shared helpers for the M3 benchmark scripts (no third-party imports)."""
import csv
import json
import math
import os
from collections import OrderedDict

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "data")
RESULTS = os.path.join(HERE, "results")
CATEGORIES = ["Yearly", "Quarterly", "Monthly", "Other"]


def suffix(every):
    return "" if every in (None, 1) else f"_every{every}"


def data_paths(every=1, data_dir=DATA):
    s = suffix(every)
    return {k: os.path.join(data_dir, f"m3_{k}{s}.csv") for k in ("train", "test", "meta")}


def read_meta(path):
    """id -> dict(category, m, h, n, start), in file order."""
    out = OrderedDict()
    with open(path, newline="") as f:
        for r in csv.DictReader(f):
            out[r["id"]] = dict(category=r["category"], m=int(r["m"]), h=int(r["h"]),
                                n=int(r["n"]), start=r.get("start", ""))
    return out


def read_long(path, ids=None):
    """id -> list of floats, ordered by t (checks t is consecutive)."""
    tmp = {}
    with open(path, newline="") as f:
        for r in csv.DictReader(f):
            if ids is not None and r["id"] not in ids:
                continue
            tmp.setdefault(r["id"], []).append((int(r["t"]), float(r["y"])))
    out = {}
    for k, v in tmp.items():
        v.sort()
        ts = [t for t, _ in v]
        if ts != list(range(ts[0], ts[0] + len(ts))):
            raise ValueError(f"{path}: {k}: periods not consecutive")
        out[k] = [y for _, y in v]
    return out


def fmt(v):
    """Shortest decimal that round-trips to the same double."""
    v = float(v)
    if math.isfinite(v) and v.is_integer() and abs(v) < 1e15:
        return str(int(v))
    return repr(v)


def write_forecasts(path, fc):
    """fc: id -> sequence of h floats. Writes id,h,yhat."""
    with open(path, "w", newline="\n") as f:
        f.write("id,h,yhat\n")
        for sid, vals in fc.items():
            f.writelines(f"{sid},{i},{fmt(v)}\n" for i, v in enumerate(vals, 1))


def merge_times(path, entries):
    """Merge {method: {...}} into the JSON file at path (created if absent)."""
    cur = {}
    if os.path.exists(path):
        with open(path) as f:
            cur = json.load(f)
    cur.update(entries)
    with open(path, "w") as f:
        json.dump(cur, f, indent=2, sort_keys=True)
        f.write("\n")
