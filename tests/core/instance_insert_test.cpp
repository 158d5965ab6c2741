// Model::insert_plain (Instance::save, the bindings' insertMany) compiles its INSERT once per
// set of fields given and row count (Metadata::insert_shapes); later calls must still send
// their own values, their own defaults and Peewee's SQL.

#include <doctest/doctest.h>

#include "peewasm/peewasm.hpp"
#include "support/oracle.hpp"

using namespace peewasm;
using peewasm::test::Recorder;

TEST_SUITE("query") {
  TEST_CASE("save() reuses the INSERT of a set of fields, with each row's values and defaults") {
    Database db;
    ModelRegistry models;
    int calls = 0;
    Model Note = models.define({.name = "Note",
                                .fields = {TextField("body"), IntegerField("stamp").default_function([&] { return Value(++calls); }),
                                           DateTimeField("at").null()},
                                .meta = {.database = &db}});
    create_tables(db, {Note});
    Recorder recorder(db);
    Note.create({{"body", "a"}});
    Note.create({{"body", "b"}});
    Note.create({{"body", "c"}, {"at", "2024-01-01 00:00:00"}});
    Note.create({{"body", "d"}, {"stamp", 40}});
    const auto& sent = recorder.statements();
    REQUIRE(sent.size() == 4);
    const std::string two = R"(INSERT INTO "note" ("body", "stamp") VALUES (?, ?))";
    CHECK(sent[0].sql == two);
    CHECK(sent[1].sql == two);
    CHECK(sent[0].params == std::vector<Value>{"a", 1});
    CHECK(sent[1].params == std::vector<Value>{"b", 2});
    CHECK(sent[2].sql == R"(INSERT INTO "note" ("body", "stamp", "at") VALUES (?, ?, ?))");
    CHECK(sent[2].params == std::vector<Value>{"c", 3, "2024-01-01 00:00:00"});
    CHECK(sent[3].sql == two);
    CHECK(sent[3].params == std::vector<Value>{"d", 40});
    CHECK(Note.select().count() == 4);
  }

  TEST_CASE("a reused INSERT still converts values and reports constraint errors") {
    Database db;
    ModelRegistry models;
    Model Tag = models.define({.name = "Tag", .fields = {CharField("name").unique(), IntegerField("uses")}, .meta = {.database = &db}});
    create_tables(db, {Tag});
    Tag.create({{"name", "a"}, {"uses", 1}});
    CHECK_THROWS_AS(Tag.create({{"name", "a"}, {"uses", 2}}), IntegrityError);
    CHECK_THROWS_WITH_AS(Tag.create({{"name", "b"}, {"uses", 1.5}}), "IntegerField Tag.uses: cannot store 1.5 (real); pass an integer",
                         DataError);
    Recorder recorder(db);
    Tag.create({{"name", "c"}, {"uses", "7"}});
    REQUIRE(recorder.statements().size() == 1);
    CHECK(recorder.statements()[0].params == std::vector<Value>{"c", 7});
    CHECK(Tag.select().count() == 2);
  }

  TEST_CASE("insert_plain of many rows reuses the INSERT of its fields and row count") {
    Database db;
    ModelRegistry models;
    int calls = 0;
    Model Note = models.define({.name = "Note",
                                .fields = {TextField("body"), IntegerField("stamp").default_function([&] { return Value(++calls); })},
                                .meta = {.database = &db}});
    create_tables(db, {Note});
    const std::vector<const Field*> body{&Note.meta().field("body")};
    // Rows of values by field index: id, body, stamp.
    const std::vector<Value> two{Value(), "a", Value(), Value(), "b", Value()};
    const std::vector<Value> other{Value(), "c", Value(), Value(), "d", Value()};
    Recorder recorder(db);
    CHECK(Note.insert_plain(body, two) == 2);
    CHECK(Note.insert_plain(body, other) == 4);
    CHECK(Note.insert_plain(body, std::span(other).first(3)) == 5);
    const auto& sent = recorder.statements();
    REQUIRE(sent.size() == 3);
    const std::string sql = R"(INSERT INTO "note" ("body", "stamp") VALUES (?, ?), (?, ?))";
    CHECK(sent[0].sql == sql);
    CHECK(sent[0].params == std::vector<Value>{"a", 1, "b", 2});
    CHECK(sent[1].sql == sql);
    CHECK(sent[1].params == std::vector<Value>{"c", 3, "d", 4});
    CHECK(sent[2].sql == R"(INSERT INTO "note" ("body", "stamp") VALUES (?, ?))");
    CHECK(sent[2].params == std::vector<Value>{"c", 5});
    CHECK(Note.select().count() == 5);
  }
}
