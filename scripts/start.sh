#!/usr/bin/env bash
# npm start: on a fresh Debian machine with Node, installs what is missing (Debian packages,
# npm packages), builds the package and the playground, serves it and prints its URL.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/scripts/ensure-system-deps.sh" wasm
bash "$root/scripts/ensure-npm-deps.sh"
(cd "$root" && npm run build)
exec node "$root/web/tools/serve.mjs"
