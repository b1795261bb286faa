#!/usr/bin/env bash
# The M3 benchmark in one run: export the data, run Almanac's automatic models
# and statsforecast's counterparts one after the other on this machine, score
# everything. AutoARIMA and the ensembles take long on the peer's side (about
# 35 CPU-minutes for statsforecast's AutoARIMA on all series); pass --with-arima
# to include them, otherwise they run on every 10th series only.
#   bench/m3/run_all.sh [--with-arima]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"
./setup.sh
.venv/bin/python export_m3.py
.venv/bin/python export_m3.py --every 10
./run_almanac.sh ets theta optimized_theta dynamic_optimized_theta auto_theta ces
.venv/bin/python run_statsforecast.py --models AutoETS,Theta,AutoTheta,AutoCES,DynamicOptimizedTheta
if [ "${1:-}" = "--with-arima" ]; then
  ./run_almanac.sh auto_arima ensemble
  .venv/bin/python run_statsforecast.py --models AutoARIMA,Ensemble
else
  ./run_almanac.sh --every 10 auto_arima ensemble
  .venv/bin/python run_statsforecast.py --every 10 --models AutoARIMA,AutoETS,AutoCES,DynamicOptimizedTheta,Ensemble
fi
./score_all.sh
