"""Reference values from Python's statsmodels for Almanac's time-series tests, compared with R's.

Run from the repository root, after stats_reference.R:
    Rscript Tests/References/stats_reference.R      # writes stats_reference_r.json
    python3 Tests/References/stats_reference.py     # writes stats_reference_py.json

The series are read from the CSVs in data/datasets, the same files the R
script reads. Floats are written by json with repr(), which is the shortest text that reads back
to the identical double; NaN is written as null. The section "agreement_with_r" holds, for every
quantity computed by both tools, the largest absolute difference from the R value.
"""
import json
import math
import os
import platform
import warnings

import numpy as np
import pandas as pd
import scipy
import statsmodels
from scipy.optimize import minimize_scalar
from statsmodels.stats.diagnostic import acorr_ljungbox
from statsmodels.tsa.seasonal import STL, seasonal_decompose
from statsmodels.tsa.stattools import acf, kpss, pacf

DATA = os.path.join("data", "datasets")
R_JSON = os.path.join("Tests", "References", "stats_reference_r.json")
OUT = os.path.join("Tests", "References", "stats_reference_py.json")
TOL = 1e-6  # the tolerance the agreement flags use

with open(os.path.join(DATA, "datasets.json")) as f:
    META = {m["name"]: m for m in json.load(f)["datasets"]}


def read_series(name):
    """Values of one CSV as float64 (empty cells would be NaN; these four series have none)."""
    m = META[name]
    frame = pd.read_csv(os.path.join(DATA, m["file"]), dtype={"date": str})
    assert len(frame) == m["length"]
    return frame["value"].to_numpy(dtype=float), m["period"]


def floats(a):
    """A list of Python floats with NaN -> None, for JSON."""
    return [None if (v is None or (isinstance(v, float) and math.isnan(v))) else float(v)
            for v in np.asarray(a, dtype=float).tolist()]


def max_abs_diff(a, b):
    """Largest |a - b| over positions where both are defined (None/NaN skipped, must coincide)."""
    a = np.array([np.nan if v is None else v for v in np.atleast_1d(a)], dtype=float)
    b = np.array([np.nan if v is None else v for v in np.atleast_1d(b)], dtype=float)
    assert a.shape == b.shape, (a.shape, b.shape)
    assert np.array_equal(np.isnan(a), np.isnan(b)), "missing values in different places"
    ok = ~np.isnan(a)
    return float(np.max(np.abs(a[ok] - b[ok]))) if ok.any() else 0.0


ap, _ = read_series("airpassengers")
SERIES = {
    "airpassengers": read_series("airpassengers"),
    "log_airpassengers": (np.log(ap), 12),
    "nile": read_series("nile"),
    "ukgas": read_series("ukgas"),
}

# --- per-series statistics -------------------------------------------------------------------


def kpss_all(x):
    """statsmodels KPSS, regression="c", with its own lag rules and with R's lag rules."""
    n = len(x)
    out = {"n": n}

    def one(nlags):
        r = kpss(x, regression="c", nlags=nlags, result_object=True)
        return {"statistic": float(r.statistic), "lag": int(r.lags), "p_value": float(r.pvalue)}

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # InterpolationWarning when p is clamped to 0.01 / 0.1
        # nlags="legacy": ceil(12 * (n/100)^(1/4)) in this version's code (its docstring says int).
        out["statsmodels_legacy"] = one("legacy")
        out["statsmodels_auto"] = one("auto")  # Hobijn et al. data-dependent lag
        # The same statistic at R's lags, to show the formulas agree when the lag does:
        out["at_urca_short_lag"] = one(int(math.trunc(4 * (n / 100) ** 0.25)))
        out["at_tseries_long_lag"] = one(int(math.trunc(12 * (n / 100) ** 0.25)))
        out["at_ndiffs_lag"] = one(int(math.trunc(3 * math.sqrt(n) / 13)))
    return out


def series_stats(name, x):
    res = {"n": len(x)}
    # ACF lags 1..24, autocovariances divided by n (adjusted=False), as R's acf.
    res["acf"] = floats(acf(x, nlags=24, fft=False)[1:])
    # PACF lags 1..24 by several statsmodels methods; which one equals R is in agreement_with_r.
    res["pacf"] = {m: floats(pacf(x, nlags=24, method=m)[1:])
                   for m in ("ldb", "ywm", "ld", "ywadjusted", "burg")}
    lb = acorr_ljungbox(x, lags=[10, 24])  # model_df = 0
    res["ljung_box"] = {str(k): {"lag": k, "statistic": float(lb.loc[k, "lb_stat"]),
                                 "p_value": float(lb.loc[k, "lb_pvalue"])} for k in (10, 24)}
    res["kpss"] = {"x": kpss_all(x), "diff": kpss_all(np.diff(x))}
    if name != "log_airpassengers":
        res["kpss"]["diff_log"] = kpss_all(np.diff(np.log(x)))
    return res


# --- STL ---------------------------------------------------------------------------------------


def nextodd(v):
    """R's stl() helper: round, then add 1 if even."""
    v = int(round(v))
    return v + 1 if v % 2 == 0 else v


def stl_r_matched(x, period, s_window):
    """statsmodels STL configured the way R's stl(x, s.window) runs with robust = FALSE.

    R's defaults that differ from statsmodels': s.degree = 0 (statsmodels seasonal_deg = 1),
    jumps ceiling(window / 10) (statsmodels 1), inner = 2 (statsmodels inner_iter = 5 when not
    robust). "periodic" is s.window = 10 n + 1, s.degree = 0, then the seasonal is replaced by
    its mean at each cycle position and the remainder recomputed.
    """
    n = len(x)
    periodic = s_window == "periodic"
    sw = 10 * n + 1 if periodic else s_window
    tw = nextodd(math.ceil(1.5 * period / (1 - 1.5 / sw)))
    lw = nextodd(period)
    params = dict(period=period, seasonal=sw, trend=tw, low_pass=lw, seasonal_deg=0,
                  trend_deg=1, low_pass_deg=1, robust=False,
                  seasonal_jump=math.ceil(sw / 10), trend_jump=math.ceil(tw / 10),
                  low_pass_jump=math.ceil(lw / 10))
    fit = STL(x, **params).fit(inner_iter=2, outer_iter=0)
    seasonal, trend = np.asarray(fit.seasonal), np.asarray(fit.trend)
    if periodic:
        pos = np.arange(n) % period  # the series start at cycle position 1 (January, Q1)
        means = np.array([seasonal[pos == k].mean() for k in range(period)])
        seasonal = means[pos]
    params.update(inner_iter=2, outer_iter=0, periodic_cycle_means=periodic)
    return params, seasonal, trend, x - seasonal - trend


def stl_default(x, period):
    """statsmodels STL(x, period, seasonal=7, robust=False) with every other default."""
    model = STL(x, period=period, seasonal=7, robust=False)
    fit = model.fit()
    params = dict(model.config, inner_iter=5, outer_iter=0)  # fit() defaults, not robust
    return params, np.asarray(fit.seasonal), np.asarray(fit.trend), np.asarray(fit.resid)


def stl_json(run):
    params, s, t, r = run
    return {"parameters": params, "seasonal": floats(s), "trend": floats(t), "remainder": floats(r)}


# --- Box-Cox (not in statsmodels: re-implemented from forecast's definitions) -------------------


def guer_cv(lam, x, period):
    """forecast:::guer.cv: CV of sd/mean^(1-lambda) over the last whole periods (at least 2)."""
    period = round(max(2, period))
    nyr = len(x) // period
    mat = x[len(x) - nyr * period:].reshape(nyr, period)  # one row per year
    rat = mat.std(axis=1, ddof=1) / mat.mean(axis=1) ** (1 - lam)
    return rat.std(ddof=1) / rat.mean()


def bc_loglik(x, period, lower=-1.0, upper=2.0):
    """forecast:::bcloglik: best lambda of seq(lower, upper, 0.05) for a regression on
    trend (+ season dummies when period > 1) of the Box-Cox transform scaled by gm^(lambda-1)."""
    n = len(x)
    logx = np.log(x)
    xdot = math.exp(logx.mean())
    cols = [np.ones(n), np.arange(1, n + 1, dtype=float)]
    if period > 1:
        pos = np.arange(n) % period
        cols += [(pos == k).astype(float) for k in range(1, period)]
    X = np.column_stack(cols)
    grid = np.array([lower + 0.05 * i for i in range(int(round((upper - lower) / 0.05)) + 1)])
    ll = []
    for la in grid:
        if abs(la) > 0.02:
            xt = (x ** la - 1) / la
        else:  # series expansion used by forecast near 0
            xt = logx * (1 + (la * logx) / 2 * (1 + (la * logx) / 3 * (1 + (la * logx) / 4)))
        y = xt / xdot ** (la - 1)
        resid = y - X @ np.linalg.lstsq(X, y, rcond=None)[0]
        ll.append(-n / 2 * math.log(np.sum(resid ** 2)))
    return float(grid[int(np.argmax(ll))])


GUER_GRID = [-1, -0.5, 0, 0.5, 1, 1.5, 2]


def boxcox_stats(x, period):
    g = minimize_scalar(guer_cv, bounds=(-1, 2), args=(x, period), method="bounded",
                        options={"xatol": 1e-10})
    return {"guerrero_scipy_bounded": float(g.x),
            "loglik_grid": bc_loglik(x, period),
            "guerrero_criterion_at": {"lambda": GUER_GRID,
                                      "value": [float(guer_cv(l, x, period)) for l in GUER_GRID]},
            "boxcox_lambda_0.5_first5": floats((np.sqrt(x[:5]) - 1) / 0.5)}


def seasonal_strength(x, period):
    """Fs = max(0, min(1, 1 - var(R)/var(R + S))) from the R-matched STL with s.window = 11."""
    _, s, _, r = stl_r_matched(x, period, 11)
    return max(0.0, min(1.0, 1 - np.var(r, ddof=1) / np.var(r + s, ddof=1)))


# --- accuracy ---------------------------------------------------------------------------------


def accuracy_block():
    train, test = ap[:120], ap[120:]  # 1949-01..1958-12 and 1959-01..1960-12
    scale = np.mean(np.abs(train[12:] - train[:-12]))  # seasonal naive in-sample MAE
    out = {"mase_scale": float(scale)}
    fcs = {"snaive": np.concatenate([train[-12:], train[-12:]]),  # last year repeated
           "naive": np.repeat(train[-1], 24)}
    for k, f in fcs.items():
        e = test - f
        out[k] = {"forecast": floats(f),
                  "test_set": {"ME": float(e.mean()), "RMSE": float(np.sqrt(np.mean(e ** 2))),
                               "MAE": float(np.mean(np.abs(e))),
                               "MPE": float(np.mean(e / test * 100)),
                               "MAPE": float(np.mean(np.abs(e / test * 100))),
                               "MASE": float(np.mean(np.abs(e)) / scale)},
                  "smape_m3": float(np.mean(200 * np.abs(test - f) / (np.abs(test) + np.abs(f))))}
    return out


# --- run -----------------------------------------------------------------------------------------

results = {name: series_stats(name, x) for name, (x, _) in SERIES.items()}

boxcox = {name: boxcox_stats(x, p) for name, (x, p) in SERIES.items()}
strength = {name: seasonal_strength(x, p) for name, (x, p) in SERIES.items() if p > 1}

stl = {}
for name in ("airpassengers", "log_airpassengers"):
    x, p = SERIES[name]
    stl[name] = {"statsmodels_defaults_seasonal_7": stl_json(stl_default(x, p)),
                 "r_matched_s_window_7": stl_json(stl_r_matched(x, p, 7)),
                 "r_matched_periodic": stl_json(stl_r_matched(x, p, "periodic"))}

decomp = {}
for name in ("airpassengers", "log_airpassengers", "ukgas"):
    x, p = SERIES[name]
    decomp[name] = {}
    for model in ("additive", "multiplicative"):
        d = seasonal_decompose(x, model=model, period=p)  # centred MA, two-sided
        decomp[name][model] = {"trend": floats(d.trend), "seasonal": floats(d.seasonal),
                               "figure": floats(d.seasonal[:p]), "random": floats(d.resid)}

accuracy = accuracy_block()

# --- comparison with R --------------------------------------------------------------------------

agreement = None
if os.path.exists(R_JSON):
    with open(R_JSON) as f:
        R = json.load(f)
    cmp = {}

    def put(key, a, b):
        d = max_abs_diff(a, b)
        cmp[key] = {"max_abs_diff": d, "agree_1e-6": d <= TOL}

    for name in SERIES:
        r, py = R["series"][name], results[name]
        put(f"{name}.acf", py["acf"], r["acf"])
        for m, v in py["pacf"].items():
            put(f"{name}.pacf.{m}", v, r["pacf"])
        for k in ("10", "24"):
            put(f"{name}.ljung_box.{k}.statistic", py["ljung_box"][k]["statistic"],
                r["ljung_box"][k]["statistic"])
            put(f"{name}.ljung_box.{k}.p_value", py["ljung_box"][k]["p_value"],
                r["ljung_box"][k]["p_value"])
        for v, rk in r["kpss"].items():
            pk = py["kpss"][v]
            # Pairs computed at the same truncation lag (checked) must agree.
            pairs = [("urca_mu_short", "at_urca_short_lag"),
                     ("tseries_level_lshort_true", "at_urca_short_lag"),
                     ("tseries_level_lshort_false", "at_tseries_long_lag"),
                     ("urca_mu_at_statsmodels_legacy_lag", "statsmodels_legacy"),
                     ("urca_mu_at_ndiffs_lag", "at_ndiffs_lag")]
            for rname, pname in pairs:
                assert rk[rname]["lag"] == pk[pname]["lag"], (name, v, rname, pname)
                put(f"{name}.kpss.{v}.{rname}~{pname}", pk[pname]["statistic"],
                    rk[rname]["statistic"])
            put(f"{name}.kpss.{v}.urca_mu_short~tseries_level_lshort_true",
                rk["urca_mu_short"]["statistic"], rk["tseries_level_lshort_true"]["statistic"])
        rb = R["differencing_and_boxcox"][name]
        put(f"{name}.guerrero_criterion", boxcox[name]["guerrero_criterion_at"]["value"],
            rb["boxcox_lambda"]["guerrero_criterion_at"]["value"])
        put(f"{name}.guerrero_lambda(optimizers differ; R tol ~1.2e-4)",
            boxcox[name]["guerrero_scipy_bounded"], rb["boxcox_lambda"]["guerrero"])
        put(f"{name}.loglik_lambda", boxcox[name]["loglik_grid"], rb["boxcox_lambda"]["loglik"])
        put(f"{name}.boxcox_0.5_first5", boxcox[name]["boxcox_lambda_0.5_first5"],
            rb["boxcox_lambda_0.5_first5"])
        if name in strength:
            put(f"{name}.seasonal_strength", strength[name],
                rb["seasonal_strength"]["seas_heuristic"])

    for name in stl:
        for pk, rk in (("statsmodels_defaults_seasonal_7", "s_window_7"),
                       ("r_matched_s_window_7", "s_window_7"),
                       ("r_matched_periodic", "periodic")):
            for comp in ("seasonal", "trend", "remainder"):
                put(f"{name}.stl.{pk}~{rk}.{comp}", stl[name][pk][comp], R["stl"][name][rk][comp])

    for name in decomp:
        for model in decomp[name]:
            for comp in ("trend", "seasonal", "figure", "random"):
                put(f"{name}.decompose.{model}.{comp}", decomp[name][model][comp],
                    R["decompose"][name][model][comp])

    for k in ("snaive", "naive"):
        put(f"accuracy.{k}.forecast", accuracy[k]["forecast"], R["accuracy"][k]["forecast"])
        for m in ("ME", "RMSE", "MAE", "MPE", "MAPE", "MASE"):
            put(f"accuracy.{k}.{m}", accuracy[k]["test_set"][m], R["accuracy"][k]["test_set"][m])
        put(f"accuracy.{k}.smape_m3", accuracy[k]["smape_m3"],
            R["accuracy"][k]["smape_m3_by_hand"])
    agreement = {"tolerance": TOL, "r_versions": R["versions"], "comparisons": cmp}

doc = {
    "tool": "Python",
    "versions": {"python": platform.python_version(), "statsmodels": statsmodels.__version__,
                 "numpy": np.__version__, "scipy": scipy.__version__, "pandas": pd.__version__},
    "notes": {
        "acf": "statsmodels acf(x, nlags=24, fft=False), adjusted=False, lags 1..24",
        "pacf": "pacf(x, nlags=24, method=m) for m in ldb, ywm, ld, ywadjusted (the default), burg",
        "ljung_box": "acorr_ljungbox(x, lags=[10, 24]), model_df=0",
        "kpss": ("kpss(x, regression='c', nlags=...): 'legacy' is ceil(12*(n/100)^0.25) in this "
                 "version; also run at R's lags (urca short / tseries lshort=TRUE "
                 "trunc(4*(n/100)^0.25), tseries lshort=FALSE trunc(12*(n/100)^0.25), "
                 "forecast::ndiffs trunc(3*sqrt(n)/13))"),
        "stl": ("statsmodels_defaults_seasonal_7 is STL(x, period=12, seasonal=7, robust=False)"
                ".fit() as is (seasonal_deg=1, all jumps 1, inner_iter=5, outer_iter=0); "
                "r_matched_* use R's stl defaults (see parameters), periodic emulated"),
        "decompose": "seasonal_decompose(x, model, period); figure = first period of seasonal",
        "boxcox": ("statsmodels has no Box-Cox lambda selection: forecast's guer.cv and bcloglik "
                   "are re-implemented in numpy here (guer_cv, bc_loglik); guerrero lambda by "
                   "scipy minimize_scalar(bounded, xatol=1e-10)"),
        "seasonal_strength": "1 - var(R)/var(R+S) from R-matched STL with s.window = 11",
        "not_here": "ndiffs/nsdiffs/ocsb have no statsmodels counterpart and are R-only",
    },
    "series": results,
    "boxcox": boxcox,
    "seasonal_strength": strength,
    "stl": stl,
    "decompose": decomp,
    "accuracy": accuracy,
    "agreement_with_r": agreement,
}

with open(OUT, "w") as f:
    json.dump(doc, f, indent=1, allow_nan=False)
    f.write("\n")
print("wrote", OUT)
if agreement:
    bad = {k: v["max_abs_diff"] for k, v in agreement["comparisons"].items()
           if not v["agree_1e-6"]}
    print(f"{len(agreement['comparisons'])} comparisons with R, {len(bad)} above {TOL}:")
    for k, v in bad.items():
        print(f"  {k}: {v:.3g}")
