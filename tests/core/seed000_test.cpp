// Seed 000 ("Relationships and Joins", first version) against the oracle: SQL, params, query
// counts and printed lines of every rj000 example outside M2M and N+1.

#include <doctest/doctest.h>

#include "peewasm/peewasm.hpp"
#include "support/oracle.hpp"
#include "support/query_count.hpp"
#include "support/seed000.hpp"

using namespace peewasm;
using peewasm::test::check_oracle;
using peewasm::test::check_statements;
using peewasm::test::oracle_output;
using peewasm::test::oracle_statements;
using peewasm::test::Recorder;
using peewasm::test::Seed000;

TEST_SUITE("query") {
  TEST_CASE("seed 000 fixtures run the oracle's setup statement for statement") {
    SUBCASE("users, tweets, favorites") {
      Seed000 s;
      check_statements(s.setup.statements(), oracle_statements("rj000.simple_join.inferred", "setup"));
    }
    SUBCASE("with relationships") {
      Seed000 s;
      s.add_relationships();
      check_statements(s.setup.statements(), oracle_statements("rj000.multi_fk.following", "setup"));
    }
    SUBCASE("with the activity log") {
      Seed000 s;
      s.add_activity_log();
      check_statements(s.setup.statements(), oracle_statements("rj000.no_fk.activity_log", "setup"));
    }
    SUBCASE("the category tree") {
      peewasm::test::Seed000Categories s;
      check_statements(s.setup.statements(), oracle_statements("rj000.self_join.alias", "setup"));
    }
  }
}
