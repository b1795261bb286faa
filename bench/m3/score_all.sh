#!/usr/bin/env bash
# Score every forecast file in results/ (plus any files given as arguments):
#   full M3   : results/*.csv without an _everyK suffix          -> results/score_full.json
#   every 10th: results/*_every10.csv, and the full-M3 files of
#               methods that have no _every10 file (scored on the
#               301-series subset; their times are marked ‡)      -> results/score_every10.json
# Usage: bench/m3/score_all.sh [extra forecast files...]   (extra files go in both tables)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"
times=()
for t in results/*_times.json; do times+=(--times "$t"); done
full=() ; sub=()
for f in results/*.csv; do
  case "$f" in
    *_every10.csv) sub+=("$f") ;;
    *_every*.csv) ;;
    *) full+=("$f"); [ -e "${f%.csv}_every10.csv" ] || sub+=("$f") ;;
  esac
done
echo "## All 3003 series"; echo
python3 score.py "${times[@]}" --json results/score_full.json "${full[@]}" "$@"
if [ -e data/m3_meta_every10.csv ]; then
  echo; echo "## Every 10th series (export_m3.py --every 10)"; echo
  python3 score.py --every 10 "${times[@]}" --json results/score_every10.json "${sub[@]}" "$@"
fi
