#!/usr/bin/env bash
# Runs Almanac's models on M3 under the same contract as the peers' runners:
# writes results/almanac_<model>[_every10].csv and ..._times.json (CPU and wall
# seconds per category, fitting and forecasting only, after a warm-up fit).
#   bench/m3/run_almanac.sh [--every 10] [--threads N] MODEL[:key=value,...] ...
# e.g. bench/m3/run_almanac.sh ets theta dynamic_optimized_theta ces
#      bench/m3/run_almanac.sh --threads 2 ensemble
# Needs data/ from export_m3.py (and export_m3.py --every 10 for --every 10).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
suffix="" threads=1
while [ $# -gt 0 ]; do
  case "$1" in
    --every) suffix="_every$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    *) break ;;
  esac
done
[ $# -gt 0 ] || { echo "usage: $0 [--every K] [--threads N] MODEL[:key=value,...] ..." >&2; exit 2; }
[ -e "$here/data/m3_meta$suffix.csv" ] || { echo "no $here/data/m3_meta$suffix.csv: run export_m3.py first" >&2; exit 1; }
(cd "$root" && swift build -c release --product almanac >/dev/null)
almanac="$root/.build/release/almanac"
# One folder per run layout: m3_meta.csv and m3_train_<Category>.csv, as almanac_m3.lua reads.
work="$here/data/split$suffix"
if [ ! -e "$work/m3_meta.csv" ]; then
  mkdir -p "$work"
  cp "$here/data/m3_meta$suffix.csv" "$work/m3_meta.csv"
  cp "$here/data/m3_train$suffix.csv" "$work/m3_train.csv"
  python3 "$here/split_by_category.py" "$work"
fi
mkdir -p "$here/results"
for spec in "$@"; do
  model="${spec%%:*}" params=()
  if [ "$spec" != "$model" ]; then IFS=',' read -r -a params <<< "${spec#*:}"; fi
  out="$here/results/almanac_${model}${suffix}.csv"
  (cd "$root" && "$almanac" run bench/m3/almanac_m3.lua "$work" "$model" "$out" "$threads" "${params[@]}")
done
