#!/usr/bin/env bash
# Unpacks the pinned SQLite amalgamation (sqlite3.c/.h) into build/sqlite, once.
# The amalgamation ships inside the npm package named in package.json's config.sqlite_package;
# we take only its sources (no native build), so native and wasm builds share one SQLite.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dest="$root/build/sqlite"
package=$(node -p "require('$root/package.json').config.sqlite_package")

if [ -f "$dest/sqlite3.c" ] && [ "$(cat "$dest/.source" 2>/dev/null)" = "$package" ]; then
  exit 0
fi
echo "Fetching the SQLite amalgamation from $package"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "$package" >/dev/null)
mkdir -p "$dest"
tar -xzf "$tmp"/*.tgz -C "$tmp" package/deps/sqlite3
cp "$tmp"/package/deps/sqlite3/sqlite3.c "$tmp"/package/deps/sqlite3/sqlite3.h "$dest"/
echo "$package" > "$dest/.source"
