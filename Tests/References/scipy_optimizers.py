"""Reference runs of scipy.optimize for the optimizers added beside Nelder-Mead:
L-BFGS-B, differential evolution and brute-force grid search.

Run from the repository root:  python3 Tests/References/scipy_optimizers.py
Writes Tests/References/scipy_optimizers.json (read by Tests/OptimizationTests and
quoted in docs/optimization.md). Every run uses scipy's defaults except where noted.
"""
import json
import math
import platform

import numpy as np
import scipy
from scipy.optimize import brute, differential_evolution, minimize
from scipy.special import erfc


def rosenbrock(x):
    x = np.asarray(x)
    return float(np.sum(100.0 * (x[1:] - x[:-1] ** 2) ** 2 + (1 - x[:-1]) ** 2))


def himmelblau(x):
    return (x[0] ** 2 + x[1] - 11) ** 2 + (x[0] + x[1] ** 2 - 7) ** 2


def eoq_backorders(v):  # K = 8, h = 0.225, p = 5, lambda = 1300 (Snyder & Shen 3.5)
    q, x = v
    return 8 * 1300 / q + 0.225 * (1 - x) ** 2 * q / 2 + 5 * x ** 2 * q / 2


def noisy_quadratic(seed):
    """1 + (x1 - 3)^2 + (x2 + 1)^2 plus uniform noise on [-0.01, 0.01]."""
    rng = np.random.default_rng(seed)
    return lambda x: 1 + (x[0] - 3) ** 2 + (x[1] + 1) ** 2 + rng.uniform(-0.01, 0.01)


def reorder_point_cost(v):
    """(r, Q) policy with normal lead-time demand (mean 50, sd 10), K = 100, h = 1,
    backorder cost p = 10 per unit short, demand 500 a year (Hadley-Whitin's approximation)."""
    r, q = float(v[0]), float(v[1])
    z = (r - 50) / 10
    loss = math.exp(-z * z / 2) / math.sqrt(2 * math.pi) - z * 0.5 * erfc(z / math.sqrt(2))
    return 100 * 500 / q + 1 * (r - 50 + q / 2) + 10 * 500 * 10 * loss / q


def lbfgsb(name, f, x0, bounds=None):
    r = minimize(f, x0, method="L-BFGS-B", bounds=bounds)
    return {"name": name, "x0": list(x0), "bounds": bounds, "x": r.x.tolist(), "f": float(r.fun),
            "nit": int(r.nit), "nfev": int(r.nfev), "success": bool(r.success), "message": r.message}


out = {
    "generator": "Tests/References/scipy_optimizers.py",
    "python": platform.python_version(), "scipy": scipy.__version__, "numpy": np.__version__,
    "lbfgsb": [
        lbfgsb("rosenbrock_2d", rosenbrock, [-1.2, 1.0]),
        lbfgsb("rosenbrock_5d", rosenbrock, [1.3, 0.7, 0.8, 1.9, 1.2]),
        lbfgsb("rosenbrock_2d_x1_at_most_half", rosenbrock, [-1.2, 1.0], [(-2.0, 0.5), (-2.0, 2.0)]),
        lbfgsb("eoq_backorders", eoq_backorders, [300.0, 0.5], [(1.0, 5000.0), (0.0, 1.0)]),
    ] + [lbfgsb("himmelblau_from_%g_%g" % tuple(x0), himmelblau, x0)
         for x0 in ([0.0, 0.0], [-1.0, 1.0], [-2.0, -2.0], [2.0, -2.0], [-4.0, 4.0])],
}

de = []
for seed in (1, 2, 3):
    r = differential_evolution(noisy_quadratic(100 + seed), [(-5, 5), (-5, 5)], rng=seed, polish=False)
    de.append({"name": "noisy_quadratic", "seed": seed, "bounds": [[-5, 5], [-5, 5]], "x": r.x.tolist(),
               "f": float(r.fun), "nit": int(r.nit), "nfev": int(r.nfev), "success": bool(r.success)})
r = differential_evolution(rosenbrock, [(-2, 2), (-2, 2)], rng=1, polish=False)
de.append({"name": "rosenbrock_2d", "seed": 1, "bounds": [[-2, 2], [-2, 2]], "x": r.x.tolist(),
           "f": float(r.fun), "nit": int(r.nit), "nfev": int(r.nfev), "success": bool(r.success)})
out["differential_evolution"] = de

# Exhaustive search over whole numbers: brute on unit-step slices, without a finishing search.
ranges = (slice(40, 101, 1), slice(200, 451, 1))
x, fval, grid, values = brute(reorder_point_cost, ranges, full_output=True, finish=None)
out["grid"] = {"name": "reorder_point_cost", "lower": [40, 200], "upper": [100, 450],
               "x": [float(v) for v in x], "f": float(fval), "points": int(values.size)}

with open("Tests/References/scipy_optimizers.json", "w") as fh:
    json.dump(out, fh, indent=1)
    fh.write("\n")
for r in out["lbfgsb"]:
    print(r["name"], r["x"], r["f"], r["nit"], r["nfev"], r["message"])
for r in de:
    print("de", r["name"], r["seed"], r["x"], r["f"], r["nit"], r["nfev"], r["success"])
print("grid", out["grid"])
