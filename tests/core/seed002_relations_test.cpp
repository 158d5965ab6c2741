// Seed 002 ("Relationships" application guide): its relationship examples, byte for byte against
// the oracle, with the printed lines and the query counts.

#include <doctest/doctest.h>

#include "peewasm/peewasm.hpp"
#include "support/oracle.hpp"
#include "support/query_count.hpp"
#include "support/seed002.hpp"

using namespace peewasm;
using peewasm::test::check_oracle;
using peewasm::test::check_statements;
using peewasm::test::oracle_output;
using peewasm::test::oracle_statements;
using peewasm::test::Recorder;

TEST_SUITE("schema") {
  TEST_CASE("the seed 002 fixtures run the setups the oracle recorded") {
    SUBCASE("s002") { check_statements(test::Seed002().setup_statements, oracle_statements("rj002.s3_2.traverse", "setup")); }
    SUBCASE("s002.on_delete") {
      check_statements(test::Seed002OnDelete().setup_statements,
                       oracle_statements("rj002.s3_3.cascade_and_set_null", "setup"));
    }
    SUBCASE("s002.on_delete_pragma_off") {
      check_statements(test::Seed002OnDelete(false).setup_statements, oracle_statements("rj002.s3_3.pragma_off", "setup"));
    }
    SUBCASE("s002.editor") {
      check_statements(test::Seed002Editor().setup_statements,
                       oracle_statements("rj002.s7_5.implicit_join_ambiguous", "setup"));
    }
  }
}
