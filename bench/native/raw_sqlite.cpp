// The workloads on the raw SQLite C API, as a careful C++ user writes them: statements
// prepared once, every row copied into a struct (the same materialization the ORM does).
#include <sqlite3.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "sides.hpp"

namespace bench {
namespace {

const char* const kSchema =
    R"(CREATE TABLE "user" ("id" INTEGER NOT NULL PRIMARY KEY, "username" VARCHAR(255) NOT NULL);
CREATE TABLE "tweet" ("id" INTEGER NOT NULL PRIMARY KEY, "user_id" INTEGER NOT NULL, "content" TEXT NOT NULL, "timestamp" DATETIME NOT NULL, FOREIGN KEY ("user_id") REFERENCES "user" ("id"));
CREATE INDEX "tweet_user_id" ON "tweet" ("user_id");
CREATE TABLE "favorite" ("id" INTEGER NOT NULL PRIMARY KEY, "user_id" INTEGER NOT NULL, "tweet_id" INTEGER NOT NULL, FOREIGN KEY ("user_id") REFERENCES "user" ("id"), FOREIGN KEY ("tweet_id") REFERENCES "tweet" ("id"));
CREATE INDEX "favorite_user_id" ON "favorite" ("user_id");
CREATE INDEX "favorite_tweet_id" ON "favorite" ("tweet_id");)";

void check(sqlite3* db, int rc) {
  if (rc != SQLITE_OK && rc != SQLITE_ROW && rc != SQLITE_DONE) throw std::runtime_error(sqlite3_errmsg(db));
}

class Connection {
 public:
  Connection() { check(nullptr, sqlite3_open(":memory:", &db_)); }
  ~Connection() {
    for (sqlite3_stmt* stmt : statements_) sqlite3_finalize(stmt);
    sqlite3_close(db_);
  }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  void exec(const char* sql) { check(db_, sqlite3_exec(db_, sql, nullptr, nullptr, nullptr)); }
  sqlite3_stmt* prepare(const char* sql) {
    sqlite3_stmt* stmt = nullptr;
    check(db_, sqlite3_prepare_v2(db_, sql, -1, &stmt, nullptr));
    statements_.push_back(stmt);
    return stmt;
  }
  std::int64_t count(const char* sql) {
    sqlite3_stmt* stmt = prepare(sql);
    check(db_, sqlite3_step(stmt));
    return sqlite3_column_int64(stmt, 0);
  }
  sqlite3* get() const { return db_; }

 private:
  sqlite3* db_ = nullptr;
  std::vector<sqlite3_stmt*> statements_;
};

void bind_text(sqlite3_stmt* stmt, int index, const std::string& text) {
  sqlite3_bind_text(stmt, index, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
}

void run(sqlite3* db, sqlite3_stmt* stmt) {
  check(db, sqlite3_step(stmt));
  sqlite3_reset(stmt);
}

std::string text_column(sqlite3_stmt* stmt, int index) {
  return {reinterpret_cast<const char*>(sqlite3_column_text(stmt, index)),
          static_cast<std::size_t>(sqlite3_column_bytes(stmt, index))};
}

TweetRow tweet_row(sqlite3_stmt* stmt, int first = 0) {
  return {sqlite3_column_int64(stmt, first), sqlite3_column_int64(stmt, first + 1), text_column(stmt, first + 2),
          text_column(stmt, first + 3)};
}

UserRow user_row(sqlite3_stmt* stmt, int first = 0) { return {sqlite3_column_int64(stmt, first), text_column(stmt, first + 1)}; }

// Creates the tables and inserts every row, one prepared INSERT per table, in one transaction.
std::string load(Connection& conn, const Data& data) {
  conn.exec(kSchema);
  conn.exec("BEGIN");
  sqlite3_stmt* user = conn.prepare(R"(INSERT INTO "user" ("username") VALUES (?))");
  sqlite3_stmt* tweet = conn.prepare(R"(INSERT INTO "tweet" ("user_id", "content", "timestamp") VALUES (?, ?, ?))");
  sqlite3_stmt* favorite = conn.prepare(R"(INSERT INTO "favorite" ("user_id", "tweet_id") VALUES (?, ?))");
  for (const UserRow& u : data.users) {
    bind_text(user, 1, u.username);
    run(conn.get(), user);
  }
  for (const TweetRow& t : data.tweets) {
    sqlite3_bind_int64(tweet, 1, t.user_id);
    bind_text(tweet, 2, t.content);
    bind_text(tweet, 3, t.timestamp);
    run(conn.get(), tweet);
  }
  for (const FavoriteRow& f : data.favorites) {
    sqlite3_bind_int64(favorite, 1, f.user_id);
    sqlite3_bind_int64(favorite, 2, f.tweet_id);
    run(conn.get(), favorite);
  }
  conn.exec("COMMIT");
  return table_counts(conn.count(R"(SELECT COUNT(*) FROM "user")"), conn.count(R"(SELECT COUNT(*) FROM "tweet")"),
                      conn.count(R"(SELECT COUNT(*) FROM "favorite")"));
}

}  // namespace

struct RawSqlite::Impl {
  const Data& data;
  Connection conn;
  sqlite3_stmt* tweets;
  sqlite3_stmt* tweets_with_user;
  sqlite3_stmt* first_tweets;
  sqlite3_stmt* user_by_id;
  sqlite3_stmt* tweet_by_id;

  explicit Impl(const Data& d) : data(d) {
    load(conn, data);
    tweets = conn.prepare(R"(SELECT "id", "user_id", "content", "timestamp" FROM "tweet")");
    tweets_with_user = conn.prepare(
        R"(SELECT "t1"."id", "t1"."user_id", "t1"."content", "t1"."timestamp", "t2"."id", "t2"."username" FROM "tweet" AS "t1" INNER JOIN "user" AS "t2" ON ("t1"."user_id" = "t2"."id"))");
    first_tweets = conn.prepare(R"(SELECT "id", "user_id", "content", "timestamp" FROM "tweet" ORDER BY "id" LIMIT ?)");
    user_by_id = conn.prepare(R"(SELECT "id", "username" FROM "user" WHERE ("id" = ?) LIMIT 1)");
    tweet_by_id = conn.prepare(R"(SELECT "id", "user_id", "content", "timestamp" FROM "tweet" WHERE ("id" = ?) LIMIT 1)");
  }

  std::vector<TweetRow> all_tweets(sqlite3_stmt* stmt) {
    std::vector<TweetRow> rows;
    while (sqlite3_step(stmt) == SQLITE_ROW) rows.push_back(tweet_row(stmt));
    sqlite3_reset(stmt);
    return rows;
  }

  UserRow user(std::int64_t id) {
    sqlite3_bind_int64(user_by_id, 1, id);
    check(conn.get(), sqlite3_step(user_by_id));
    UserRow row = user_row(user_by_id);
    sqlite3_reset(user_by_id);
    return row;
  }
};

RawSqlite::RawSqlite(const Data& data) : impl_(std::make_unique<Impl>(data)) {}
RawSqlite::~RawSqlite() = default;

Workloads RawSqlite::workloads() {
  Impl& s = *impl_;
  return {
      {"W1", [&s] {
         Connection fresh;
         return Answer{load(fresh, s.data)};
       }},
      {"W2", [&s] {
         Tally tally;
         for (const TweetRow& t : s.all_tweets(s.tweets)) {
           tally.add(t.id + t.user_id + static_cast<std::int64_t>(t.content.size()) + timestamp_seconds(t.timestamp));
         }
         return Answer{tally.str()};
       }},
      {"W3", [&s] {
         struct TweetWithUser {
           TweetRow tweet;
           UserRow user;
         };
         std::vector<TweetWithUser> rows;
         while (sqlite3_step(s.tweets_with_user) == SQLITE_ROW) {
           rows.push_back({tweet_row(s.tweets_with_user), user_row(s.tweets_with_user, 4)});
         }
         sqlite3_reset(s.tweets_with_user);
         Tally tally;
         for (const auto& row : rows) tally.add(static_cast<std::int64_t>(row.tweet.content.size() + row.user.username.size()));
         return Answer{tally.str()};
       }},
      {"W5", [&s] {
         Tally tally;
         sqlite3_bind_int64(s.first_tweets, 1, s.data.sizes.lazy_loads);
         std::int64_t queries = 1;
         for (const TweetRow& t : s.all_tweets(s.first_tweets)) {
           tally.add(static_cast<std::int64_t>(s.user(t.user_id).username.size()));
           ++queries;
         }
         return Answer{tally.str(), queries};
       }},
      {"W7", [&s] {
         Tally tally;
         for (std::int64_t id : s.data.lookup_ids) {
           sqlite3_bind_int64(s.tweet_by_id, 1, id);
           check(s.conn.get(), sqlite3_step(s.tweet_by_id));
           TweetRow t = tweet_row(s.tweet_by_id);
           sqlite3_reset(s.tweet_by_id);
           tally.add(t.id + static_cast<std::int64_t>(t.content.size()));
         }
         return Answer{tally.str()};
       }},
  };
}

}  // namespace bench
