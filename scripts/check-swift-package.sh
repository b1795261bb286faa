#!/usr/bin/env bash
# examples/swift-package depends on Almanac's library products by path and fits
# ETS from Swift. Builds it (its own .build), checks its output against
# expected-output.txt, and checks that the binary links no OpenBLAS: the
# Forecasting product must stay free of the neural models' BLAS.
set -euo pipefail
cd "$(dirname "$0")/../examples/swift-package"
swift build --product ForecastFromSwift
bin=$(swift build --product ForecastFromSwift --show-bin-path)/ForecastFromSwift
if ! diff -u expected-output.txt <("$bin"); then
  echo "swift-package: the output differs from examples/swift-package/expected-output.txt" >&2
  exit 1
fi
if ldd "$bin" | grep -qi blas; then
  echo "swift-package: the binary links BLAS:" >&2
  ldd "$bin" | grep -i blas >&2
  exit 1
fi
echo "swift-package: built, forecast as expected, no BLAS linked"
