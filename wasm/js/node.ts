// Node entry ("node" in package.json's exports): reads the .wasm next to this file with fs
// and hands the bytes to the module (Emscripten 3.1.6's loader cannot fetch a file path).
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

import { configureRuntime } from './runtime.js';

configureRuntime(async (factory) => {
  const wasmBinary = await readFile(new URL('./peewasm.wasm', import.meta.url));
  // Emscripten 3.1.6's ES6 glue reads the CommonJS global `__dirname` when it detects Node,
  // which ES modules lack. Define it for the synchronous start of the factory only.
  const scope = globalThis as { __dirname?: string };
  const hadDirname = Object.hasOwn(scope, '__dirname');
  if (!hadDirname) scope.__dirname = fileURLToPath(new URL('.', import.meta.url));
  try {
    return factory({ wasmBinary });
  } finally {
    if (!hadDirname) delete scope.__dirname;
  }
});

export * from './api.js';
