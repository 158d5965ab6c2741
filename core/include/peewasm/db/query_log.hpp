#pragma once
// QueryLog: every statement the database runs, for the tests, the playground and users.

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "peewasm/value.hpp"

namespace peewasm {

struct QueryEvent {
  std::string sql;
  std::vector<Value> params;
  std::chrono::nanoseconds duration{0};
  std::int64_t rows = 0;  // rows returned (SELECT) or changed (INSERT/UPDATE/DELETE)
  // The statement did not complete: SQLite reported an error for it, or the row callback
  // threw while it was being stepped.
  bool failed = false;
};

class QueryLog {
 public:
  using Listener = std::function<void(const QueryEvent&)>;
  using ListenerId = std::uint64_t;

  ListenerId subscribe(Listener listener);
  void unsubscribe(ListenerId id);
  // True when someone listens: lets the database skip building events nobody reads.
  bool has_listeners() const noexcept { return !listeners_.empty(); }
  void publish(const QueryEvent& event) const;

  // Statements executed since construction or the last reset (failed ones included).
  std::int64_t count() const noexcept { return count_; }
  void reset_count() noexcept { count_ = 0; }
  void add_to_count() noexcept { ++count_; }

 private:
  std::vector<std::pair<ListenerId, Listener>> listeners_;
  ListenerId next_id_ = 1;
  std::int64_t count_ = 0;
};

}  // namespace peewasm
