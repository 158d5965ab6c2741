// Seed 004 (the example app) against the oracle: following, followers, the timeline subquery,
// get_or_create, paginate and get_object_or_404.

#include <doctest/doctest.h>

#include "peewasm/peewasm.hpp"
#include "support/example_app.hpp"
#include "support/oracle.hpp"
#include "support/output_check.hpp"
#include "support/query_count.hpp"

using namespace peewasm;
using peewasm::test::check_oracle;
using peewasm::test::check_statements;
using peewasm::test::ExampleApp;
using peewasm::test::oracle_output;
using peewasm::test::oracle_statements;
using peewasm::test::Recorder;

TEST_SUITE("query") {
  TEST_CASE("the example app's fixture runs the oracle's setup statement for statement") {
    ExampleApp app;
    check_statements(app.setup.statements(), oracle_statements("ex004.queries.following", "setup"));
  }
}
