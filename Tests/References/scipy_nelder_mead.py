"""Reference runs of scipy.optimize's Nelder-Mead for Tests/OptimizationTests and docs/optimization.md.

Run: python3 Tests/References/scipy_nelder_mead.py   (scipy 1.17.1 printed the values quoted in the docs)
"""
import scipy
from scipy.optimize import minimize


def eoq_backorders(v):  # K = 8, h = 0.225, p = 5, lambda = 1300 (Snyder & Shen 3.5)
    q, x = v
    return 8 * 1300 / q + 0.225 * (1 - x) ** 2 * q / 2 + 5 * x ** 2 * q / 2


def rosenbrock(x):
    return (1 - x[0]) ** 2 + 100 * (x[1] - x[0] ** 2) ** 2


print("scipy", scipy.__version__)
r = minimize(eoq_backorders, [300, 0.5], method="Nelder-Mead", bounds=[(1, 5000), (0, 1)])
print("eoq with backorders from (300, 0.5):", r.x, r.fun, r.message)
# 1.17.1: [304.04679124 0.] 68.41052550594833 "Optimization terminated successfully."
# The true minimum is 66.9213635... at x = 0.0430622: clipping flattened the simplex onto x = 0.
r = minimize(rosenbrock, [-1.2, 1], method="Nelder-Mead", options={"xatol": 1e-8, "fatol": 1e-8})
print("rosenbrock from (-1.2, 1):", r.x, r.fun, r.nfev)
# 1.17.1: [1. 1.] 1.0990889519195732e-18 219
