#!/usr/bin/env bash
# Builds the WebAssembly module (dist/peewasm.js + dist/peewasm.wasm) with Emscripten in
# build/wasm. `npm run build` runs this, then tsc for the TypeScript surface (wasm/js).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build="$root/build/wasm"
dist="$root/dist"

bash "$root/scripts/ensure-system-deps.sh" wasm
bash "$root/scripts/fetch-sqlite.sh"
# tsc and the node types come from npm (devDependencies).
[ -x "$root/node_modules/.bin/tsc" ] || (cd "$root" && npm install --no-audit --no-fund)

# Debian's emcc runs its JS optimizer with the system Node, which needs Debian's acorn.
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}

emcmake cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-Release}" \
  -DPEEWASM_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" --target peewasm_wasm -j "$(nproc)"

mkdir -p "$dist"
cp "$build/peewasm.js" "$build/peewasm.wasm" "$dist/"
# Types of the Emscripten glue, for tsc's view of dist; never exported by package.json.
cp "$root/wasm/js/native.d.ts" "$root/wasm/js/peewasm.d.ts" "$dist/"
