#pragma once
// The wasm heap's size and malloc's accounting, for memory checks and the playground.

#include <emscripten/val.h>

namespace peewasm::wasm {

// -> {heapBytes: size of the wasm memory, allocatedBytes: bytes malloc has handed out and
//     not yet freed, freeBytes: bytes malloc holds free inside the heap}
emscripten::val heap_stats();

}  // namespace peewasm::wasm
