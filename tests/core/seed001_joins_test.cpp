// Seed 001 ("Relationships and Joins", Peewee 4.3 docs) against the oracle: models, foreign
// keys, joins, join context, selecting from joined models, aliases, subqueries, CTEs.

#include <doctest/doctest.h>

#include "peewasm/peewasm.hpp"
#include "support/oracle.hpp"
#include "support/query_count.hpp"
#include "support/seed001.hpp"

using namespace peewasm;
using peewasm::test::check_oracle;
using peewasm::test::check_statements;
using peewasm::test::oracle_output;
using peewasm::test::oracle_statements;
using peewasm::test::Recorder;
using peewasm::test::Seed001;

TEST_SUITE("query") {
  TEST_CASE("seed 001 fixtures run the oracle's setup statement for statement") {
    SUBCASE("users, tweets, favorites") {
      Seed001 s;
      check_statements(s.setup.statements(), oracle_statements("rj001.joins.intro_favorites", "setup"));
    }
    SUBCASE("lazy_load(false)") {
      Seed001 s(false);
      check_statements(s.setup.statements(), oracle_statements("rj001.fk.lazy_load_false", "setup"));
    }
    SUBCASE("with relationships") {
      Seed001 s;
      s.add_relationships();
      check_statements(s.setup.statements(), oracle_statements("rj001.multi_fk.following", "setup"));
    }
    SUBCASE("with the activity log") {
      Seed001 s;
      s.add_activity_log();
      check_statements(s.setup.statements(), oracle_statements("rj001.no_fk.activity_log", "setup"));
    }
    SUBCASE("the category tree") {
      peewasm::test::Seed001Categories s;
      check_statements(s.setup.statements(), oracle_statements("rj001.self_join.category_parent", "setup"));
    }
  }
}
