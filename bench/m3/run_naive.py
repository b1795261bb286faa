#!/usr/bin/env python3
"""Naive benchmarks for M3, own implementation (standard library only):

  naive2   Naive forecast of the seasonally adjusted series, re-seasonalised,
           as in the M4 competition's benchmark code (R, "Benchmarks and
           Evaluation.R"): a series with m > 1 is seasonal when n >= 3m and
           |r_m| > 1.645 * sqrt((1 + 2 * sum_{k=1}^{m-1} r_k^2) / n)
           (r_k the sample autocorrelation, as R's acf: denominator the sum of
           squares over all n); a seasonal series is divided by the seasonal
           indices of classical multiplicative decomposition (R's decompose():
           centred moving average of order m, 2x m-MA for even m; index =
           mean ratio per position in the cycle, normalised to mean 1), and
           the last seasonally adjusted value, times the index of each future
           period, is the forecast.
  snaive   Seasonal naive: the value one season earlier (m from the meta file;
           for m = 1 the plain naive forecast).
  naive1   Plain naive (last value), for reference.

Writes results/{naive2,snaive,naive1}[_everyK].csv and merges times into
results/naive_times.json.
"""
import argparse
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import m3io  # noqa: E402


def acf(x, k):
    n = len(x)
    mu = sum(x) / n
    den = sum((v - mu) ** 2 for v in x)
    return sum((x[i] - mu) * (x[i - k] - mu) for i in range(k, n)) / den


def seasonal(x, m):
    n = len(x)
    if m <= 1 or n < 3 * m:
        return False
    r = [acf(x, k) for k in range(1, m + 1)]
    limit = 1.645 * ((1 + 2 * sum(v * v for v in r[: m - 1])) / n) ** 0.5
    return abs(r[m - 1]) > limit


def seasonal_indices(x, m):
    """R decompose(type = "multiplicative")$figure, positions 0..m-1 from the first observation."""
    n = len(x)
    if m % 2 == 0:
        w = [0.5] + [1.0] * (m - 1) + [0.5]
    else:
        w = [1.0] * m
    w = [v / m for v in w]
    half = len(w) // 2
    ratios = [[] for _ in range(m)]
    for t in range(half, n - half):
        trend = sum(w[j] * x[t - half + j] for j in range(len(w)))
        ratios[t % m].append(x[t] / trend)
    fig = [sum(r) / len(r) for r in ratios]
    mean = sum(fig) / m
    return [f / mean for f in fig]


def naive2(x, m, h):
    n = len(x)
    if seasonal(x, m):
        si = seasonal_indices(x, m)
        last = x[-1] / si[(n - 1) % m]
        return [last * si[(n + i) % m] for i in range(h)]
    return [x[-1]] * h


def snaive(x, m, h):
    n = len(x)
    if n < m:
        m = 1
    return [x[n - m + (i % m)] for i in range(h)]


def naive1(x, m, h):
    return [x[-1]] * h


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--every", type=int, default=1)
    ap.add_argument("--data", default=m3io.DATA)
    a = ap.parse_args()
    paths = m3io.data_paths(a.every, a.data)
    meta = m3io.read_meta(paths["meta"])
    train = m3io.read_long(paths["train"], set(meta))
    sfx = m3io.suffix(a.every)
    os.makedirs(m3io.RESULTS, exist_ok=True)
    entries = {}
    for name, fn in (("naive2", naive2), ("snaive", snaive), ("naive1", naive1)):
        fc, per = {}, {}
        for cat in m3io.CATEGORIES:
            ids = [s for s, mt in meta.items() if mt["category"] == cat]
            c0, w0 = time.process_time(), time.perf_counter()
            for sid in ids:
                fc[sid] = fn(train[sid], meta[sid]["m"], meta[sid]["h"])
            per[cat] = dict(cpu_s=round(time.process_time() - c0, 3),
                            wall_s=round(time.perf_counter() - w0, 3), series=len(ids), ok=len(ids))
        m3io.write_forecasts(os.path.join(m3io.RESULTS, f"{name}{sfx}.csv"), fc)
        entries[name + sfx] = dict(cpu_s=round(sum(p["cpu_s"] for p in per.values()), 3),
                                   wall_s=round(sum(p["wall_s"] for p in per.values()), 3),
                                   series=len(meta), ok=len(fc), failed=[], per_category=per,
                                   tool="run_naive.py (pure Python)")
    nseas = sum(1 for s, mt in meta.items() if seasonal(train[s], mt["m"]))
    print(f"{len(meta)} series, {nseas} judged seasonal by the 90% test")
    m3io.merge_times(os.path.join(m3io.RESULTS, "naive_times.json"), entries)


if __name__ == "__main__":
    main()
