// Minifies dist/*.js in place (npm run build runs it after tsc): the JS an app ships. Each file
// stays a module of its own, so the package's entries and the .d.ts files are unchanged.
// Names are kept (--keep-names): error classes and models report their constructor names.
// Source maps lead back to wasm/js/*.ts through tsc's maps.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { build } from 'esbuild';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const entryPoints = readdirSync(dist)
  .filter((name) => name.endsWith('.js'))
  .map((name) => join(dist, name));

await build({
  entryPoints,
  outdir: dist,
  allowOverwrite: true,
  bundle: false,
  format: 'esm',
  target: 'es2022',
  minify: true,
  keepNames: true,
  sourcemap: true,
  logLevel: 'warning',
  // The Emscripten glue calls require() only where it runs in Node, as it should.
  logOverride: { 'unsupported-require-call': 'silent' },
});
