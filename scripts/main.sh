#!/usr/bin/env bash
# The main job: set up, build, and render the replenishment review over the
# bundled synthetic e-commerce panel (examples/report.lua) into one
# self-contained report, out/report.html.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
swift build --product almanac
.build/debug/almanac render examples/report.lua -o out/report.html
