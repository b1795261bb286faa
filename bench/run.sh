#!/usr/bin/env bash
# Host benchmarks, side by side in one run (see bench/README.md):
#  1. start-up: `almanac run bench/empty.lua` beside `lua5.4 bench/empty.lua`, 20 runs each, median;
#  2. a Lua loop calling a native function 10M times beside the same loop calling a Lua function.
# Needs hyperfine (Debian: hyperfine) and lua5.4 (Debian: lua5.4).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hyperfine >/dev/null || { echo "bench: install hyperfine (apt-get install hyperfine)" >&2; exit 1; }
command -v lua5.4 >/dev/null || { echo "bench: install lua5.4 (apt-get install lua5.4)" >&2; exit 1; }
swift build -c release --product almanac
out=$(mktemp -d)
hyperfine --warmup 3 --runs 20 -N --export-json "$out/startup.json" \
  ".build/release/almanac run -o $out bench/empty.lua" \
  "lua5.4 bench/empty.lua"
python3 - "$out/startup.json" <<'PY'
import json, sys
runs = json.load(open(sys.argv[1]))["results"]
almanac, lua = runs[0]["median"] * 1000, runs[1]["median"] * 1000
print(f"start-up median: almanac {almanac:.1f} ms (target < 30 ms), lua5.4 {lua:.1f} ms, ratio {almanac / lua:.1f}x")
PY
(cd bench && swift build -c release --product NativeCallBench >/dev/null && .build/release/NativeCallBench)
