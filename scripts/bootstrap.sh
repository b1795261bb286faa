#!/usr/bin/env bash
# Installs what Almanac needs and is missing, from Debian's packages:
# Lua 5.4 (liblua5.4-dev), libedit (the REPL's line editing), SQLite
# (libsqlite3-dev), OpenBLAS (libopenblas-dev, the neural models' matrix
# products), gnuplot (charts) and pkg-config; with --tests also
# chromium, the headless browser a test opens the rendered report in.
# Needs root or sudo only when something is missing.
set -euo pipefail

need=()
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
pkg-config --exists lua5.4 2>/dev/null || need+=(liblua5.4-dev)
pkg-config --exists libedit 2>/dev/null || need+=(libedit-dev)
pkg-config --exists sqlite3 2>/dev/null || need+=(libsqlite3-dev)
pkg-config --exists openblas 2>/dev/null || need+=(libopenblas-dev)
command -v gnuplot >/dev/null 2>&1 || need+=(gnuplot-nox)
if [ "${1:-}" = "--tests" ]; then
  command -v chromium >/dev/null 2>&1 || need+=(chromium)
fi

if ((${#need[@]})); then
  echo "bootstrap: installing ${need[*]}" >&2
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

command -v swift >/dev/null 2>&1 || { echo "bootstrap: the Swift 6 toolchain is not on PATH (see https://swift.org/install)" >&2; exit 1; }
