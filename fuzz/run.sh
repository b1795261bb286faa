#!/usr/bin/env bash
# Builds and runs Almanac's libFuzzer harnesses (see README.md).
#
#   fuzz/run.sh HARNESS SECONDS [libFuzzer flags...]   one of FuzzCSV FuzzDates FuzzNotebook FuzzModelFile FuzzLuaValue
#   fuzz/run.sh all SECONDS [libFuzzer flags...]       each in turn, SECONDS each
#
# The seed corpus fuzz/corpus/HARNESS is read, never written: new inputs go to
# $FUZZ_WORK/HARNESS/corpus and crashing inputs to $FUZZ_WORK/HARNESS/artifacts
# (FUZZ_WORK defaults to ${TMPDIR:-/tmp}/almanac-fuzz). Exits 1 if a harness found a
# crash (or a timeout, leak or out-of-memory) and prints the input's path.
#
# Environment: FUZZ_SCRATCH (build folder, default fuzz/.build), FUZZ_WORK,
# SWIFT_BUILD_LOCK (default /tmp/swift-build.lock: builds wait for each other).
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
all=(FuzzCSV FuzzDates FuzzNotebook FuzzModelFile FuzzLuaValue)
scratch=${FUZZ_SCRATCH:-$here/.build}
work=${FUZZ_WORK:-${TMPDIR:-/tmp}/almanac-fuzz}
lock=${SWIFT_BUILD_LOCK:-/tmp/swift-build.lock}

usage() { sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
[ $# -ge 2 ] || usage
which=$1 seconds=$2
shift 2
[[ $seconds =~ ^[0-9]+$ ]] || usage
if [ "$which" = all ]; then
    harnesses=("${all[@]}")
elif [[ " ${all[*]} " == *" $which "* ]]; then
    harnesses=("$which")
else
    echo "run.sh: no harness '$which' (one of: ${all[*]}, all)" >&2
    exit 2
fi

build() {
    # One build at a time on this machine: every swift build waits for the lock.
    flock "$lock" swift build --package-path "$here" --scratch-path "$scratch" -c debug --product "$1" \
        -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library 2>&1 \
        | grep -v "Cannot export local symbol"  # ld.gold's noise about ASan's local helpers
    return "${PIPESTATUS[0]}"
}

bin=$scratch/debug
status=0
summary=()
for h in "${harnesses[@]}"; do
    echo "=== $h: building"
    if ! build "$h"; then
        echo "run.sh: building $h failed" >&2
        exit 2
    fi
    mkdir -p "$work/$h/corpus" "$work/$h/artifacts"
    log="$work/$h/fuzz.log"
    flags=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
           -artifact_prefix="$work/$h/artifacts/")
    [ -f "$here/dicts/$h.dict" ] && flags+=(-dict="$here/dicts/$h.dict")
    [ "$h" = FuzzDates ] && flags+=(-max_len=64)  # one date field; longer inputs only repeat the rejection paths
    echo "=== $h: fuzzing for $seconds s (log: $log)"
    marker="$work/$h/.started"
    touch "$marker"
    # SWIFT_BACKTRACE=enable=no: let libFuzzer and ASan report a Swift trap (their stack
    # trace has file:line); Swift's own backtracer confuses ASan.
    SWIFT_BACKTRACE=enable=no "$bin/$h" "${flags[@]}" "$@" "$work/$h/corpus" "$here/corpus/$h" >"$log" 2>&1
    rc=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    # With -fork=N there are no final stats: take the last status line's count.
    [ -n "$runs" ] || runs=$(sed -n 's/^#\([0-9][0-9]*\)[: ].*/\1/p' "$log" | tail -1)
    speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    [ -n "$speed" ] || speed=$(( ${runs:-0} / (seconds > 0 ? seconds : 1) ))
    # Crashing inputs (crash-*, timeout-*, oom-*, leak-*) written during this run.
    found=$(find "$work/$h/artifacts" -type f -newer "$marker" | sort)
    count=$(printf '%s' "$found" | grep -c . || true)
    if [ $rc -ne 0 ] || [ "$count" -gt 0 ]; then
        status=1
        echo "=== $h: FOUND A PROBLEM (exit $rc, $count input(s)); see $log"
        printf '%s\n' "$found" | head -5 | sed 's/^/    input: /'
        grep -m1 -E "ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|Fatal error|runtime error" "$log" | sed 's/^/    /'
        # The first frames in Almanac's or the harness's code (file:line).
        grep -E '^ +#[0-9]+ .*\.(swift|c|h):[0-9]+' "$log" | grep -v -E '/(fuzzer|sanitizer_common|asan)/' | head -3 | sed 's/^/    /'
        summary+=("$h: ${runs:-?} runs, $speed exec/s, PROBLEM: $(printf '%s\n' "$found" | head -1)${count:+ ($count input(s))}")
    else
        echo "=== $h: no crash"
        summary+=("$h: ${runs:-?} runs, $speed exec/s, no crash")
    fi
done
echo
printf '%s\n' "${summary[@]}"
exit $status
