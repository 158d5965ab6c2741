#pragma once
// The two sides of the native comparison. Each loads the data once (bulk, untimed) for the
// read workloads; W1 builds a fresh database each time.

#include <functional>
#include <map>
#include <memory>
#include <string>

#include "bench_data.hpp"

namespace bench {

using Workloads = std::map<std::string, std::function<Answer()>>;

// The raw SQLite C API: prepared statements kept by the caller, rows copied into structs.
class RawSqlite {
 public:
  explicit RawSqlite(const Data& data);
  ~RawSqlite();
  Workloads workloads();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The peewasm C++ core: models, ModelSelect, Instance.
class CoreOrm {
 public:
  explicit CoreOrm(const Data& data);
  ~CoreOrm();
  Workloads workloads();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace bench
