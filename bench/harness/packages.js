// Where the peers' packages are: the root devDependencies, and bench/package.json for the
// peers that compile native code on install (see bench/README.md). Paths are read from the
// package folders directly: some packages (sql.js) export no ./package.json.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

function packagesIn(folderUrl) {
  const require = createRequire(new URL('package.json', folderUrl));
  const file = (name, path) => fileURLToPath(new URL(`node_modules/${name}/${path}`, folderUrl));
  return {
    require,
    file,
    installed: (name) => existsSync(file(name, 'package.json')),
    version: (name) => JSON.parse(readFileSync(file(name, 'package.json'), 'utf8')).version,
  };
}

export const rootPackages = packagesIn(new URL('../../', import.meta.url));

// This repository: the peewasm package itself (its dist/ is what the bench imports).
export const repository = {
  path: (file) => fileURLToPath(new URL(`../../${file}`, import.meta.url)),
  version: () => JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version,
};
export const benchPackages = packagesIn(new URL('../', import.meta.url));
