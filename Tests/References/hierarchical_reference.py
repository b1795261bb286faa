"""hierarchicalforecast reference values for Almanac's forecast reconciliation (`forecast.reconcile`).

Run from the repository root in a virtualenv of your own (not committed):
    python3 -m venv /work/venv-hier
    /work/venv-hier/bin/pip install "hierarchicalforecast==1.5.3"
    /work/venv-hier/bin/python Tests/References/hierarchical_reference.py
Writes Tests/References/hierarchical_reference.json in a few seconds. The formulas behind every
method are in Tests/References/hierarchical_notes.md.

Two structures, both built from numpy default_rng(20261207) and nothing else random:
  strict   total / region (A, B) / store (A1, A2 | B1, B2, B3): 8 nodes, 5 bottom series
  grouped  total, category (books, garden, toys), store (Lille, Lyon, Nantes, Paris) and
           category x store: 1 + 3 + 4 + 12 = 20 nodes, 12 bottom series
Bottom series: 60 monthly values (2020-01 .. 2024-12), level + trend + sine season + noise,
rounded to 3 decimals, all positive. Aggregates are built by hierarchicalforecast's `aggregate`.

Base forecasts (h = 6) come from a "ratio seasonal naive" written here in numpy, applied to
every node on its own (so they are not coherent: the ratio is not linear):
  yhat[T+h] = y[T+h-12] * sum(y[T-12..T-1]) / sum(y[T-24..T-13])      (0-based, T = 60)
Its in-sample fitted values are the same rule one step ahead, so the first 24 are missing:
  fitted[t] = y[t-12] * sum(y[t-12..t-1]) / sum(y[t-24..t-13])  for t >= 24, else NaN
Base standard deviations (for the normality intervals): sigma[h] = rmse * sqrt(h), rmse over
the 36 residuals; the base intervals given to the library are yhat -/+ z * sigma.

Each structure is reconciled in three `cases` that differ only in the in-sample data given:
  with_nan    Y_df holds all 60 observations; the fitted values of t = 0..23 are NaN
              (the NaN branches: masked covariance, shrinkage with NaN masks, nansum)
  complete    Y_df holds only t = 24..59, so no residual is missing (the plain branches)
  ragged_nan  as with_nan, plus more missing fitted values that differ by node (ragged_nan_t),
              so that the way each method treats NaN changes the result
The base forecasts are the same in all three. A further block per structure (`nonnegative`)
gives MinTrace(ols) and MinTrace(ols, nonnegative=True) base forecasts in which the constraint
binds, with this script's exact QP solution beside the library's (which it rounds to float32).
Every formula is also re-done here in numpy and compared with the library (`checks`); the run
stops if any of those differs by 1e-11 or more.
"""

import itertools
import json
import math
import os
import platform
import sys
import warnings
from importlib.metadata import version

import narwhals.stable.v2 as nw
import numpy as np
import pandas as pd
from scipy.stats import norm

import hierarchicalforecast
from hierarchicalforecast.core import HierarchicalReconciliation, _estimate_sigmah
from hierarchicalforecast.methods import BottomUp, MiddleOut, MinTrace, TopDown
from hierarchicalforecast.utils import aggregate

REF = os.path.join("Tests", "References")
EXPECTED_VERSION = "1.5.3"
SEED = 20261207
N_OBS, H, M = 60, 6, 12
FIRST_FITTED = 2 * M  # fitted values exist from t = 24 (0-based)
LEVELS = [80, 95]
MODEL = "RatioSNaive"
DATES = pd.date_range("2020-01-01", periods=N_OBS, freq="MS")
FUTURE = pd.date_range(DATES[-1] + pd.offsets.MonthBegin(1), periods=H, freq="MS")


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


def maxrel(a, b):
    """Largest |a - b| / max(|b|, 1e-300) over finite entries."""
    a, b = np.asarray(a, float), np.asarray(b, float)
    d = np.abs(a - b) / np.maximum(np.abs(b), 1e-300)
    return float(np.nanmax(d)) if d.size else 0.0


# ----------------------------------------------------------------------------- data


def bottom_series(rng, n):
    """n positive monthly series of length 60, rounded to 3 decimals."""
    t = np.arange(N_OBS, dtype=float)
    out = []
    for _ in range(n):
        level = rng.uniform(20.0, 100.0)
        slope = level * rng.uniform(-0.002, 0.006)
        amp = level * rng.uniform(0.10, 0.30)
        phase = rng.uniform(0.0, 2.0 * np.pi)
        sd = level * rng.uniform(0.04, 0.10)
        noise = rng.standard_normal(N_OBS)
        y = level + slope * t + amp * np.sin(2.0 * np.pi * t / M + phase) + sd * noise
        y = np.round(y, 3)
        assert (y > 0).all()
        out.append(y)
    return out


def build_strict(rng):
    stores = [("A", "A1"), ("A", "A2"), ("B", "B1"), ("B", "B2"), ("B", "B3")]
    ys = bottom_series(rng, len(stores))
    rows = []
    for (region, store), y in zip(stores, ys):
        for ds, v in zip(DATES, y):
            rows.append({"total": "total", "region": region, "store": store, "ds": ds, "y": v})
    df = pd.DataFrame(rows)
    spec = [["total"], ["total", "region"], ["total", "region", "store"]]
    names = {"total": [], "total/region": ["region"], "total/region/store": ["region", "store"]}
    return df, spec, names


def build_grouped(rng):
    categories = ["toys", "books", "garden"]
    stores = ["Lyon", "Paris", "Nantes", "Lille"]
    cells = [(c, s) for c in categories for s in stores]
    ys = bottom_series(rng, len(cells))
    rows = []
    for (cat, store), y in zip(cells, ys):
        for ds, v in zip(DATES, y):
            rows.append({"total": "total", "category": cat, "store": store, "ds": ds, "y": v})
    df = pd.DataFrame(rows)
    spec = [["total"], ["total", "category"], ["total", "store"], ["total", "category", "store"]]
    names = {
        "total": [],
        "total/category": ["category"],
        "total/store": ["store"],
        "total/category/store": ["category", "store"],
    }
    return df, spec, names


def node_key(level, uid, names):
    """'total/A/A1' of level 'total/region/store' -> 'region=A/store=A1'."""
    parts = uid.split("/")[1:]
    cols = names[level]
    assert len(parts) == len(cols), (level, uid)
    return "total" if not cols else "/".join(f"{c}={p}" for c, p in zip(cols, parts))


# ----------------------------------------------------------------------------- base forecasts


def ratio_snaive(x):
    """Forecasts (H,), fitted values (N_OBS,) with NaN before t = 24."""
    T = len(x)
    r = np.sum(x[T - M:T]) / np.sum(x[T - 2 * M:T - M])
    fc = np.array([x[T + h - 1 - M] * r for h in range(1, H + 1)])
    fitted = np.full(T, np.nan)
    for t in range(FIRST_FITTED, T):
        fitted[t] = x[t - M] * (np.sum(x[t - M:t]) / np.sum(x[t - 2 * M:t - M]))
    return fc, fitted


def ragged_nan_t(i):
    """Case ragged_nan: t (0-based) at which the fitted value of node row i is missing.

    t < 24 as everywhere, then 3 * (i % 4) more leading values, and t = 45 + i % 5 when i % 3 == 1.
    """
    t = list(range(FIRST_FITTED + 3 * (i % 4)))
    if i % 3 == 1:
        t.append(45 + i % 5)
    return t


# ----------------------------------------------------------------------------- numpy re-implementations


def shrunk_cov_no_nans(res, ridge=2e-8):
    """res (n_nodes, T) without NaN. Mirrors hierarchicalforecast src/reconciliation.cpp."""
    eps = 2e-8
    n, T = res.shape
    X = res - res.mean(axis=1, keepdims=True)
    W = (X @ X.T) / (T - 1)
    std = np.sqrt(np.sum(X * X, axis=1) / T) + eps
    Xs = X / std[:, None]
    num = den = 0.0
    for i in range(n):
        for j in range(i):
            w = Xs[i] * Xs[j]
            wbar = w.mean()
            num += np.sum((w - wbar) ** 2)
            den += wbar * wbar
    ratio = (num / (T * (T - 1))) / (den + eps)
    lam = min(max(ratio, 0.0), 1.0)
    Wsh = W * (1.0 - lam)
    np.fill_diagonal(Wsh, np.maximum(np.diag(W), ridge))
    return Wsh, lam, ratio


def shrunk_cov_with_nans(res, ridge=2e-8):
    """res (n_nodes, T) with NaN: pairwise-complete version of the C++ routine."""
    eps = 2e-8
    n, _ = res.shape
    ok = ~np.isnan(res)
    W = np.zeros((n, n))
    num = den = 0.0
    for i in range(n):
        for j in range(i + 1):
            mask = ok[i] & ok[j]
            c = int(mask.sum())
            if c <= 1:
                continue
            xi = res[i, mask] - res[i, mask].mean()
            xj = res[j, mask] - res[j, mask].mean()
            W[i, j] = W[j, i] = np.sum(xi * xj) / (c - 1)
            if i != j:
                si = np.sqrt(np.sum(xi * xi) / c) + eps
                sj = np.sqrt(np.sum(xj * xj) / c) + eps
                zi = xi / (si + eps)
                zj = xj / (sj + eps)
                w = (zi - zi.mean()) * (zj - zj.mean())
                wbar = w.mean()
                num += c / ((c - 1) ** 3) * np.sum((w - wbar) ** 2)
                den += (c / (c - 1) * wbar) ** 2
    ratio = num / (den + eps)
    lam = min(max(ratio, 0.0), 1.0)
    Wsh = W * (1.0 - lam)
    np.fill_diagonal(Wsh, np.maximum(np.diag(W), ridge))
    return Wsh, lam, ratio


def masked_cov(res):
    n, _ = res.shape
    ok = ~np.isnan(res)
    W = np.zeros((n, n))
    for i in range(n):
        for j in range(i + 1):
            mask = ok[i] & ok[j]
            c = int(mask.sum())
            if c > 1:
                xi = res[i, mask] - res[i, mask].mean()
                xj = res[j, mask] - res[j, mask].mean()
                W[i, j] = W[j, i] = np.sum(xi * xj) / (c - 1)
    return W


def mint_W(method, S, res):
    """W of each MinTrace method as the notes state it (res: n_nodes x T, may hold NaN)."""
    n = S.shape[0]
    if method == "ols":
        return np.eye(n), None
    if method == "wls_struct":
        return np.diag(S.sum(axis=1)), None
    has_nan = np.isnan(res).any()
    if method == "wls_var":
        return np.diag(np.nansum(res**2, axis=1) / res.shape[1] + 2e-8), None
    if method == "mint_cov":
        return (masked_cov(res) if has_nan else np.cov(res)), None
    if method == "mint_shrink":
        W, lam, ratio = (shrunk_cov_with_nans if has_nan else shrunk_cov_no_nans)(res)
        return W, {"lambda": lam, "ratio_before_clipping": ratio,
                   "branch": "with_nans" if has_nan else "no_nans"}
    raise ValueError(method)


def variants(method, S, res, fc, lib):
    """How far plausible alternatives to the library's NaN handling land (maxrel of reconciled)."""
    out = {}
    nan = np.isnan(res)
    listwise = res[:, ~nan.any(axis=0)]

    def rec(W):
        return S @ P_library_algorithm(S, W) @ fc

    if method == "wls_var":
        cnt = (~nan).sum(axis=1)
        out["variant_divide_by_each_node_non_nan_count_maxrel"] = maxrel(
            rec(np.diag(np.nansum(res**2, axis=1) / cnt + 2e-8)), lib)
        out["variant_centered_variance_ddof1_maxrel"] = maxrel(
            rec(np.diag(np.nanvar(res, axis=1, ddof=1) + 2e-8)), lib)
    if method == "mint_cov" and nan.any():
        out["variant_listwise_deletion_maxrel"] = maxrel(rec(np.cov(listwise)), lib)
    if method == "mint_shrink":
        if nan.any():
            out["variant_listwise_deletion_no_nans_formula_maxrel"] = maxrel(rec(shrunk_cov_no_nans(listwise)[0]), lib)
            out["variant_listwise_deletion_no_nans_formula_lambda"] = shrunk_cov_no_nans(listwise)[1]
        else:
            out["variant_with_nans_formula_maxrel"] = maxrel(rec(shrunk_cov_with_nans(res)[0]), lib)
            out["variant_with_nans_formula_lambda"] = shrunk_cov_with_nans(res)[1]
        W, lam, _ = (shrunk_cov_with_nans if nan.any() else shrunk_cov_no_nans)(res)
        out["variant_lambda_plus_1e-6_maxrel"] = maxrel(
            rec(np.where(np.eye(len(W), dtype=bool), W, W / (1 - lam) * (1 - lam - 1e-6))), lib)
    return out


def P_library_algorithm(S, W):
    """hierarchicalforecast's own route: P = J - (coef^-1 dep)^T U^T, with its 1e-10 zeroing."""
    n, nb = S.shape
    na = n - nb
    J = np.concatenate((np.zeros((nb, na)), S[na:]), axis=1)
    Ut = np.concatenate((np.eye(na), -S[:na]), axis=1)
    UtW = Ut @ W
    coef = UtW[:, na:] @ Ut.T[na:] + UtW[:, :na]
    coef[np.abs(coef) < 1e-10] = 0.0
    dep = UtW[:, na:] @ J.T[na:]
    dep[np.abs(dep) < 1e-10] = 0.0
    return J - np.linalg.solve(coef, dep).T @ Ut


def P_textbook(S, W):
    """P = (S' W^-1 S)^-1 S' W^-1."""
    Wi = np.linalg.inv(W)
    return np.linalg.solve(S.T @ Wi @ S, S.T @ Wi)


def nnls_exact(S, yhat):
    """Exact minimiser of (S b - y)'(S b - y) subject to b >= 0, by enumerating active sets."""
    A = S.T @ S
    nb = S.shape[1]
    out = np.zeros((nb, yhat.shape[1]))
    for k in range(yhat.shape[1]):
        q = S.T @ yhat[:, k]
        best = None
        for r in range(nb + 1):
            for zero in itertools.combinations(range(nb), r):
                free = [i for i in range(nb) if i not in zero]
                b = np.zeros(nb)
                if free:
                    b[free] = np.linalg.solve(A[np.ix_(free, free)], q[free])
                grad = A @ b - q
                if (b[free] >= -1e-12).all() and all(grad[i] >= -1e-9 for i in zero):
                    best = b
                    break
            if best is not None:
                break
        out[:, k] = np.maximum(best, 0.0)
    return out


def child_map(S, tags_idx):
    """For a strict hierarchy: parent row -> child rows in the next level (levels by size)."""
    levels = sorted(tags_idx.values(), key=len)
    out = {}
    for upper, lower in zip(levels[:-1], levels[1:]):
        for p in upper:
            out[int(p)] = [int(c) for c in lower if np.all(S[c] <= S[p]) and S[c].sum() > 0]
    return out, levels


def forecast_proportions(yhat, top, children):
    """Top-down by forecast proportions from node `top` (one horizon column at a time)."""
    rec = np.full_like(yhat, np.nan)
    rec[top] = yhat[top]
    stack = [top]
    while stack:
        p = stack.pop(0)
        kids = children.get(p, [])
        if not kids:
            continue
        tot = yhat[kids].sum(axis=0)
        for c in kids:
            rec[c] = np.where(np.abs(tot) < 1e-8, rec[p] / len(kids), yhat[c] * rec[p] / tot)
            stack.append(c)
    return rec


# ----------------------------------------------------------------------------- one structure


def run_structure(name, df, spec, level_cols):
    Y_df, S_df, tags = aggregate(df, spec)
    uids = list(S_df["unique_id"])
    bottom_uids = [c for c in S_df.columns if c != "unique_id"]
    level_of = {u: lvl for lvl, arr in tags.items() for u in arr}
    keys = [node_key(level_of[u], u, level_cols) for u in uids]
    key_of = dict(zip(uids, keys))
    S = S_df[bottom_uids].to_numpy(dtype=float)
    n, nb = S.shape
    tags_idx = {lvl: np.array([uids.index(u) for u in arr]) for lvl, arr in tags.items()}

    Y_df = Y_df.sort_values(["unique_id", "ds"]).reset_index(drop=True)
    y = np.vstack([Y_df.loc[Y_df["unique_id"] == u, "y"].to_numpy() for u in uids])
    assert y.shape == (n, N_OBS)
    agg_vs_S = float(np.max(np.abs(S @ y[n - nb:] - y)))

    fc = np.zeros((n, H))
    fitted = np.zeros((n, N_OBS))
    for i in range(n):
        fc[i], fitted[i] = ratio_snaive(y[i])
    resid = y - fitted
    rmse = np.sqrt(np.nanmean(resid**2, axis=1))
    sigma = rmse[:, None] * np.sqrt(np.arange(1, H + 1))[None, :]
    coherence_gap = float(np.max(np.abs(S @ fc[n - nb:] - fc)))

    hat_rows = []
    for i, u in enumerate(uids):
        for h in range(H):
            row = {"unique_id": u, "ds": FUTURE[h], MODEL: fc[i, h]}
            for lv in LEVELS:
                z = norm.ppf(0.5 + lv / 200)
                row[f"{MODEL}-lo-{lv}"] = fc[i, h] - z * sigma[i, h]
                row[f"{MODEL}-hi-{lv}"] = fc[i, h] + z * sigma[i, h]
            hat_rows.append(row)
    Y_hat_df = pd.DataFrame(hat_rows)
    sigmah_lib = _estimate_sigmah(Y_hat_df=nw.from_native(Y_hat_df), y_hat=fc, model_name=MODEL)

    Yfull = pd.DataFrame({
        "unique_id": np.repeat(uids, N_OBS),
        "ds": np.tile(DATES, n),
        "y": y.ravel(),
        MODEL: fitted.ravel(),
    })

    strict = name == "strict"
    doc = {
        "nodes": keys,
        "node_ids_in_library": uids,
        "bottom": [key_of[u] for u in bottom_uids],
        "levels": {lvl: [key_of[u] for u in arr] for lvl, arr in tags.items()},
        "S": S,
        "ds": [d.strftime("%Y-%m-%d") for d in DATES],
        "forecast_ds": [d.strftime("%Y-%m-%d") for d in FUTURE],
        "y": {key_of[u]: y[i] for i, u in enumerate(uids)},
        "fitted": {key_of[u]: fitted[i] for i, u in enumerate(uids)},
        "residuals": {key_of[u]: resid[i] for i, u in enumerate(uids)},
        "base_forecasts": {key_of[u]: fc[i] for i, u in enumerate(uids)},
        "base_sigma": {key_of[u]: sigma[i] for i, u in enumerate(uids)},
        "base_intervals": {
            f"{lv}": {
                "lo": {key_of[u]: Y_hat_df.loc[Y_hat_df.unique_id == u, f"{MODEL}-lo-{lv}"].to_numpy()
                       for u in uids},
                "hi": {key_of[u]: Y_hat_df.loc[Y_hat_df.unique_id == u, f"{MODEL}-hi-{lv}"].to_numpy()
                       for u in uids},
            } for lv in LEVELS
        },
        "sigmah_as_read_by_library": {key_of[u]: sigmah_lib[i] for i, u in enumerate(uids)},
        "checks": {
            "max_abs_aggregate_minus_S_times_bottom": agg_vs_S,
            "max_abs_base_forecast_incoherence": coherence_gap,
        },
        "cases": {},
    }

    for case, t0 in (("with_nan", 0), ("complete", FIRST_FITTED), ("ragged_nan", 0)):
        fit_case = fitted.copy()
        if case == "ragged_nan":
            for i in range(n):
                fit_case[i, ragged_nan_t(i)] = np.nan
        Y_case = Yfull.assign(**{MODEL: fit_case.ravel()})
        Y_case = Y_case[Y_case["ds"] >= DATES[t0]].reset_index(drop=True)
        y_in = y[:, t0:]
        res_in = (y - fit_case)[:, t0:]

        recs = {"BottomUp": BottomUp()}
        if strict:
            for m in ("average_proportions", "proportion_averages", "forecast_proportions"):
                recs[f"TopDown(method={m})"] = TopDown(method=m)
            for m in ("forecast_proportions", "average_proportions", "proportion_averages"):
                recs[f"MiddleOut(middle_level=total/region, top_down_method={m})"] = MiddleOut(
                    middle_level="total/region", top_down_method=m)
        for m in ("ols", "wls_struct", "wls_var", "mint_cov", "mint_shrink"):
            recs[f"MinTrace(method={m})"] = MinTrace(method=m)
        recs["MinTrace(method=ols, nonnegative=True)"] = MinTrace(method="ols", nonnegative=True)

        hrec = HierarchicalReconciliation(reconcilers=list(recs.values()))
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            out = hrec.reconcile(Y_hat_df=Y_hat_df[["unique_id", "ds", MODEL]], Y_df=Y_case,
                                 S_df=S_df, tags=tags)
        lib_cols = [c for c in out.columns if c.startswith(MODEL + "/")]
        assert len(lib_cols) == len(recs), lib_cols
        out = out.set_index(["unique_id", "ds"])

        def series(col):
            return np.vstack([out.loc[u, col].sort_index().to_numpy() for u in uids])

        reconciled, columns, P_lib, W_lib, checks = {}, {}, {}, {}, {}
        for (label, r), col in zip(recs.items(), lib_cols):
            vals = series(col)
            reconciled[label] = {key_of[u]: vals[i] for i, u in enumerate(uids)}
            columns[label] = col
            checks[label] = {"max_abs_incoherence": float(np.max(np.abs(S @ vals[n - nb:] - vals)))}
            if isinstance(r, MinTrace) and not r.nonnegative:
                P_lib[label] = r.P
                W_lib[label] = r.W
                m = r.method
                W_np, info = mint_W(m, S, res_in)
                P_same = P_library_algorithm(S, W_np)
                P_text = P_textbook(S, W_np)
                checks[label].update({
                    "W_numpy_vs_library_maxrel": maxrel(W_np[W_lib[label] != 0], W_lib[label][W_lib[label] != 0]),
                    "W_numpy_zero_pattern_equal": bool(np.array_equal(W_np == 0, W_lib[label] == 0)),
                    "reconciled_numpy_same_algorithm_vs_library_maxrel": maxrel(S @ P_same @ fc, vals),
                    "reconciled_numpy_textbook_formula_vs_library_maxrel": maxrel(S @ P_text @ fc, vals),
                    "condition_number_W": float(np.linalg.cond(W_np)),
                    "condition_number_S'W^-1S": float(np.linalg.cond(S.T @ np.linalg.inv(W_np) @ S)),
                })
                if info is not None:
                    checks[label]["shrinkage"] = info
                checks[label].update(variants(m, S, res_in, fc, vals))
            elif isinstance(r, BottomUp):
                checks[label]["numpy_vs_library_maxrel"] = maxrel(S @ fc[n - nb:], vals)
                P_lib[label] = r.P
            elif isinstance(r, TopDown) and r.method != "forecast_proportions":
                P_lib[label] = r.P
                top = int(np.argmax(S.sum(axis=1)))
                btm = y_in[n - nb:]
                if r.method == "average_proportions":
                    p = np.mean(btm / y_in[top], axis=1)
                else:
                    p = np.mean(btm, axis=1) / np.mean(y_in[top])
                checks[label]["proportions"] = {key_of[bottom_uids[j]]: p[j] for j in range(nb)}
                checks[label]["numpy_vs_library_maxrel"] = maxrel(S @ np.outer(p, fc[top]), vals)
            elif isinstance(r, TopDown):
                children, levels = child_map(S, tags_idx)
                mine = forecast_proportions(fc, int(levels[0][0]), children)
                checks[label]["numpy_vs_library_maxrel"] = maxrel(mine, vals)
            elif isinstance(r, MiddleOut):
                children, levels = child_map(S, tags_idx)
                mid = [int(i) for i in tags_idx["total/region"]]
                mine = np.full_like(fc, np.nan)
                for rr in mid:
                    kids = children[rr]
                    if r.top_down_method == "forecast_proportions":
                        sub = forecast_proportions(fc, rr, children)
                        mine[[rr] + kids] = sub[[rr] + kids]
                    else:
                        if r.top_down_method == "average_proportions":
                            p = np.mean(y_in[kids] / y_in[rr], axis=1)
                        else:
                            p = np.mean(y_in[kids], axis=1) / np.mean(y_in[rr])
                        mine[rr] = fc[rr]
                        mine[kids] = np.outer(p, fc[rr])
                        checks[label].setdefault("proportions_within_region", {}).update(
                            {key_of[uids[k]]: p[j] for j, k in enumerate(kids)})
                for p_ in range(n):
                    if np.isnan(mine[p_, 0]):
                        mine[p_] = S[p_] @ mine[n - nb:]
                checks[label]["numpy_vs_library_maxrel"] = maxrel(mine, vals)
            elif isinstance(r, MinTrace) and r.nonnegative:
                unc = S @ P_textbook(S, np.eye(n)) @ fc
                checks[label]["ols_has_negative_bottom"] = bool((unc[n - nb:] < 0).any())
                checks[label]["vs_unconstrained_ols_maxrel"] = maxrel(vals, unc)

        # Gaussian intervals for ols and mint_shrink
        int_recs = {"MinTrace(method=ols)": MinTrace(method="ols"),
                    "MinTrace(method=mint_shrink)": MinTrace(method="mint_shrink")}
        hint = HierarchicalReconciliation(reconcilers=list(int_recs.values()))
        iout = hint.reconcile(Y_hat_df=Y_hat_df, Y_df=Y_case, S_df=S_df, tags=tags,
                              level=list(LEVELS), intervals_method="normality")
        iout = iout.set_index(["unique_id", "ds"])
        intervals = {}
        for label, r in int_recs.items():
            col = f"{MODEL}/{'MinTrace_method-' + r.method}"
            mean = np.vstack([iout.loc[u, col].sort_index().to_numpy() for u in uids])
            entry = {"column": col,
                     "mean_equals_point_run": bool(np.array_equal(
                         mean, np.vstack([reconciled[label][key_of[u]] for u in uids]))),
                     "sigma_reconciled": {key_of[u]: r.sampler.sigmah_rec[i] for i, u in enumerate(uids)}}
            # numpy check: R = W scaled to a correlation, cov_h = D R D, cov_rec = SP cov_h (SP)'
            W = r.W
            d = np.sqrt(np.diag(W))
            R = W / np.outer(d, d)
            SP = S @ r.P
            sig_np = np.column_stack([
                np.sqrt(np.maximum(np.diag(SP @ (R * np.outer(sigmah_lib[:, h], sigmah_lib[:, h])) @ SP.T), 0))
                for h in range(H)])
            entry["sigma_numpy_vs_library_maxrel"] = maxrel(sig_np, r.sampler.sigmah_rec)
            for lv in LEVELS:
                lo = np.vstack([iout.loc[u, f"{col}-lo-{lv}"].sort_index().to_numpy() for u in uids])
                hi = np.vstack([iout.loc[u, f"{col}-hi-{lv}"].sort_index().to_numpy() for u in uids])
                entry[f"lo-{lv}"] = {key_of[u]: lo[i] for i, u in enumerate(uids)}
                entry[f"hi-{lv}"] = {key_of[u]: hi[i] for i, u in enumerate(uids)}
                q_lo = (100 - lv) / 200
                entry[f"z-{lv}"] = {"lo": float(norm.ppf(q_lo)), "hi": float(norm.ppf(q_lo + lv / 100))}
                entry[f"lo-{lv}_numpy_vs_library_maxrel"] = maxrel(mean + norm.ppf(q_lo) * sig_np, lo)
                entry[f"hi-{lv}_numpy_vs_library_maxrel"] = maxrel(mean + norm.ppf(q_lo + lv / 100) * sig_np, hi)
            intervals[label] = entry

        doc["cases"][case] = {
            "insample_t": [t0, N_OBS - 1],
            "insample_ds": [DATES[t0].strftime("%Y-%m-%d"), DATES[-1].strftime("%Y-%m-%d")],
            "n_insample": N_OBS - t0,
            "nan_residual_t": {key_of[u]: np.flatnonzero(np.isnan(res_in[i])) + t0 for i, u in enumerate(uids)},
            "library_columns": columns,
            "reconciled": reconciled,
            "P": {k: v for k, v in P_lib.items()},
            "W": {k: v for k, v in W_lib.items()},
            "checks": checks,
            "intervals_normality": intervals,
            "warnings": sorted({str(w.message).strip() for w in caught}),
        }

    if not strict:
        reasons = {}
        for label, r in (("TopDown(method=average_proportions)", TopDown(method="average_proportions")),
                         ("TopDown(method=forecast_proportions)", TopDown(method="forecast_proportions")),
                         ("MiddleOut(middle_level=total/category, top_down_method=forecast_proportions)",
                          MiddleOut(middle_level="total/category", top_down_method="forecast_proportions"))):
            try:
                HierarchicalReconciliation(reconcilers=[r]).reconcile(
                    Y_hat_df=Y_hat_df[["unique_id", "ds", MODEL]], Y_df=Yfull, S_df=S_df, tags=tags)
                reasons[label] = "ran (unexpected)"
            except Exception as e:  # the library refuses grouped structures
                reasons[label] = f"{type(e).__name__}: {e}"
        doc["skipped"] = {
            "why": "TopDown and MiddleOut need a strict hierarchy (each node one parent); in the grouped "
                   "structure every bottom series has two parents (its category and its store). "
                   "hierarchicalforecast refuses them with these errors:",
            "errors": reasons,
        }

    doc["nonnegative"] = nonnegative_case(name, S, S_df, tags, uids, key_of, fc, n, nb)
    return doc


def nonnegative_case(name, S, S_df, tags, uids, key_of, fc, n, nb):
    """Base forecasts edited so that unconstrained OLS gives negative bottom forecasts."""
    yhat = fc.copy()
    b0, b1 = n - nb, n - nb + 1  # the first two bottom series (A1, A2 / books-Lille, books-Lyon)
    edit = {key_of[uids[b0]]: "set to -3.0 (negative: the library replaces it by 0 before the QP)"}
    yhat[b0] = -3.0
    for p in range(n - nb):
        if S[p, b0 - (n - nb)] != 1 or S[p].sum() == nb:
            continue
        if S[p, b1 - (n - nb)] == 1:  # region A / category books: claims less than its other child
            yhat[p] = 0.6 * fc[b1]
            edit[key_of[uids[p]]] = "0.6 x the base forecast of " + key_of[uids[b1]]
        else:  # store Lille
            yhat[p] = 0.3 * fc[p]
            edit[key_of[uids[p]]] = "0.3 x its base forecast"
    top = int(np.argmax(S.sum(axis=1)))
    if n - nb == 3:  # strict: the total agrees with the edited region A (region B + 0.6 x A2)
        rb = [p for p in range(1, n - nb) if S[p, b0 - (n - nb)] == 0][0]
        yhat[top] = fc[rb] + 0.6 * fc[b1]
        edit["total"] = f"base forecast of {key_of[uids[rb]]} + 0.6 x the base forecast of {key_of[uids[b1]]}"
    rows = [{"unique_id": u, "ds": FUTURE[h], MODEL: yhat[i, h]} for i, u in enumerate(uids) for h in range(H)]
    Y_hat = pd.DataFrame(rows)
    recs = [MinTrace(method="ols"), MinTrace(method="ols", nonnegative=True)]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        out = HierarchicalReconciliation(reconcilers=recs).reconcile(Y_hat_df=Y_hat, S_df=S_df, tags=tags)
    out = out.set_index(["unique_id", "ds"])
    cols = [c for c in out.columns if c.startswith(MODEL + "/")]
    ols = np.vstack([out.loc[u, cols[0]].sort_index().to_numpy() for u in uids])
    nn = np.vstack([out.loc[u, cols[1]].sort_index().to_numpy() for u in uids])
    yz = np.maximum(yhat, 0.0)
    exact_b = nnls_exact(S, yz)
    exact = S @ exact_b
    f32 = S @ np.clip(np.float32(exact_b), 0, None).astype(np.float64)
    return {
        "edits_to_base_forecasts": edit,
        "base_forecasts": {key_of[u]: yhat[i] for i, u in enumerate(uids)},
        "library_columns": {"MinTrace(method=ols)": cols[0], "MinTrace(method=ols, nonnegative=True)": cols[1]},
        "reconciled": {
            "MinTrace(method=ols)": {key_of[u]: ols[i] for i, u in enumerate(uids)},
            "MinTrace(method=ols, nonnegative=True)": {key_of[u]: nn[i] for i, u in enumerate(uids)},
        },
        "exact_qp_solution": {key_of[u]: exact[i] for i, u in enumerate(uids)},
        "exact_qp_rounded_to_float32_then_summed": {key_of[u]: f32[i] for i, u in enumerate(uids)},
        "checks": {
            "ols_has_negative_bottom": bool((ols[n - nb:] < -1e-12).any()),
            "library_vs_exact_qp_maxabs": float(np.max(np.abs(nn - exact))),
            "library_vs_exact_qp_maxrel_where_exact_nonzero": maxrel(nn[exact != 0], exact[exact != 0]),
            "library_values_where_exact_is_zero_max": float(np.max(nn[n - nb:][exact_b == 0], initial=0.0)),
            "library_vs_exact_qp_rounded_float32_maxabs": float(np.max(np.abs(nn - f32))),
        },
        "warnings": sorted({str(w.message).strip() for w in caught}),
    }


def main():
    if hierarchicalforecast.__version__ != EXPECTED_VERSION:
        sys.exit(f"hierarchicalforecast {hierarchicalforecast.__version__} installed; these references "
                 f"are made with {EXPECTED_VERSION} (change EXPECTED_VERSION to regenerate deliberately)")
    rng = np.random.default_rng(SEED)
    strict_df, strict_spec, strict_names = build_strict(rng)
    grouped_df, grouped_spec, grouped_names = build_grouped(rng)

    doc = {
        "generator": "Tests/References/hierarchical_reference.py",
        "versions": {
            "python": platform.python_version(),
            "hierarchicalforecast": hierarchicalforecast.__version__,
            "numpy": np.__version__,
            "pandas": pd.__version__,
            "scipy": version("scipy"),
            "qpsolvers": version("qpsolvers"),
            "clarabel": version("clarabel"),
            "narwhals": version("narwhals"),
        },
        "seed": SEED,
        "conventions": {
            "node_keys": "'total'; strict: 'region=A', 'region=A/store=A1'; grouped: 'category=toys', "
                         "'store=Lyon', 'category=toys/store=Lyon'. node_ids_in_library gives the "
                         "unique_id that hierarchicalforecast.utils.aggregate made for each ('total/A/A1', "
                         "'total/toys/Lyon', ...): drop the leading 'total/' and prefix each part with its "
                         "column name.",
            "order": "nodes lists the rows of S (and of P's columns, W's rows and columns) in "
                     "hierarchicalforecast's order: levels by size, ids sorted within a level, bottom "
                     "series last. S's columns are the bottom list.",
            "series": "y, fitted, residuals: 60 values per node, t = 0..59 = 2020-01 .. 2024-12; "
                      "fitted and residuals are null for t < 24. base_forecasts, base_sigma and every "
                      "reconciled or interval series: h = 1..6 = 2025-01 .. 2025-06.",
            "P": "P of each linear method as the library holds it after the run (bottom x nodes): "
                 "reconciled = S @ P @ base_forecasts.",
            "numbers": "Python repr of each double (shortest string that reads back to the same double). "
                       "null = missing (NaN).",
            "cases": "with_nan: Y_df holds t = 0..59 and the fitted values of t < 24 are NaN; "
                     "complete: Y_df holds only t = 24..59; ragged_nan: as with_nan with more fitted "
                     "values missing, differently per node (nan_residual_t). Base forecasts are the "
                     "same in all three; "
                     "in-sample quantities (TopDown/MiddleOut proportions, W of wls_var/mint_cov/"
                     "mint_shrink) come from the window of the case.",
            "checks": "maxrel = max |numpy - library| / |library| of this script's own numpy version "
                      "of the formula in hierarchical_notes.md.",
            "intervals": "intervals_method='normality', level=[80, 95], sigmah read by the library from "
                         "the base lo/hi columns (sigmah_as_read_by_library).",
        },
        "structures": {
            "strict": run_structure("strict", strict_df, strict_spec, strict_names),
            "grouped": run_structure("grouped", grouped_df, grouped_spec, grouped_names),
        },
    }
    path = os.path.join(REF, "hierarchical_reference.json")
    with open(path, "w") as f:
        json.dump(clean(doc), f, allow_nan=False)
        f.write("\n")
    print("wrote", path, os.path.getsize(path), "bytes")
    summarize(doc)


def numpy_checks(x, path=""):
    """Every numpy-versus-library maxrel entry (not the variant_* ones) under x."""
    if isinstance(x, dict):
        for k, v in x.items():
            if isinstance(v, float) and "numpy" in k and "maxrel" in k and not k.startswith("variant"):
                yield f"{path}/{k}", v
            else:
                yield from numpy_checks(v, f"{path}/{k}")


def summarize(doc):
    worst = max(numpy_checks(doc), key=lambda kv: kv[1])
    print("largest numpy-vs-library difference:", worst)
    assert worst[1] < 1e-11, worst
    for sname, s in doc["structures"].items():
        print(f"== {sname}: {len(s['nodes'])} nodes; aggregate vs S@bottom {s['checks']['max_abs_aggregate_minus_S_times_bottom']:.3g}; "
              f"base incoherence {s['checks']['max_abs_base_forecast_incoherence']:.3g}")
        for cname, c in s["cases"].items():
            for label, ch in c["checks"].items():
                vals = {k.replace("reconciled_", "").replace("_vs_library", ""): v for k, v in ch.items()
                        if isinstance(v, float) and ("maxrel" in k or "incoherence" in k)}
                extra = ""
                if "shrinkage" in ch:
                    extra = f" lambda={ch['shrinkage']['lambda']!r}"
                if "condition_number_W" in ch:
                    extra += f" condW={ch['condition_number_W']:.3g}"
                print(f"  {cname:9s} {label:80s} " + " ".join(f"{k}={v:.2e}" for k, v in vals.items()) + extra)
            for label, e in c["intervals_normality"].items():
                print(f"  {cname:9s} intervals {label}: mean same {e['mean_equals_point_run']}, sigma maxrel "
                      f"{e['sigma_numpy_vs_library_maxrel']:.2e}, lo-95 {e['lo-95_numpy_vs_library_maxrel']:.2e}")
            if c["warnings"]:
                print("   warnings:", c["warnings"])
        print("  nonnegative:", s["nonnegative"]["checks"], s["nonnegative"]["warnings"])
        if "skipped" in s:
            for k, v in s["skipped"]["errors"].items():
                print("  skipped", k, "->", v[:150])


if __name__ == "__main__":
    sys.exit(main())
