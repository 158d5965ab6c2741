#pragma once
// Load: one relation that with_related() loads eagerly (Peewee 4's Load node), and the load
// strategies it shares with prefetch().
//   User.select().with_related({Load(User, "tweets", recent, {.per_parent = 2})})

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "peewasm/query/select.hpp"

namespace peewasm {

// How a relation's rows are restricted to the parents already fetched (Peewee's PREFETCH_TYPE).
enum class PrefetchType {
  Where,        // child.fk IN (SELECT key FROM <parent query>): the parent query runs again inside
  Join,         // INNER JOIN (SELECT DISTINCT key FROM <parent query>): for paginated parents
  Materialize,  // child.fk IN (?, ?, ...): the keys of the parents in memory (with_related only)
};

// Peewee's spelling, "PREFETCH_TYPE.JOIN", for messages.
std::string_view to_string(PrefetchType type);

struct LoadOptions {
  // Keeps the first n related rows of each parent, ranked by the relation query's order_by
  // (by primary key when it has none). Backrefs only.
  std::optional<std::int64_t> per_parent;
  PrefetchType strategy = PrefetchType::Where;
};

class Load {
 public:
  // `relation` names, on `model`, a foreign key (Load(Tweet, "user"): each tweet's User) or a
  // backref (Load(User, "tweets"): each user's tweets, as a list). `query` selects the related
  // rows (default: all of them); its own with_related() loads nest under this one. A name that
  // is neither, a query of another model, or a per_parent that cannot apply throws
  // ImproperlyConfigured saying what is allowed.
  Load(const Model& model, std::string relation, LoadOptions options = {});
  Load(const Model& model, std::string relation, ModelSelect query, LoadOptions options = {});

  // Loads nested under this one: Load(User, "tweets").with_related({Load(Tweet, "favorites")}).
  Load with_related(std::vector<Load> loads) const;

  // The model the load starts from (User for "tweets") and the model it loads (Tweet).
  const Metadata& parent() const;
  const Metadata& related() const;
  // The foreign key behind the relation; is_backref() when it lives on the loaded model.
  const Field& foreign_key() const noexcept { return *fk_; }
  bool is_backref() const noexcept { return backref_; }
  // Where the rows go on each parent: Instance::prefetched(name) for a backref,
  // Instance::related(name) for a foreign key.
  const std::string& name() const noexcept { return name_; }
  const ModelSelect& query() const noexcept { return query_; }
  const LoadOptions& options() const noexcept { return options_; }
  // Load(User, "tweets"), for messages.
  std::string describe() const;

 private:
  // The foreign key a relation name stands for on `model`, and whether it is a backref.
  using Relation = std::pair<const Field*, bool>;
  static Relation resolve(const Model& model, const std::string& relation);
  Load(Relation relation, const std::string& name, std::optional<ModelSelect> query, LoadOptions options);
  void check_per_parent() const;

  const Field* fk_ = nullptr;
  bool backref_ = false;
  std::string name_;
  ModelSelect query_;
  LoadOptions options_;
};

}  // namespace peewasm
