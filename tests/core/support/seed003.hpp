#pragma once
// Seed 003's blog models (User, Tweet) over a fresh in-memory database, on the oracle's clock,
// with the three tweets of its examples. What the setup executed is kept for oracle checks.

#include "peewasm/peewasm.hpp"
#include "support/oracle.hpp"

namespace peewasm::test {

struct Blog {
  Database db;
  ModelRegistry models;
  FixedClock clock;
  Model User, Tweet;
  std::vector<Statement> setup;  // the statements the constructor ran

  explicit Blog(bool lazy_load = true) {
    Recorder recorder(db);
    Model Base = models.define({.name = "BaseModel", .meta = {.database = &db}});
    User = models.define({.name = "User", .fields = {CharField("username").unique()}, .extends = Base});
    Tweet = models.define({.name = "Tweet",
                           .fields = {ForeignKeyField("user", User).backref("tweets").lazy_load(lazy_load), TextField("message"),
                                      DateTimeField("created_date").default_function([this] { return clock(); }),
                                      BooleanField("is_published").default_value(true)},
                           .extends = Base});
    create_tables(db, {User, Tweet});
    Instance user1 = User.create({{"username", "user1"}});
    Instance user2 = User.create({{"username", "user2"}});
    Tweet.create({{"user", user1}, {"message", "tweet from user1"}});
    Tweet.create({{"user", user1}, {"message", "another from user1"}});
    Tweet.create({{"user", user2}, {"message", "tweet from user2"}});
    setup = recorder.statements();
  }
};

}  // namespace peewasm::test
