#!/usr/bin/env bash
# nbeats on M3 monthly (1428 series, h = 18) beside Almanac's ets, theta and
# statistical ensemble and statsforecast's AutoETS, in one table; then the
# ensemble with nbeats as a fifth member. Training time and peak memory come
# from /usr/bin/time -v. Needs bench/m3/data (bench/m3/export_m3.py) and the
# other models' forecasts in bench/m3/results (bench/m3/run_almanac.sh ets theta ensemble).
#   bench/neural/run_m3_monthly.sh [nbeats params as key=value ...]   e.g. members=3
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
m3="$root/bench/m3"
(cd "$root" && swift build -c release --product almanac >/dev/null)
work="$m3/data/split_monthly"
if [ ! -e "$work/m3_meta.csv" ]; then
  split="$m3/data/split"
  [ -e "$split/m3_train_Monthly.csv" ] || { echo "no $split: run bench/m3/run_almanac.sh once first" >&2; exit 1; }
  mkdir -p "$work"
  grep -E "^id|,Monthly," "$split/m3_meta.csv" > "$work/m3_meta.csv"
  cp "$split/m3_train_Monthly.csv" "$work/"
fi
out="$m3/results/almanac_nbeats_monthly.csv"
params=("$@")
/usr/bin/time -v -o "$here/nbeats_time.txt" "$root/.build/release/almanac" run "$m3/almanac_m3.lua" "$work" nbeats "$out" 2 "${params[@]}"
grep -E "Maximum resident|Elapsed|User time|System time" "$here/nbeats_time.txt"
python3 "$here/combine.py" "$m3/results/almanac_ensemble_plus_nbeats_monthly.csv" "$m3/results/almanac_ensemble.csv:4" "$out:1"
cd "$m3"
python3 score.py --meta "$work/m3_meta.csv" --test data/m3_test.csv --train data/m3_train.csv \
  results/almanac_nbeats_monthly.csv results/almanac_ets.csv results/almanac_theta.csv results/almanac_ensemble.csv \
  results/almanac_ensemble_plus_nbeats_monthly.csv results/statsforecast_AutoETS.csv.gz
