#!/usr/bin/env bash
# Installs the Debian packages the native build and tests need, only those missing.
# Usage: ensure-system-deps.sh [native] [wasm] [web] [bench]
set -euo pipefail

missing=()
need() { # need <package> <test command...>
  local package=$1; shift
  "$@" >/dev/null 2>&1 || missing+=("$package")
}

for group in "${@:-native}"; do
  case "$group" in
    native)
      need cmake command -v cmake
      need g++ command -v g++
      need make command -v make
      need doctest-dev test -f /usr/include/doctest/doctest.h
      need nlohmann-json3-dev test -f /usr/include/nlohmann/json.hpp
      ;;
    wasm)
      need emscripten command -v em++
      need node-acorn test -f /usr/share/nodejs/acorn/package.json  # emcc's JS optimizer (NODE_PATH=/usr/share/nodejs)
      need binaryen command -v wasm-opt
      need cmake command -v cmake
      need make command -v make
      ;;
    web)
      need chromium command -v chromium  # headless browser tests (driven by npm playwright-core)
      ;;
    bench)  # optional peers of npm run bench; Peewee is Debian's, for Debian's python3
      need python3-peewee test -f /usr/lib/python3/dist-packages/peewee.py
      ;;
    *) echo "ensure-system-deps: unknown group '$group'" >&2; exit 2 ;;
  esac
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing missing system packages: ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}"
fi
