#!/usr/bin/env bash
# CSV loading, Almanac beside pandas on the same ~1 GB long-form file, one after the other.
# Wall time and peak memory (max RSS) of each, best of 3 runs.
#   bench/csv/run.sh [SKUS] [DAYS]     (defaults: 20000 SKUs x 1826 days ≈ 1.0 GB)
set -euo pipefail
cd "$(dirname "$0")/../.."
python3 -c "import pandas" 2>/dev/null || pip install -q pandas
swift build -c release --product almanac >/dev/null
file="${TMPDIR:-/tmp}/almanac-bench-long.csv"
skus="${1:-20000}" days="${2:-1826}"
if [ ! -s "$file" ] || [ "$(head -c 100 "$file.meta" 2>/dev/null)" != "$skus $days" ]; then
  echo "writing $file ($skus SKUs x $days days)..."
  python3 bench/csv/make_long_csv.py "$file" "$skus" "$days"
  echo "$skus $days" > "$file.meta"
fi
size=$(stat -c %s "$file")
rows=$((skus * days))
echo "file: $((size / 1000000)) MB, $rows rows"
measure() {  # label, command...
  local label=$1; shift
  local best=""
  for _ in 1 2 3; do
    local out
    out=$( { /usr/bin/time -f "%e %M" "$@" >/dev/null; } 2>&1 | tail -n 1)
    local secs=${out% *} kb=${out#* }
    if [ -z "$best" ] || awk "BEGIN{exit !($secs < ${best% *})}"; then best="$secs $kb"; fi
  done
  local secs=${best% *} kb=${best#* }
  awk -v l="$label" -v s="$secs" -v k="$kb" -v b="$size" -v r="$rows" 'BEGIN {
    printf "%-34s %7.2f s  %7.0f MB/s  peak %6.0f MB  (%.1f bytes/row)\n", l, s, b / 1e6 / s, k / 1024, k * 1024 / r }'
}
measure "almanac data.csv -> panel" .build/release/almanac run -o "${TMPDIR:-/tmp}" bench/csv/load_almanac.lua "$file"
measure "pandas read_csv" python3 bench/csv/load_pandas.py "$file" plain
measure "pandas read_csv, parse dates" python3 bench/csv/load_pandas.py "$file" dates
measure "pandas read_csv + per-SKU series" python3 bench/csv/load_pandas.py "$file" series
