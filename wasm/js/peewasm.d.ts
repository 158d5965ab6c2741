// Types of the Emscripten glue that the build writes next to the compiled JS
// (dist/peewasm.js, -sEXPORT_ES6 -sEXPORT_NAME=createPeewasmModule). Private.
import type { NativeModuleFactory } from './native.js';

declare const createPeewasmModule: NativeModuleFactory;
export default createPeewasmModule;
