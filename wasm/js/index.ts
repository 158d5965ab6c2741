// Browser / bundler entry ("default" in package.json's exports). The module fetches its
// .wasm from next to this file; the literal `new URL('./peewasm.wasm', import.meta.url)` is
// the pattern bundlers (Vite, webpack, esbuild) recognise, so they emit the asset.
import { configureRuntime } from './runtime.js';

configureRuntime((factory) =>
  factory({ locateFile: () => new URL('./peewasm.wasm', import.meta.url).href }),
);

export * from './api.js';
