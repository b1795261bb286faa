#!/usr/bin/env python3
"""Run statsforecast 2.1.1 models on the exported M3 series (see export_m3.py).

Models (--models, comma separated; default all but Theta):
  AutoETS, AutoARIMA, AutoTheta, AutoCES, DynamicOptimizedTheta, Theta, Ensemble
Every model gets season_length = m (1 yearly/other, 4 quarterly, 12 monthly).
"Ensemble" is the plain mean of AutoETS, AutoARIMA, AutoCES and
DynamicOptimizedTheta (Petropoulos & Svetunkov 2020); it is built from those
four models' result files, which must exist for the same --every, and its time
is the sum of theirs.

Protocol: single process, single core, one model at a time, one series at a
time through the model's own `forecast(y, h)` (what StatsForecast(n_jobs=1)
does per series, minus the DataFrame plumbing).  Before a model is timed it is
fitted once on the first series of each category (warm-up, not timed).  Time is
CPU time (time.process_time) and wall time (time.perf_counter) per category.
A series whose fit raises or returns non-finite values is left out of the
forecast file (and reported), so the scorer counts it as missing.

Categories run in the order Yearly, Quarterly, Other, Monthly (cheapest first).

Writes results/statsforecast_<Model>[_everyK].csv (id,h,yhat) and merges
{ "statsforecast_<Model>[_everyK]": {cpu_s, wall_s, series, ok, failed, per_category, complete} }
into results/statsforecast_times.json.  Both are rewritten after each category
and every 250 series ("complete": false until the model has done all
categories; per category, "done" = series attempted so far), so an interrupted
run keeps what it finished; the scorer then reports the rest as missing.
"""
import argparse
import csv
import os
import sys
import time
import warnings

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import m3io  # noqa: E402

ALL = ["AutoETS", "AutoARIMA", "AutoTheta", "AutoCES", "DynamicOptimizedTheta", "Theta", "Ensemble"]
DEFAULT = ["AutoETS", "AutoTheta", "AutoCES", "DynamicOptimizedTheta", "AutoARIMA", "Ensemble"]
ENSEMBLE_OF = ["AutoETS", "AutoARIMA", "AutoCES", "DynamicOptimizedTheta"]


def make(name, m):
    import statsforecast.models as M
    if name == "AutoETS":
        return M.AutoETS(season_length=m)
    if name == "AutoARIMA":
        return M.AutoARIMA(season_length=m)
    if name == "AutoTheta":
        return M.AutoTheta(season_length=m)
    if name == "AutoCES":
        return M.AutoCES(season_length=m)
    if name == "DynamicOptimizedTheta":
        return M.DynamicOptimizedTheta(season_length=m)
    if name == "Theta":
        return M.Theta(season_length=m)
    raise ValueError(name)


def run_model(name, meta, train, checkpoint=None, chunk=250):
    fc, failed = {}, []
    per = {}
    # warm-up: one fit per category on its first series, not timed
    seen = set()
    for sid, mt in meta.items():
        if mt["category"] not in seen:
            seen.add(mt["category"])
            make(name, mt["m"]).forecast(y=np.asarray(train[sid], dtype=float), h=mt["h"])
    # cheapest categories first, so that an interrupted run keeps the most
    for cat in ["Yearly", "Quarterly", "Other", "Monthly"]:
        ids = [sid for sid, mt in meta.items() if mt["category"] == cat]
        if not ids:
            continue
        cpu = wall = 0.0
        nok = 0
        for k in range(0, len(ids), chunk):
            part = ids[k:k + chunk]
            ys = [np.asarray(train[sid], dtype=float) for sid in part]
            c0, w0 = time.process_time(), time.perf_counter()
            out = []
            for sid, y in zip(part, ys):
                mt = meta[sid]
                try:
                    r = make(name, mt["m"]).forecast(y=y, h=mt["h"])["mean"]
                except Exception as e:  # noqa: BLE001 -- record, carry on
                    r = e
                out.append(r)
            cpu += time.process_time() - c0
            wall += time.perf_counter() - w0
            for sid, r in zip(part, out):
                if isinstance(r, Exception):
                    failed.append((sid, f"{type(r).__name__}: {r}"))
                elif len(r) != meta[sid]["h"] or not np.all(np.isfinite(r)):
                    failed.append((sid, "non-finite or wrong length"))
                else:
                    fc[sid] = [float(v) for v in r]
                    nok += 1
            per[cat] = dict(cpu_s=round(cpu, 3), wall_s=round(wall, 3), series=len(ids), ok=nok,
                            done=min(k + chunk, len(ids)))
            if checkpoint and k + chunk < len(ids):
                checkpoint(fc, failed, per)
        print(f"  {name:22s} {cat:9s} {len(ids):5d} series  cpu {cpu:8.2f} s  wall {wall:8.2f} s", flush=True)
        if checkpoint:
            checkpoint(fc, failed, per)
    return fc, failed, per


def read_fc(path):
    out = {}
    with open(path, newline="") as f:
        for r in csv.DictReader(f):
            out.setdefault(r["id"], {})[int(r["h"])] = float(r["yhat"])
    return {k: [v[i] for i in sorted(v)] for k, v in out.items()}


def ensemble(meta, sfx, times, results):
    comps = []
    for c in ENSEMBLE_OF:
        p = os.path.join(results, f"statsforecast_{c}{sfx}.csv")
        if not os.path.exists(p):
            sys.exit(f"Ensemble needs {p}: run --models {c} first (same --every)")
        comps.append(read_fc(p))
    fc = {}
    for sid in meta:
        if all(sid in c for c in comps):
            fc[sid] = list(np.mean([c[sid] for c in comps], axis=0))
    per = {}
    for cat in m3io.CATEGORIES:
        cs = [times.get(f"statsforecast_{c}{sfx}", {}).get("per_category", {}).get(cat) for c in ENSEMBLE_OF]
        if all(cs):
            per[cat] = dict(cpu_s=round(sum(c["cpu_s"] for c in cs), 3),
                            wall_s=round(sum(c["wall_s"] for c in cs), 3),
                            series=cs[0]["series"], ok=sum(1 for s in fc if meta[s]["category"] == cat))
    return fc, per


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--models", default=",".join(DEFAULT), help=f"comma list from {ALL}")
    ap.add_argument("--every", type=int, default=1, help="use data exported with --every K")
    ap.add_argument("--data", default=m3io.DATA)
    ap.add_argument("--results", default=m3io.RESULTS, help="output directory")
    a = ap.parse_args()
    models = [s.strip() for s in a.models.split(",") if s.strip()]
    for mname in models:
        if mname not in ALL:
            sys.exit(f"unknown model {mname}; choose from {ALL}")
    paths = m3io.data_paths(a.every, a.data)
    meta = m3io.read_meta(paths["meta"])
    train = m3io.read_long(paths["train"], set(meta))
    sfx = m3io.suffix(a.every)
    os.makedirs(a.results, exist_ok=True)
    tpath = os.path.join(a.results, "statsforecast_times.json")
    import statsforecast
    print(f"statsforecast {statsforecast.__version__}, {len(meta)} series", flush=True)
    warnings.filterwarnings("ignore")
    def save(key, fc, failed, per, note, complete):
        m3io.write_forecasts(os.path.join(a.results, key + ".csv"), fc)
        entry = dict(cpu_s=round(sum(p["cpu_s"] for p in per.values()), 3),
                     wall_s=round(sum(p["wall_s"] for p in per.values()), 3),
                     series=len(meta), ok=len(fc), failed=[f"{s}: {e}" for s, e in failed][:50],
                     per_category=per, complete=complete,
                     tool=f"statsforecast {statsforecast.__version__}", note=note)
        m3io.merge_times(tpath, {key: entry})
        return entry

    for mname in models:
        key = f"statsforecast_{mname}{sfx}"
        note = "model.forecast(y, h) per series, n_jobs=1, warm-up untimed"
        if mname == "Ensemble":
            import json
            times = json.load(open(tpath)) if os.path.exists(tpath) else {}
            fc, per = ensemble(meta, sfx, times, a.results)
            failed = [(s, "missing in a component") for s in meta if s not in fc]
            note = "mean of " + ", ".join(ENSEMBLE_OF) + "; time = sum of components"
        else:
            load0 = os.getloadavg()[0]

            def checkpoint(fc, failed, per, key=key, note=note, load0=load0):
                # after each category, so that an interrupted long run keeps the categories it finished
                save(key, fc, failed, per, note + f"; 1-min load average {load0:.2f} at start (2 cores)", False)

            fc, failed, per = run_model(mname, meta, train, checkpoint)
            note += f"; 1-min load average {load0:.2f} at start, {os.getloadavg()[0]:.2f} at end (2 cores)"
        entry = save(key, fc, failed, per, note, True)
        print(f"{key}: {len(fc)}/{len(meta)} series, cpu {entry['cpu_s']:.1f} s, wall {entry['wall_s']:.1f} s"
              + (f", {len(failed)} failed: {failed[:5]}" if failed else ""), flush=True)


if __name__ == "__main__":
    main()
