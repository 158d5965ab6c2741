// Bundles and minifies dist's JS (npm run build runs it after tsc): the JS an app ships. The
// two entries (index.js for browsers and bundlers, node.js for Node) stay where package.json's
// exports point; everything they share, the Emscripten glue included, becomes one chunk next to
// them. One file instead of twenty gzips smaller and is one module load at start. tsc's .d.ts
// files stay as they are (types resolve './api.js' to api.d.ts); the per-module .js files it
// wrote are removed once bundled.
// Names are kept (--keep-names): error classes and models report their constructor names.
// Source maps lead back to wasm/js/*.ts through tsc's maps.
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { build } from 'esbuild';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const entries = ['index.js', 'node.js'];
const compiled = readdirSync(dist).filter((name) => name.endsWith('.js') || name.endsWith('.js.map'));

const { outputFiles } = await build({
  entryPoints: entries.map((name) => join(dist, name)),
  outdir: dist,
  bundle: true,
  splitting: true,
  chunkNames: 'peewasm-[hash]',
  write: false,
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  minify: true,
  keepNames: true,
  sourcemap: true,
  // node.js reads the wasm with node:fs; the Emscripten glue calls require('fs'/'path') only
  // where it runs in Node without the bytes given, which the entries never let happen.
  external: ['node:*', 'fs', 'path', 'crypto'],
  logLevel: 'warning',
  logOverride: { 'unsupported-require-call': 'silent' },
});

for (const name of compiled) rmSync(join(dist, name));
for (const file of outputFiles) writeFileSync(file.path, file.contents);
