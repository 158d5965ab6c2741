#!/usr/bin/env bash
# Configures and builds the native core and its doctest suites in build/native.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/scripts/ensure-system-deps.sh" native
bash "$root/scripts/fetch-sqlite.sh"
cmake -S "$root" -B "$root/build/native" -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-RelWithDebInfo}" >/dev/null
cmake --build "$root/build/native" -j "$(nproc)"
