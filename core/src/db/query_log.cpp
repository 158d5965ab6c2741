#include "peewasm/db/query_log.hpp"

namespace peewasm {

QueryLog::ListenerId QueryLog::subscribe(Listener listener) {
  const ListenerId id = next_id_++;
  listeners_.emplace_back(id, std::move(listener));
  return id;
}

void QueryLog::unsubscribe(ListenerId id) {
  std::erase_if(listeners_, [id](const auto& entry) { return entry.first == id; });
}

void QueryLog::publish(const QueryEvent& event) const {
  // Iterates over a copy: a listener may subscribe or unsubscribe (itself too) while it runs.
  const auto listeners = listeners_;
  for (const auto& [id, listener] : listeners) listener(event);
}

}  // namespace peewasm
