#!/usr/bin/env bash
# Every test: unit tests of each module, end-to-end runs of the almanac binary,
# every example in examples/ and in the reference, the reference's freshness,
# and examples/swift-package (Almanac's library products used from Swift).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh --tests
# The browser test must run here, not skip.
export ALMANAC_REQUIRE_BROWSER=1
# A release build with testing enabled: @testable imports work, and the
# numerical tests run optimised without unsafe flags in Package.swift
# (docs/architecture.md, "Testing", has the timings).
swift build -c release -Xswiftc -enable-testing --build-tests
log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
swift test -c release -Xswiftc -enable-testing --skip-build 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
# Another package using the library products from Swift (examples/swift-package).
scripts/check-swift-package.sh
example=$?
# The formatter's style (.swift-format), checked, not only applied once.
scripts/check-format.sh
format=$?
set -e
# All tests are Swift Testing tests (XCTest reports 0); close with one plain summary line.
summary=$(grep -E 'Test run with [0-9]+ tests?' "$log" | tail -n 1)
total=$(sed -nE 's/.*Test run with ([0-9]+) tests?.*/\1/p' <<<"$summary")
failed=$(sed -nE 's/.*with ([0-9]+) issues?.*/\1/p' <<<"$summary")
if [ -z "$total" ]; then echo "tests: no test ran"; exit 1; fi
if [ "$status" -eq 0 ] && [ "$example" -eq 0 ] && [ "$format" -eq 0 ]; then
  echo "tests: $total passed, 0 failed"
elif [ "$status" -eq 0 ] && [ "$example" -ne 0 ]; then
  echo "tests: failed (examples/swift-package; $total tests passed)"
  status=$example
elif [ "$status" -eq 0 ]; then
  echo "tests: failed (formatting, see scripts/check-format.sh; $total tests passed)"
  status=$format
else
  echo "tests: failed (${failed:-?} issues in $total tests)"
fi
exit "$status"
