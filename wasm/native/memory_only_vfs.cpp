// SQLite's OS layer in the wasm module (SQLITE_OS_OTHER, CMakeLists.txt): databases live in
// wasm memory only. Without it SQLite's unix VFS pulls in Emscripten's whole JS file system
// (MEMFS), 45% of the glue, for files that were in memory anyway and gone with the page.
// Opening a file path fails with SQLITE_CANTOPEN; temporary tables and sorts stay in memory
// (SQLITE_TEMP_STORE=3), so nothing else ever asks for a file.

#include <sqlite3.h>

#include <algorithm>
#include <cstddef>  // size_t, which sys/random.h uses without including it
#include <ctime>

#include <sys/random.h>

namespace {

int open_file(sqlite3_vfs*, const char*, sqlite3_file* file, int, int*) {
  file->pMethods = nullptr;  // what SQLite expects of a failed open
  return SQLITE_CANTOPEN;
}

int delete_file(sqlite3_vfs*, const char*, int) { return SQLITE_IOERR_DELETE; }

int file_exists(sqlite3_vfs*, const char*, int, int* exists) {
  *exists = 0;
  return SQLITE_OK;
}

int full_pathname(sqlite3_vfs*, const char* name, int size, char* out) {
  sqlite3_snprintf(size, out, "%s", name);
  return SQLITE_OK;
}

// Seeds randomblob(), random() and new rowids once the table's largest is taken.
int randomness(sqlite3_vfs*, int size, char* out) {
  // getentropy() hands out at most 256 bytes a call (crypto.getRandomValues underneath).
  for (int done = 0; done < size; done += 256) {
    if (getentropy(out + done, std::min(size - done, 256)) != 0) return done;
  }
  return size;
}

// Nothing to wait for: no other connection can hold a lock on an in-memory database.
int sleep_for(sqlite3_vfs*, int microseconds) { return microseconds; }

// Milliseconds since the Julian epoch, as the unix VFS reports them ('now' in date functions).
int current_time(sqlite3_vfs*, sqlite3_int64* now) {
  constexpr sqlite3_int64 unix_epoch_ms = 24405875 * static_cast<sqlite3_int64>(8640000);
  timespec time{};
  clock_gettime(CLOCK_REALTIME, &time);
  *now = unix_epoch_ms + static_cast<sqlite3_int64>(time.tv_sec) * 1000 + time.tv_nsec / 1000000;
  return SQLITE_OK;
}

int last_error(sqlite3_vfs*, int, char*) { return 0; }

sqlite3_vfs memory_only{
    .iVersion = 2,
    .szOsFile = sizeof(sqlite3_file),
    .mxPathname = 512,
    .zName = "memory-only",
    .xOpen = open_file,
    .xDelete = delete_file,
    .xAccess = file_exists,
    .xFullPathname = full_pathname,
    .xRandomness = randomness,
    .xSleep = sleep_for,
    .xGetLastError = last_error,
    .xCurrentTimeInt64 = current_time,
};

}  // namespace

extern "C" int sqlite3_os_init() { return sqlite3_vfs_register(&memory_only, 1); }

extern "C" int sqlite3_os_end() { return SQLITE_OK; }
