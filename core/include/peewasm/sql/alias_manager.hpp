#pragma once
// AliasManager: hands out "t1", "t2"... to sources, one mapping per subquery depth. The counter
// is shared by all depths so that a subquery never reuses an outer alias.

#include <string>
#include <unordered_map>
#include <vector>

namespace peewasm {

class AliasManager {
 public:
  AliasManager() { push(); }

  // The alias of a source at the current depth, created on first use.
  const std::string& get(const void* source);
  // The alias of a source at any enclosing depth (innermost first), else a new one here.
  const std::string& get_any_depth(const void* source);
  void set(const void* source, std::string alias);

  void push();
  void pop();

  // RAII depth for a subquery or CTE body.
  class Scope {
   public:
    explicit Scope(AliasManager& manager) : manager_(manager) { manager_.push(); }
    ~Scope() { manager_.pop(); }
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;

   private:
    AliasManager& manager_;
  };

 private:
  std::unordered_map<const void*, std::string>& mapping() { return mappings_[depth_ - 1]; }

  int counter_ = 0;
  std::size_t depth_ = 0;
  // Peewee keeps a depth's mapping after pop(), so a later sibling subquery at the same depth
  // sees the same aliases; we keep that behaviour for byte-identical SQL.
  std::vector<std::unordered_map<const void*, std::string>> mappings_;
};

}  // namespace peewasm
