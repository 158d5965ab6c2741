// Table names from model names, as Peewee derives them (expected values printed by Python's
// re module running Peewee's patterns).

#include <doctest/doctest.h>

#include "peewasm/peewasm.hpp"

using namespace peewasm;

TEST_SUITE("schema") {
  TEST_CASE("table names: legacy lower-cases and turns non-word runs into _; snake case splits words") {
    struct Case {
      const char* model;
      const char* legacy;
      const char* snake;
    };
    const Case cases[] = {
        {"User", "user", "user"},
        {"UserProfile", "userprofile", "user_profile"},
        {"APIKey", "apikey", "api_key"},
        {"HTTPResponseCode", "httpresponsecode", "http_response_code"},
        {"Tweet2Tag", "tweet2tag", "tweet2_tag"},
        {"user__Profile", "user__profile", "user_profile"},
        {"_Private", "_private", "__private"},
        {"ABC", "abc", "abc"},
        {"X9Y", "x9y", "x9_y"},
        {"aB_Cd", "ab_cd", "a_b_cd"},
        {"Blog Post", "blog_post", "blog _post"},
        {"Blog--Post!", "blog_post_", "blog--_post!"},
        {"Caf\xc3\xa9", "caf\xc3\xa9", "caf\xc3\xa9"},
    };
    for (const Case& c : cases) {
      CAPTURE(c.model);
      CHECK(make_table_name(c.model, true) == c.legacy);
      CHECK(make_table_name(c.model, false) == c.snake);
    }
  }

  TEST_CASE("index names drop the non-word characters of the column names") {
    ModelRegistry registry;
    Model Entry = registry.define({.name = "Entry", .fields = {TextField("first-name").index(true)}});
    std::vector<CompiledSql> statements = SchemaManager(Entry).create_indexes_sql();
    REQUIRE(statements.size() == 1);
    CHECK(statements[0].sql == R"(CREATE INDEX IF NOT EXISTS "entry_firstname" ON "entry" ("first-name"))");
  }
}
