#include "heap_stats.hpp"

#include <emscripten/heap.h>
#include <malloc.h>

namespace peewasm::wasm {

emscripten::val heap_stats() {
  const struct mallinfo info = mallinfo();
  auto out = emscripten::val::object();
  out.set("heapBytes", static_cast<double>(emscripten_get_heap_size()));
  out.set("allocatedBytes", static_cast<double>(info.uordblks));
  out.set("freeBytes", static_cast<double>(info.fordblks));
  return out;
}

}  // namespace peewasm::wasm
