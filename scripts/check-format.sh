#!/usr/bin/env bash
# The formatter's style (.swift-format: swift-format, 120 columns) holds for
# every Swift file in the repository. Fix with:
#   git ls-files -z '*.swift' | xargs -0 swift format format --in-place --parallel
set -euo pipefail
cd "$(dirname "$0")/.."
if git ls-files -z '*.swift' | xargs -0 swift format lint --strict --parallel; then
  echo "format: every Swift file is formatted"
else
  echo "format: the files above differ from the formatter's output (fix: see scripts/check-format.sh)"
  exit 1
fi
