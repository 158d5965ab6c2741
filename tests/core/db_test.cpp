#include <doctest/doctest.h>
#include <sqlite3.h>

#include <chrono>
#include <filesystem>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "peewasm/db/database.hpp"
#include "peewasm/errors.hpp"
#include "support/query_count.hpp"

using peewasm::Blob;
using peewasm::Database;
using peewasm::QueryEvent;
using peewasm::RowView;
using peewasm::Value;
using Rows = std::vector<std::vector<Value>>;

namespace {

// Records every statement's event while it lives.
class EventLog {
 public:
  explicit EventLog(Database& db)
      : db_(db), id_(db.log().subscribe([this](const QueryEvent& e) { events.push_back(e); })) {}
  ~EventLog() { db_.log().unsubscribe(id_); }
  EventLog(const EventLog&) = delete;
  EventLog& operator=(const EventLog&) = delete;

  std::vector<std::string> sql() const {
    std::vector<std::string> out;
    for (const auto& event : events) out.push_back(event.sql);
    return out;
  }

  std::vector<QueryEvent> events;

 private:
  Database& db_;
  peewasm::QueryLog::ListenerId id_;
};

void create_users(Database& db) {
  db.execute(
      R"(CREATE TABLE "user" ("id" INTEGER NOT NULL PRIMARY KEY, "username" TEXT NOT NULL UNIQUE, )"
      R"("age" INTEGER CONSTRAINT "age_positive" CHECK ("age" > 0)))");
}

void insert_user(Database& db, const std::string& name) {
  const Value params[] = {name};
  db.execute(R"(INSERT INTO "user" ("username") VALUES (?))", params);
}

Value scalar(Database& db, std::string_view sql) { return db.query_all(sql).at(0).at(0); }

std::vector<Value> usernames(Database& db) {
  std::vector<Value> names;
  for (auto& row : db.query_all(R"(SELECT "username" FROM "user" ORDER BY "id")")) {
    names.push_back(row.at(0));
  }
  return names;
}

}  // namespace

TEST_SUITE("db") {
  TEST_CASE("opening a database applies its pragmas without counting them") {
    Database db(":memory:", {.pragmas = {{"foreign_keys", 1}, {"cache_size", -2000}}});
    CHECK(db.query_count() == 0);
    CHECK(db.pragma("foreign_keys") == Value(1));
    CHECK(db.pragma("cache_size") == Value(-2000));
    CHECK(db.query_count() == 2);
    CHECK(db.pragma("busy_timeout") == Value(5000));  // Peewee's timeout=5

    SUBCASE("a pragma SQLite rejects fails the open") {
      CHECK_THROWS_WITH_AS(Database(":memory:", {.pragmas = {{"foreign_keys", "= ="}}}),
                           "near \"=\": syntax error", peewasm::OperationalError);
    }
  }

  TEST_CASE("a path that cannot be opened throws OperationalError") {
    CHECK_THROWS_WITH_AS(Database("/nonexistent-dir/peewasm.db"), "unable to open database file",
                         peewasm::OperationalError);
  }

  TEST_CASE("a file database keeps its rows after it is closed") {
    const auto path = std::filesystem::temp_directory_path() /
                      ("peewasm-db-test-" + std::to_string(std::random_device{}()) + ".db");
    std::filesystem::remove(path);
    {
      Database db(path.string());
      CHECK(db.path() == path.string());
      create_users(db);
      insert_user(db, "huey");
    }
    {
      Database db(path.string());
      CHECK(usernames(db) == std::vector<Value>{"huey"});
    }
    std::filesystem::remove(path);
  }

  TEST_CASE("values bind as SQLite types and read back as storage classes") {
    Database db;
    db.execute("CREATE TABLE t (v)");
    const std::vector<Value> values = {Value(),
                                       Value(42),
                                       Value(2.5),
                                       Value("text"),
                                       Value(""),
                                       Value(Blob{}),
                                       Value(Blob{0, 255}),
                                       Value(true),
                                       Value(std::string("a\0b", 3))};
    for (const auto& value : values) {
      const Value params[] = {value};
      db.execute("INSERT INTO t (v) VALUES (?)", params);
    }

    const Rows rows = db.query_all("SELECT v, typeof(v) FROM t ORDER BY rowid");
    REQUIRE(rows.size() == values.size());
    const std::vector<std::string> types = {"null", "integer", "real",    "text", "text",
                                            "blob", "blob",    "integer", "text"};
    for (std::size_t i = 0; i < rows.size(); ++i) {
      CAPTURE(i);
      CHECK(rows[i][1] == Value(types[i]));
      CHECK(rows[i][0] == values[i]);
    }
    SUBCASE("a boolean comes back as the integer 1") {
      CHECK(rows[7][0].type() == peewasm::ValueType::Integer);
    }
    SUBCASE("an empty blob stays a blob, not NULL") {
      CHECK(rows[5][0].type() == peewasm::ValueType::Blob);
    }
  }

  TEST_CASE("cell borrows each column as column() reads it, without a copy") {
    Database db;
    db.execute("CREATE TABLE t (v)");
    const std::vector<Value> values = {Value(), Value(-7), Value(2.5), Value("text"), Value(""), Value(Blob{0, 255}),
                                       Value(Blob{})};
    for (const auto& value : values) {
      const Value params[] = {value};
      db.execute("INSERT INTO t (v) VALUES (?)", params);
    }
    std::size_t i = 0;
    db.query("SELECT v FROM t ORDER BY rowid", {}, [&](const RowView& row) {
      CAPTURE(i);
      const peewasm::ColumnCell cell = row.cell(0);
      const Value value = row.column(0);
      REQUIRE(cell.type == value.type());
      switch (cell.type) {
        case peewasm::ValueType::Integer: CHECK(cell.integer == value.as_int()); break;
        case peewasm::ValueType::Real: CHECK(cell.real == value.as_real()); break;
        case peewasm::ValueType::Text: CHECK(cell.bytes == value.as_text()); break;
        case peewasm::ValueType::Blob:
          CHECK(Blob(cell.bytes.begin(), cell.bytes.end()) == value.as_blob());
          break;
        default: CHECK(cell.bytes.empty()); break;
      }
      ++i;
    });
    CHECK(i == values.size());
  }

  TEST_CASE("execute returns the rows a statement changed") {
    Database db;
    create_users(db);
    for (const auto* name : {"huey", "mickey", "zaizee"}) insert_user(db, name);
    CHECK(db.last_insert_rowid() == 3);

    CHECK(db.execute(R"(UPDATE "user" SET "age" = 3 WHERE "id" < 3)") == 2);
    CHECK(db.execute(R"(UPDATE "user" SET "age" = 3 WHERE "id" > 10)") == 0);
    SUBCASE("statements that change no rows report 0, not the last UPDATE's count") {
      CHECK(db.execute("CREATE TABLE other (x)") == 0);
      CHECK(db.execute("SELECT 1") == 0);
    }
    SUBCASE("DELETE") { CHECK(db.execute(R"(DELETE FROM "user")") == 3); }
  }

  TEST_CASE("query calls on_row per row with names and values") {
    Database db;
    create_users(db);
    insert_user(db, "huey");
    insert_user(db, "mickey");

    std::vector<std::string> seen;
    const Value params[] = {0};
    const auto rows =
        db.query(R"(SELECT "id", "username" AS "name" FROM "user" WHERE "id" > ?)", params,
                 [&](const RowView& row) {
                   CHECK(row.column_count() == 2);
                   CHECK(row.column_name(1) == "name");
                   seen.push_back(row.column(0).to_string() + ":" + row.column(1).as_text());
                 });
    CHECK(rows == 2);
    CHECK(seen == std::vector<std::string>{"1:huey", "2:mickey"});
  }

  TEST_CASE("pragma sets through execute and reads the first value") {
    Database db;
    EventLog log(db);
    QueryCount count(db);
    db.pragma("foreign_keys", 1);
    CHECK(db.pragma("foreign_keys") == Value(1));
    SUBCASE("a false value is written as 0, as Peewee's `value or 0`") {
      db.pragma("foreign_keys", false);
      CHECK(db.pragma("foreign_keys") == Value(0));
      CHECK(log.sql().at(2) == "PRAGMA foreign_keys = 0");
    }
    SUBCASE("a pragma without a row reads as null") { CHECK(db.pragma("optimize").is_null()); }
    CHECK(log.sql().at(0) == "PRAGMA foreign_keys = 1");
    CHECK(log.sql().at(1) == "PRAGMA foreign_keys");
    CHECK(count.delta() == static_cast<std::int64_t>(log.events.size()));
  }

  TEST_CASE("a constraint violation throws IntegrityError and leaves the table as it was") {
    Database db(":memory:", {.pragmas = {{"foreign_keys", 1}}});
    create_users(db);
    db.execute(R"(CREATE TABLE "tweet" ("id" INTEGER PRIMARY KEY, )"
               R"("user_id" INTEGER NOT NULL REFERENCES "user" ("id")))");
    insert_user(db, "huey");
    db.execute(R"(INSERT INTO "tweet" ("user_id") VALUES (1))");
    const Rows before = db.query_all(R"(SELECT * FROM "user")");

    SUBCASE("UNIQUE") {
      CHECK_THROWS_WITH_AS(insert_user(db, "huey"), "UNIQUE constraint failed: user.username",
                           peewasm::IntegrityError);
      try {
        insert_user(db, "huey");
      } catch (const peewasm::IntegrityError& error) {
        CHECK(error.sqlite_code() == SQLITE_CONSTRAINT_UNIQUE);
        CHECK(error.kind() == peewasm::ErrorKind::IntegrityError);
      }
    }
    SUBCASE("NOT NULL") {
      CHECK_THROWS_WITH_AS(db.execute(R"(INSERT INTO "user" ("username") VALUES (NULL))"),
                           "NOT NULL constraint failed: user.username", peewasm::IntegrityError);
    }
    SUBCASE("CHECK") {
      CHECK_THROWS_WITH_AS(db.execute(R"(UPDATE "user" SET "age" = -1)"),
                           "CHECK constraint failed: age_positive", peewasm::IntegrityError);
    }
    SUBCASE("FOREIGN KEY") {
      CHECK_THROWS_WITH_AS(db.execute(R"(INSERT INTO "tweet" ("user_id") VALUES (99))"),
                           "FOREIGN KEY constraint failed", peewasm::IntegrityError);
      CHECK_THROWS_WITH_AS(db.execute(R"(DELETE FROM "user")"), "FOREIGN KEY constraint failed",
                           peewasm::IntegrityError);
      CHECK(scalar(db, R"(SELECT count(*) FROM "tweet")") == Value(1));
    }
    SUBCASE("a datatype mismatch counts as an integrity error, as in Python's sqlite3") {
      CHECK_THROWS_WITH_AS(db.execute(R"(INSERT INTO "tweet" ("id", "user_id") VALUES ('x', 1))"),
                           "datatype mismatch", peewasm::IntegrityError);
    }

    CHECK(db.query_all(R"(SELECT * FROM "user")") == before);
    CHECK_FALSE(db.in_transaction());
    SUBCASE("the failed statement's cached copy runs again") {
      insert_user(db, "mickey");
      CHECK(usernames(db) == std::vector<Value>{"huey", "mickey"});
    }
  }

  TEST_CASE("SQLite's rejections at prepare time throw OperationalError and are counted") {
    Database db;
    EventLog log(db);
    QueryCount count(db);
    std::string sql;
    std::string message;
    SUBCASE("syntax error") {
      sql = R"(SELECT 1 AS)";
      message = "incomplete input";
    }
    SUBCASE("misplaced keyword") {
      sql = R"(SELECT * FROM AS)";
      message = "near \"AS\": syntax error";
    }
    SUBCASE("unknown table") {
      sql = R"(SELECT * FROM "missing")";
      message = "no such table: missing";
    }
    CHECK_THROWS_WITH_AS(db.execute(sql), message.c_str(), peewasm::OperationalError);
    CHECK(count.delta() == 1);
    REQUIRE(log.events.size() == 1);
    CHECK(log.events[0].sql == sql);
    CHECK(log.events[0].failed);
    CHECK(db.cached_statement_count() == 0);
    CHECK(scalar(db, "SELECT 1") == Value(1));
  }

  TEST_CASE("misuse that Python's sqlite3 rejects throws ProgrammingError") {
    Database db;
    SUBCASE("the wrong number of parameters") {
      const Value params[] = {1, 2};
      CHECK_THROWS_WITH_AS(db.execute("SELECT ?", params),
                           "Incorrect number of bindings supplied. The current statement uses 1, "
                           "and there are 2 supplied.",
                           peewasm::ProgrammingError);
    }
    SUBCASE("more than one statement in one call") {
      CHECK_THROWS_WITH_AS(db.execute("CREATE TABLE a (x); CREATE TABLE b (x)"),
                           "You can only execute one statement at a time.",
                           peewasm::ProgrammingError);
      CHECK(db.query_all("SELECT name FROM sqlite_master").empty());
    }
    SUBCASE("a trailing comment is not a second statement") {
      CHECK(db.query_all("SELECT 1; -- done").size() == 1);
    }
    SUBCASE("SQL without a statement is a no-op") {
      CHECK(db.execute("  /* nothing */ ") == 0);
      CHECK(db.query_all("").empty());
    }
  }

  TEST_CASE("atomic commits a block with BEGIN and COMMIT") {
    Database db;
    create_users(db);
    EventLog log(db);
    QueryCount count(db);
    db.atomic([&] {
      CHECK(db.in_transaction());
      CHECK(db.transaction_depth() == 1);
      insert_user(db, "huey");
    });
    CHECK(count.delta() == 3);
    CHECK(log.sql() == std::vector<std::string>{
                           "BEGIN", R"(INSERT INTO "user" ("username") VALUES (?))", "COMMIT"});
    CHECK_FALSE(db.in_transaction());
    CHECK(db.transaction_depth() == 0);
    CHECK(usernames(db) == std::vector<Value>{"huey"});
  }

  TEST_CASE("a throwing atomic block rolls everything back and rethrows the original") {
    Database db;
    create_users(db);
    insert_user(db, "huey");
    EventLog log(db);

    SUBCASE("an exception of the caller's") {
      CHECK_THROWS_WITH_AS(db.atomic([&] {
        insert_user(db, "mickey");
        throw std::runtime_error("boom");
      }),
                           "boom", std::runtime_error);
      CHECK(log.sql().back() == "ROLLBACK");
    }
    SUBCASE("an IntegrityError from inside the block") {
      CHECK_THROWS_WITH_AS(db.atomic([&] {
        insert_user(db, "mickey");
        insert_user(db, "huey");
      }),
                           "UNIQUE constraint failed: user.username", peewasm::IntegrityError);
      CHECK(log.sql() ==
            std::vector<std::string>{"BEGIN", R"(INSERT INTO "user" ("username") VALUES (?))",
                                     R"(INSERT INTO "user" ("username") VALUES (?))", "ROLLBACK"});
      CHECK(log.events[2].failed);
    }
    SUBCASE("a block that ended the transaction itself is not rolled back twice") {
      CHECK_THROWS_WITH_AS(db.atomic([&] {
        insert_user(db, "mickey");
        db.execute("ROLLBACK");
        throw std::runtime_error("gave up");
      }),
                           "gave up", std::runtime_error);
      CHECK(log.sql().back() == "ROLLBACK");
      CHECK(log.sql().size() == 3);
    }

    CHECK(usernames(db) == std::vector<Value>{"huey"});
    CHECK_FALSE(db.in_transaction());
    CHECK(db.transaction_depth() == 0);
    db.atomic([&] { insert_user(db, "zaizee"); });
    CHECK(usernames(db) == std::vector<Value>{"huey", "zaizee"});
  }

  TEST_CASE("a nested atomic that throws rolls back to its savepoint and the outer block commits") {
    Database db;
    create_users(db);
    EventLog log(db);
    QueryCount count(db);
    db.atomic([&] {
      insert_user(db, "huey");
      CHECK_THROWS_AS(db.atomic([&] {
        CHECK(db.transaction_depth() == 2);
        insert_user(db, "mickey");
        throw std::runtime_error("inner");
      }),
                      std::runtime_error);
      CHECK(db.transaction_depth() == 1);
      insert_user(db, "zaizee");
    });

    const std::string insert = R"(INSERT INTO "user" ("username") VALUES (?))";
    CHECK(log.sql() == std::vector<std::string>{"BEGIN", insert, R"(SAVEPOINT "s1")", insert,
                                                R"(ROLLBACK TO SAVEPOINT "s1")",
                                                R"(RELEASE SAVEPOINT "s1")", insert, "COMMIT"});
    CHECK(count.delta() == 8);
    CHECK(usernames(db) == std::vector<Value>{"huey", "zaizee"});
  }

  TEST_CASE("nested atomic blocks release their savepoints, named by a counter") {
    Database db;
    create_users(db);
    EventLog log(db);
    db.atomic([&] {
      db.atomic([&] { insert_user(db, "huey"); });
      db.atomic([&] {
        db.atomic([&] { insert_user(db, "mickey"); });
        CHECK(db.transaction_depth() == 2);
      });
    });
    const std::string insert = R"(INSERT INTO "user" ("username") VALUES (?))";
    CHECK(log.sql() == std::vector<std::string>{
                           "BEGIN", R"(SAVEPOINT "s1")", insert, R"(RELEASE SAVEPOINT "s1")",
                           R"(SAVEPOINT "s2")", R"(SAVEPOINT "s3")", insert,
                           R"(RELEASE SAVEPOINT "s3")", R"(RELEASE SAVEPOINT "s2")", "COMMIT"});
    CHECK(usernames(db) == std::vector<Value>{"huey", "mickey"});
  }

  TEST_CASE("a COMMIT that fails rolls back and throws its error") {
    Database db(":memory:", {.pragmas = {{"foreign_keys", 1}}});
    db.execute(R"(CREATE TABLE "parent" ("id" INTEGER PRIMARY KEY))");
    db.execute(R"(CREATE TABLE "child" ("parent_id" INTEGER REFERENCES "parent" ("id") )"
               R"(DEFERRABLE INITIALLY DEFERRED))");
    EventLog log(db);
    CHECK_THROWS_WITH_AS(
        db.atomic([&] { db.execute(R"(INSERT INTO "child" ("parent_id") VALUES (7))"); }),
        "FOREIGN KEY constraint failed", peewasm::IntegrityError);
    CHECK(log.sql() == std::vector<std::string>{"BEGIN",
                                                R"(INSERT INTO "child" ("parent_id") VALUES (7))",
                                                "COMMIT", "ROLLBACK"});
    CHECK(log.events[2].failed);
    CHECK_FALSE(db.in_transaction());
    CHECK(scalar(db, R"(SELECT count(*) FROM "child")") == Value(0));
  }

  TEST_CASE("the query counter counts every statement, failed ones included") {
    Database db;
    create_users(db);
    QueryCount count(db);
    insert_user(db, "huey");
    CHECK_THROWS_AS(insert_user(db, "huey"), peewasm::IntegrityError);
    db.query_all(R"(SELECT * FROM "user")");
    CHECK(count.delta() == 3);
    INFO(count.statements());

    db.reset_query_count();
    CHECK(db.query_count() == 0);
  }

  TEST_CASE("listeners receive sql, params, rows and duration") {
    Database db;
    create_users(db);
    EventLog log(db);
    insert_user(db, "huey");
    insert_user(db, "mickey");
    db.query_all(R"(SELECT * FROM "user")");
    db.execute(R"(UPDATE "user" SET "age" = 1)");

    REQUIRE(log.events.size() == 4);
    const QueryEvent& insert = log.events[1];
    CHECK(insert.sql == R"(INSERT INTO "user" ("username") VALUES (?))");
    CHECK(insert.params == std::vector<Value>{"mickey"});
    CHECK(insert.rows == 1);
    CHECK(insert.duration > std::chrono::nanoseconds(0));
    CHECK_FALSE(insert.failed);
    CHECK(log.events[2].rows == 2);
    CHECK(log.events[3].rows == 2);

    SUBCASE("unsubscribe stops the events of that listener only") {
      std::int64_t other = 0;
      const auto id = db.log().subscribe([&](const QueryEvent&) { ++other; });
      db.execute("SELECT 1");
      db.log().unsubscribe(id);
      db.execute("SELECT 1");
      CHECK(other == 1);
      CHECK(log.events.size() == 6);
    }
    SUBCASE("a listener may unsubscribe itself while it runs") {
      peewasm::QueryLog::ListenerId id = 0;
      int calls = 0;
      id = db.log().subscribe([&](const QueryEvent&) {
        ++calls;
        db.log().unsubscribe(id);
      });
      db.execute("SELECT 1");
      db.execute("SELECT 1");
      CHECK(calls == 1);
    }
  }

  TEST_CASE("a row callback that throws stops the query and the database stays usable") {
    Database db;
    create_users(db);
    insert_user(db, "huey");
    insert_user(db, "mickey");
    EventLog log(db);
    int calls = 0;
    const auto stop = [&](const RowView&) {
      ++calls;
      throw std::runtime_error("stop");
    };
    const std::string sql = R"(SELECT "username" FROM "user")";
    const auto cached = db.cached_statement_count();
    CHECK_THROWS_WITH_AS(db.query(sql, {}, stop), "stop", std::runtime_error);
    CHECK(calls == 1);
    CHECK(log.events.back().failed);
    CHECK(db.query_all(sql).size() == 2);
    CHECK(db.cached_statement_count() == cached + 1);
  }

  TEST_CASE("the statement cache prepares one statement per SQL text") {
    Database db;
    db.execute("CREATE TABLE t (v)");
    const auto baseline = db.cached_statement_count();
    for (int i = 0; i < 1000; ++i) {
      const Value params[] = {i};
      db.execute("INSERT INTO t (v) VALUES (?)", params);
    }
    CHECK(db.cached_statement_count() == baseline + 1);
    CHECK(scalar(db, "SELECT sum(v) FROM t") == Value(999 * 1000 / 2));

    SUBCASE("beyond its capacity it drops the least recently used statement") {
      peewasm::DatabaseOptions options;
      options.statement_cache_size = 3;
      Database small(":memory:", options);
      for (int i = 0; i < 10; ++i) {
        CHECK(scalar(small, "SELECT " + std::to_string(i)) == Value(i));
      }
      CHECK(small.cached_statement_count() == 3);
    }
  }

  TEST_CASE("a query with the same SQL run from inside on_row gets its own statement") {
    Database db;
    create_users(db);
    for (const auto* name : {"huey", "mickey", "zaizee"}) insert_user(db, name);
    const std::string sql = R"(SELECT "id", "username" FROM "user" WHERE "id" >= ? ORDER BY "id")";

    // The lazy-loading shape: each outer row runs the same SELECT again.
    std::vector<std::string> pairs;
    const Value from_first[] = {1};
    db.query(sql, from_first, [&](const RowView& outer) {
      const Value from_here[] = {outer.column(0)};
      const auto outer_name = outer.column(1).as_text();
      db.query(sql, from_here, [&](const RowView& inner) {
        pairs.push_back(outer_name + "-" + inner.column(1).as_text());
      });
    });
    CHECK(pairs == std::vector<std::string>{"huey-huey", "huey-mickey", "huey-zaizee",
                                            "mickey-mickey", "mickey-zaizee", "zaizee-zaizee"});
    const auto cached = db.cached_statement_count();
    db.query(sql, from_first, [&](const RowView& outer) {
      const Value from_here[] = {outer.column(0)};
      db.query(sql, from_here, [](const RowView&) {});
    });
    CHECK(db.cached_statement_count() == cached);
  }
}
