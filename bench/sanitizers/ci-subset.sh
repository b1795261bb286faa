#!/usr/bin/env bash
# The quick sanitizer run for CI: an AddressSanitizer debug build
# (scratch path .build-asan), then every model in the catalogue over every 20th
# M3 series (151 series), one process per model, any ASan report fatal.
# The neural models train small networks for few steps here: the point is to
# run their code under ASan, not to forecast well. Measured here: see
# bench/sanitizers/README.md. Extra arguments go to run.sh (e.g. --models ets,arima).
#   bench/sanitizers/ci-subset.sh [run.sh options]
# Exit status: 0 when no process reported or crashed (Lua-level errors per
# series are counted, not failed), 1 otherwise.
#
# Caveat: a debug build is not optimised at all (Package.swift has no unsafe
# -O flags), so it is slow, and the use-after-free of issue 16
# (Series.differenced, an optimiser miscompile) appears only in release builds:
# .ci/run passes --release, which catches it (scratch path .build-asan-rel).
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
start=$(date +%s)
"$here/run.sh" --debug --sanitizers address --every 20 --datasets m3 --out "$here/out-ci" \
  --params nbeats:steps=60,evaluate_every=20,members=1,width=32,blocks=2,layers=2,batch_size=64 \
  --params lstm:steps=60,evaluate_every=20,members=1,hidden=16,batch_size=64 \
  "$@"
rc=$?
echo "ci-subset: exit $rc after $(( $(date +%s) - start )) s (build included)"
exit $rc
