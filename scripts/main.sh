#!/usr/bin/env bash
# The main job: set up, build, and run the EOQ example on the bundled data
# (examples/data/eoq_items.csv); results go to out/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
swift build --product almanac
.build/debug/almanac run -o out examples/eoq.lua
