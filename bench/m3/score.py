#!/usr/bin/env python3
"""Score M3 forecasts: sMAPE and MASE per category and overall, as a Markdown table.

  python3 score.py [--every K | --meta F --test F --train F] [--name NAME ...]
                   [--times T.json ...] [--json OUT] FORECAST.csv ...

Standard library only (runs with any python3, no venv needed).

Forecast files (.csv, or .csv.gz): header `id,h,yhat`, one row per series and step h = 1..H
(H = the series' horizon in m3_meta.csv); the method name is the file's stem,
or the matching --name (given once per file, in order).  Rows for ids not in
the meta file are ignored, so a full-M3 forecast file can be scored on the
--every K subset.  A series counts as forecast only if all its H steps are
present and finite; otherwise it is *missing*.  Metrics are averaged over the
forecast series only, and any method with missing > 0 is flagged with "†" in
the table: never compare a flagged row with an unflagged one.

Definitions (M4 conventions):
  sMAPE_t = 200 |y_t - f_t| / (|y_t| + |f_t|)        (a 0/0 term counts as 0)
  sMAPE   = per series, the mean of sMAPE_t over its H steps; then the mean over
            series (per category, and over all series = "sMAPE")
  sMAPE over all points = the mean of sMAPE_t over every forecast point of every
            series pooled (so monthly series, with H = 18, weigh more)
  MASE    = per series, mean |y_t - f_t| over the H steps divided by the
            in-sample mean absolute seasonal-naive error
            mean_{t=m+1..n} |x_t - x_{t-m}|, m from the meta file (1 yearly and
            other, 4 quarterly, 12 monthly); if n <= m the lag falls back to 1
            (never happens in M3); then the mean over series.

Times files (--times, repeatable): JSON {method: {"cpu_s": .., "wall_s": ..,
"per_category": {"Yearly": {"cpu_s": .., "wall_s": ..}, ...}}}; the methods
found there get CPU/wall columns and a per-category timing table.
"""
import argparse
import csv
import gzip
import json
import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import m3io  # noqa: E402

CATS = m3io.CATEGORIES


def read_forecasts(path, meta):
    raw = {}
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", newline="") as f:
        rd = csv.DictReader(f)
        if rd.fieldnames is None or [c.strip() for c in rd.fieldnames[:3]] != ["id", "h", "yhat"]:
            sys.exit(f"{path}: header must be id,h,yhat (got {rd.fieldnames})")
        for r in rd:
            sid = r["id"].strip()
            if sid not in meta:
                continue
            try:
                v = float(r["yhat"])
            except (TypeError, ValueError):
                v = float("nan")
            raw.setdefault(sid, {})[int(r["h"])] = v
    return raw


def smape_terms(y, f):
    out = []
    for a, b in zip(y, f):
        d = abs(a) + abs(b)
        out.append(0.0 if d == 0 else 200.0 * abs(a - b) / d)
    return out


def mase_scale(x, m):
    if len(x) <= m:
        m = 1
    diffs = [abs(x[i] - x[i - m]) for i in range(m, len(x))]
    return sum(diffs) / len(diffs) if diffs else float("nan")


def score(raw, meta, test, scales):
    per = {c: dict(smape=[], mase=[], points=[], series=0, missing=0) for c in CATS}
    missing_ids = []
    for sid, mt in meta.items():
        cat = per[mt["category"]]
        cat["series"] += 1
        got = raw.get(sid, {})
        f = [got.get(i) for i in range(1, mt["h"] + 1)]
        if any(v is None or not math.isfinite(v) for v in f):
            cat["missing"] += 1
            missing_ids.append(sid)
            continue
        y = test[sid]
        terms = smape_terms(y, f)
        cat["smape"].append(sum(terms) / len(terms))
        cat["points"].extend(terms)
        mae = sum(abs(a - b) for a, b in zip(y, f)) / len(y)
        cat["mase"].append(mae / scales[sid] if scales[sid] > 0 else float("nan"))

    def mean(v):
        v = [x for x in v if math.isfinite(x)]
        return sum(v) / len(v) if v else float("nan")

    res = {"categories": {}}
    for c in CATS:
        p = per[c]
        if p["series"] == 0:
            continue
        res["categories"][c] = dict(series=p["series"], forecast=len(p["smape"]), missing=p["missing"],
                                    smape=mean(p["smape"]), smape_points=mean(p["points"]),
                                    mase=mean(p["mase"]),
                                    mase_undefined=sum(1 for x in p["mase"] if not math.isfinite(x)))
    allv = lambda k: [x for c in CATS for x in per[c][k]]  # noqa: E731
    res.update(series=len(meta), forecast=len(allv("smape")), missing=len(missing_ids),
               smape=mean(allv("smape")), smape_points=mean(allv("points")), mase=mean(allv("mase")),
               missing_ids=missing_ids[:100])
    return res


def fnum(x, d):
    return "n/a" if x is None or not math.isfinite(x) else f"{x:.{d}f}"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("forecasts", nargs="+", help="forecast CSV files (id,h,yhat)")
    ap.add_argument("--name", action="append", default=[], help="method name for the n-th file")
    ap.add_argument("--every", type=int, default=1, help="score on the data exported with --every K")
    ap.add_argument("--data", default=m3io.DATA, help="directory of the exported data")
    ap.add_argument("--meta"), ap.add_argument("--test"), ap.add_argument("--train")
    ap.add_argument("--times", action="append", default=[], help="times JSON (method -> cpu_s, wall_s, ...)")
    ap.add_argument("--json", help="write the numbers to this JSON file")
    a = ap.parse_args()
    paths = m3io.data_paths(a.every, a.data)
    meta = m3io.read_meta(a.meta or paths["meta"])
    ids = set(meta)
    test = m3io.read_long(a.test or paths["test"], ids)
    train = m3io.read_long(a.train or paths["train"], ids)
    for sid, mt in meta.items():
        if len(test.get(sid, [])) != mt["h"] or len(train.get(sid, [])) != mt["n"]:
            sys.exit(f"data files disagree with meta for {sid}")
    scales = {sid: mase_scale(train[sid], mt["m"]) for sid, mt in meta.items()}
    times = {}
    for t in a.times:
        with open(t) as f:
            times.update(json.load(f))
    if len(a.name) > len(a.forecasts):
        sys.exit("more --name than forecast files")
    names = a.name + [os.path.basename(p).split(".")[0] for p in a.forecasts[len(a.name):]]

    results = {}
    for name, path in zip(names, a.forecasts):
        r = score(read_forecasts(path, meta), meta, test, scales)
        r["file"] = path
        if name in times:
            r["times"] = times[name]
        results[name] = r

    cats = [c for c in CATS if any(mt["category"] == c for mt in meta.values())]
    has_t = any("times" in r for r in results.values())
    hdr = (["method", "series", "missing"] + [f"sMAPE {c[0]}" for c in cats] + ["sMAPE", "sMAPE pts"]
           + [f"MASE {c[0]}" for c in cats] + ["MASE"] + (["CPU s", "wall s"] if has_t else []))
    counts = ", ".join(f"{c} {sum(1 for m in meta.values() if m['category'] == c)}" for c in cats)
    print(f"M3: {len(meta)} series ({counts})\n")
    print("| " + " | ".join(hdr) + " |")
    print("|" + "|".join("---" if i == 0 else "---:" for i in range(len(hdr))) + "|")
    flagged = other_n = False
    for name, r in results.items():
        flag = " †" if r["missing"] else ""
        flagged |= bool(r["missing"])
        row = [name + flag, str(r["forecast"]), str(r["missing"])]
        row += [fnum(r["categories"][c]["smape"], 2) for c in cats]
        row += [fnum(r["smape"], 2), fnum(r["smape_points"], 2)]
        row += [fnum(r["categories"][c]["mase"], 3) for c in cats] + [fnum(r["mase"], 3)]
        if has_t:
            t = r.get("times", {})
            other = " ‡" if t and t.get("series") not in (None, len(meta)) else ""
            other_n |= bool(other)
            row += [fnum(t.get("cpu_s"), 1) + other if t else "", fnum(t.get("wall_s"), 1) + other if t else ""]
        print("| " + " | ".join(row) + " |")
    if flagged:
        print("\n† missing or non-finite forecasts for some series: its means are over fewer series, "
              "not comparable with complete rows.")
    if other_n:
        print("\n‡ time measured on a different number of series (the run the times file records), "
              "not on the series scored here.")
    if has_t:
        print("\nTimes (s) per category, CPU / wall:\n")
        print("| method | " + " | ".join(cats) + " | total |")
        print("|---|" + "---:|" * (len(cats) + 1))
        for name, r in results.items():
            t = r.get("times")
            if not t:
                continue
            pc = t.get("per_category", {})
            cells = [f"{fnum(pc[c].get('cpu_s'), 1)} / {fnum(pc[c].get('wall_s'), 1)}" if c in pc else ""
                     for c in cats]
            star = " ‡" if t.get("series") not in (None, len(meta)) else ""
            print(f"| {name}{star} | " + " | ".join(cells) + f" | {fnum(t.get('cpu_s'), 1)} / {fnum(t.get('wall_s'), 1)} |")
    if a.json:
        with open(a.json, "w") as f:
            json.dump(dict(series=len(meta), meta=a.meta or paths["meta"], methods=results), f, indent=2)
            f.write("\n")


if __name__ == "__main__":
    main()
