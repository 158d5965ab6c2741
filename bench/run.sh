#!/usr/bin/env bash
# npm run bench [-- options of bench/run.js]: installs the optional peers, builds the package,
# then runs the harness. A peer that cannot be installed is reported absent, not fatal.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

bash scripts/ensure-system-deps.sh bench || echo "bench: python3-peewee could not be installed; Peewee will be absent"
[ -d node_modules/sql.js ] || npm install --no-audit --no-fund
if [ ! -f bench/node_modules/better-sqlite3/build/Release/better_sqlite3.node ]; then
  echo "bench: installing better-sqlite3 (compiles from source, about two minutes)"
  npm install --prefix bench --no-audit --no-fund || echo "bench: better-sqlite3 did not install; it will be absent"
fi
npm run build
node --expose-gc bench/run.js "$@"
