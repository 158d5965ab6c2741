#!/usr/bin/env bash
# Runs `npm install` when a devDependency of package.json is missing from node_modules
# (a fresh checkout, or one from before a dependency was added).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
missing=$(cd "$root" && node -e '
  const { devDependencies = {}, dependencies = {} } = require("./package.json");
  const fs = require("fs");
  const names = Object.keys({ ...dependencies, ...devDependencies });
  console.log(names.filter((name) => !fs.existsSync(`node_modules/${name}/package.json`)).join(" "));
')
if [ -n "$missing" ]; then
  echo "Installing npm packages (missing: $missing)"
  (cd "$root" && npm install --no-audit --no-fund)
fi
