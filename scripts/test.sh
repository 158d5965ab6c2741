#!/usr/bin/env bash
# npm test: installs what is missing, builds, and runs every suite.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/scripts/build-native.sh"
echo "== native core tests (doctest via ctest)"
ctest --test-dir "$root/build/native" --output-on-failure
bash "$root/scripts/ensure-npm-deps.sh"
echo "== wasm package (node:test on the built package)"
(cd "$root" && npm run build && node --test tests/js/)
echo "== the package in a bundled page, and the playground (headless Chromium)"
bash "$root/scripts/ensure-system-deps.sh" web
(cd "$root" && node --test tests/web/)
