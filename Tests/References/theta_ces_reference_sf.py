"""statsforecast 2.1.1 reference values for Almanac's Theta family, CES and intermittent models.

Run from the repository root in a virtualenv of your own (not committed):
    python3 -m venv /tmp/theta-sf-venv
    /tmp/theta-sf-venv/bin/pip install "statsforecast==2.1.1"
    /tmp/theta-sf-venv/bin/python Tests/References/theta_ces_reference_sf.py
Writes Tests/References/theta_ces_reference_sf.json (about a minute, most of it numba/first calls).

Series: data/datasets/airpassengers.csv (season_length 12, h 24) and the M3 subset in
Tests/References/m3_subset.csv (season_length m from the file, M3 horizons); the intermittent
set in Tests/References/intermittent.csv with h 12. Models are fitted with Model(...).fit(y) on
float64 arrays and forecast with .predict(h, level=[80, 95]); parameters are read from the
fitted `model_` dict. Intervals of the Theta models come from 200 simulated paths (seed 0) and
those of CES from 5000 perturbed-state paths (seed 1): statsforecast's own methods, which
Almanac does not copy draw for draw, so tests compare them loosely. Doubles use Python's repr.
"""

import csv
import json
import math
import os
import platform
import time
from importlib.metadata import version

import numpy as np
from statsforecast.models import (ADIDA, IMAPA, TSB, AutoCES, AutoTheta, CrostonClassic,
                                  CrostonOptimized, CrostonSBA, DynamicOptimizedTheta,
                                  DynamicTheta, OptimizedTheta, Theta)
from statsforecast._lib import ses as _ses

REF = os.path.join("Tests", "References")
LEVELS = [80, 95]


def clean(x):
    if isinstance(x, dict):
        return {str(k): clean(v) for k, v in x.items()}
    if isinstance(x, (list, tuple, np.ndarray)):
        return [clean(v) for v in (x.tolist() if isinstance(x, np.ndarray) else x)]
    if isinstance(x, (bool, np.bool_)):
        return bool(x)
    if isinstance(x, (int, np.integer)):
        return int(x)
    if isinstance(x, (float, np.floating)):
        v = float(x)
        return v if math.isfinite(v) else None
    return x


def read():
    out = {}
    with open(os.path.join("data", "datasets", "airpassengers.csv")) as f:
        out["airpassengers"] = (12, 24, np.array([float(r["value"]) for r in csv.DictReader(f)]))
    hz = {"yearly": 6, "quarterly": 8, "monthly": 18, "other": 8}
    rows = {}
    with open(os.path.join(REF, "m3_subset.csv")) as f:
        for r in csv.DictReader(f):
            rows.setdefault(r["id"], (int(r["m"]), hz[r["category"]], []))[2].append(float(r["y"]))
    for k, (m, h, y) in rows.items():
        out[k] = (m, h, np.array(y))
    inter = {}
    with open(os.path.join(REF, "intermittent.csv")) as f:
        for r in csv.DictReader(f):
            inter.setdefault(r["id"], []).append(float(r["y"]))
    return out, {k: np.array(v) for k, v in inter.items()}


def intervals(p):
    return {f"{side}{lv}": p[f"{'lo' if side == 'lower' else 'hi'}-{lv}"]
            for lv in LEVELS for side in ("lower", "upper")}


def theta_entry(cls, y, m, h):
    t0 = time.perf_counter()
    mod = cls(season_length=m).fit(y)
    secs = time.perf_counter() - t0
    d = mod.model_
    p = mod.predict(h, level=LEVELS)
    out = {"modeltype": d["modeltype"], "par": d["par"], "mse": d["mse"],
           "decompose": bool(d.get("decompose", False)), "mean": p["mean"],
           "residuals": d["residuals"], "seconds": secs, **intervals(p)}
    if out["decompose"]:
        out["decomposition_type"] = d["decomposition_type"]
        out["seasonal_forecast"] = d["seas_forecast"]["mean"]
    return out


def ces_entry(y, m, h, model):
    t0 = time.perf_counter()
    mod = AutoCES(season_length=m, model=model).fit(y)
    secs = time.perf_counter() - t0
    if not hasattr(mod, "model_"):
        return {"naive": True}
    d = mod.model_
    p = mod.predict(h, level=LEVELS)
    return {"seasontype": d["seasontype"], "m": int(d["m"]), "par": d["par"],
            "loglik": d["loglik"], "aic": d["aic"], "aicc": d["aicc"], "bic": d["bic"],
            "sigma2": d["sigma2"], "mse": d["mse"], "nit": d["fit"].nit, "fn": d["fit"].fn,
            "residuals": d["residuals"], "final_states": d["states"][-2 * int(d["m"]):-int(d["m"])],
            "mean": p["mean"], "seconds": secs, **intervals(p)}


def main():
    series, inter = read()
    theta, ces = {}, {}
    classes = {"STM": Theta, "OTM": OptimizedTheta, "DSTM": DynamicTheta,
               "DOTM": DynamicOptimizedTheta, "auto": AutoTheta}
    for sid, (m, h, y) in series.items():
        theta[sid] = {"m": m, "h": h, **{k: theta_entry(c, y, m, h) for k, c in classes.items()}}
        forms = ["N", "S", "P", "F"] if m > 1 and len(y) >= 2 * m else ["N"]
        ces[sid] = {"m": m, "h": h, "auto": ces_entry(y, m, h, "Z"),
                    "forms": {f: ces_entry(y, m, h, f) for f in forms}}
    for sid in series:  # residuals only for AirPassengers, to keep the file small
        if sid != "airpassengers":
            for k in classes:
                theta[sid][k].pop("residuals")
            for e in [ces[sid]["auto"], *ces[sid]["forms"].values()]:
                e.pop("residuals", None)
    intermittent = {}
    for sid, y in inter.items():
        e = {}
        for name, make in [("CrostonClassic", CrostonClassic), ("CrostonOptimized", CrostonOptimized),
                           ("CrostonSBA", CrostonSBA), ("ADIDA", ADIDA), ("IMAPA", IMAPA),
                           ("TSB_0.2_0.1", lambda: TSB(alpha_d=0.2, alpha_p=0.1)),
                           ("TSB_0.1_0.3", lambda: TSB(alpha_d=0.1, alpha_p=0.3))]:
            r = make().forecast(y=y, h=12, fitted=name not in ("CrostonOptimized",))
            e[name] = {"mean": r["mean"], **({"fitted": r["fitted"]} if "fitted" in r else {})}
        sizes = y[y > 0]
        idx = np.where(y != 0)[0]
        gaps = np.diff(idx + 1, prepend=0).astype(float)
        e["CrostonOptimized"]["alpha_size"] = _ses.golden_section_ses(sizes, 0.1, 0.3)
        e["CrostonOptimized"]["alpha_interval"] = _ses.golden_section_ses(gaps, 0.1, 0.3)
        intermittent[sid] = {"n": len(y), "h": 12, "models": e}
    doc = {"tool": "statsforecast",
           "versions": {"python": platform.python_version(), "statsforecast": version("statsforecast"),
                        "numpy": np.__version__, "statsmodels": version("statsmodels")},
           "notes": {
               "theta": "STM = Theta, OTM = OptimizedTheta, DSTM = DynamicTheta, DOTM = DynamicOptimizedTheta, auto = AutoTheta, each (season_length=m) with defaults. par: initial_smoothed, alpha, theta. mse is statsforecast's objective: sum of squared one-step errors from t = 4 on, divided by the mean absolute value of the (seasonally adjusted) series. residuals are on the original scale (multiplied by the seasonal index when decomposed). seasonal_forecast: the m seasonal indices repeated over the horizon.",
               "ces": "AutoCES(season_length=m, model=Z|N|S|P|F). par: alpha_0, alpha_1, beta_0, beta_1 (null when unused). loglik = -0.5 n log(SSE); np = state columns + 1; sigma2 = SSE / (n - np - 1). final_states: the m rows of states after the last observation (1 row for N). nit and fn: the Nelder-Mead iterations and objective.",
               "intermittent": "h = 12. forecast(y, h, fitted=True) (CrostonOptimized without fitted: statsforecast refits it at every origin). alpha_size/alpha_interval: golden_section_ses on the nonzero sizes and on the intervals, in [0.1, 0.3]."},
           "theta": theta, "ces": ces, "intermittent": intermittent}
    with open(os.path.join(REF, "theta_ces_reference_sf.json"), "w") as f:
        json.dump(clean(doc), f, allow_nan=False)
        f.write("\n")


if __name__ == "__main__":
    assert version("statsforecast") == "2.1.1"
    main()
