#pragma once
// ManyToManyQuery: Peewee's ManyToManyQuery, what student.many_to_many("courses") returns.
// As a query it selects the related rows through the through model:
//   SELECT "t1".* FROM "course" AS "t1" INNER JOIN "course_student_through" AS "t2"
//   ON ("t2"."course_id" = "t1"."id") INNER JOIN "student" AS "t3" ON ("t2"."student_id" = "t3"."id")
//   WHERE ("t2"."student_id" = ?)
// and it chains like any ModelSelect (order_by, where, count ... return plain ModelSelects).
// add / remove / clear write the through table, with the statements Peewee sends:
//   add(instance | instances | ids)  INSERT INTO through (...) VALUES (?, ?), ...
//   add(query)                        INSERT INTO through (src, dest) SELECT ?, "t1"."id" FROM ...
//   remove(instance | instances | ids | query)
//                                     DELETE FROM through WHERE ((dest IN (...)) AND (src = ?))
//   clear()                           DELETE FROM through WHERE (src = ?)
// Instances given must be saved instances of the related model; anything else is an error
// naming both models.

#include <cstdint>
#include <vector>

#include "peewasm/query/select.hpp"
#include "peewasm/schema/metadata.hpp"

namespace peewasm {

class ManyToManyQuery : public ModelSelect {
 public:
  ManyToManyQuery(const Instance& instance, const ManyToManyRelation& relation);

  // clear_existing: clear() first (Peewee's add(value, clear_existing=True)).
  void add(const Instance& item, bool clear_existing = false) const;
  void add(const std::vector<Instance>& items, bool clear_existing = false) const;
  void add(const std::vector<Value>& ids, bool clear_existing = false) const;
  void add(const ModelSelect& query, bool clear_existing = false) const;
  // Each returns the number of links removed.
  std::int64_t remove(const Instance& item) const;
  std::int64_t remove(const std::vector<Instance>& items) const;
  std::int64_t remove(const std::vector<Value>& ids) const;
  std::int64_t remove(const ModelSelect& query) const;
  std::int64_t clear() const;

  const ManyToManyRelation& relation() const noexcept { return *relation_; }
  const Instance& instance() const noexcept { return instance_; }

 private:
  std::vector<Value> ids_of(const std::vector<Instance>& items, const char* verb) const;
  void check_query_model(const ModelSelect& query, const char* verb) const;
  Value owner_id() const;

  Instance instance_;
  const ManyToManyRelation* relation_;
};

}  // namespace peewasm
