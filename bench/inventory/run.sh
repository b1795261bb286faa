#!/usr/bin/env bash
# Inventory benchmarks beside stockpyl 1.0.2, in one run: Zheng–Federgruen (s, S), then
# Clark–Scarf. stockpyl needs numpy < 2 and scipy < 1.15, so it gets its own virtualenv
# (created once under $TMPDIR).
set -euo pipefail
cd "$(dirname "$0")/../.."
venv="${TMPDIR:-/tmp}/almanac-stockpyl-venv"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q "stockpyl==1.0.2" "numpy<2" "scipy<1.15"
fi
swift build -c release --product almanac >/dev/null
.build/release/almanac run -o "${TMPDIR:-/tmp}" bench/inventory/ss_almanac.lua
"$venv/bin/python" bench/inventory/ss_stockpyl.py
.build/release/almanac run -o "${TMPDIR:-/tmp}" bench/inventory/cs_almanac.lua
"$venv/bin/python" bench/inventory/cs_stockpyl.py
"$venv/bin/python" bench/inventory/sim_compare.py
