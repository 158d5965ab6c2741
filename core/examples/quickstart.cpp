// The README's C++ example: models, tables, rows, a join and the SQL it ran.
#include <iostream>
#include <peewasm/peewasm.hpp>

using namespace peewasm;

int main() {
  Database db(":memory:", {.pragmas = {{"foreign_keys", 1}}});
  ModelRegistry models;
  Model BaseModel = models.define({.name = "BaseModel", .meta = {.database = &db}});
  Model User = models.define({.name = "User", .fields = {CharField("username").unique()}, .extends = BaseModel});
  Model Tweet = models.define({.name = "Tweet",
                               .fields = {ForeignKeyField("user", User).backref("tweets"), TextField("content")},
                               .extends = BaseModel});
  create_tables(db, {User, Tweet});

  Instance huey = User.create({{"username", "huey"}});
  Tweet.create({{"user", huey}, {"content", "meow"}});
  Tweet.create({{"user", huey}, {"content", "purr"}});

  db.reset_query_count();
  auto query = Tweet.select({Tweet, User}).join(User).where(User["username"] == "huey").order_by({Tweet["id"]});
  for (const Instance& tweet : query.execute()) {
    std::cout << tweet.related("user")->get("username").to_string() << ": " << tweet.get("content").to_string() << "\n";
  }
  std::cout << query.sql().sql << "\n";
  std::cout << "queries: " << db.query_count() << "\n";
}
