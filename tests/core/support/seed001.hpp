#pragma once
// Seed 001 ("Relationships and Joins", Peewee 4.3 docs): User, Tweet, Favorite with the data
// alice/bob/carol, built as the oracle's setup_source builds it (statement for statement), on
// an in-memory database and the oracle's clock. Extras add the later sections' models.

#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "peewasm/peewasm.hpp"
#include "support/oracle.hpp"
#include "support/seed000.hpp"

namespace peewasm::test {

struct Seed001 {
  Database db;
  Recorder setup{db};  // every statement since the database opened: the setup, then the rest
  ModelRegistry models;
  FixedClock clock;
  Model Base, User, Tweet, Favorite;
  Model Relationship, ActivityLog;  // set by add_relationships() / add_activity_log()

  // lazy_load = false is setup "s001.lazy_load_false" (Tweet.user never queries).
  explicit Seed001(bool lazy_load = true) {
    Base = models.define({.name = "BaseModel", .meta = {.database = &db}});
    User = models.define({.name = "User", .fields = {TextField("username")}, .extends = Base});
    Tweet = models.define({.name = "Tweet",
                           .fields = {ForeignKeyField("user", User).backref("tweets").lazy_load(lazy_load), TextField("content"),
                                      DateTimeField("timestamp").default_function([this] { return clock(); })},
                           .extends = Base});
    Favorite = models.define({.name = "Favorite",
                              .fields = {ForeignKeyField("user", User).backref("favorites"),
                                         ForeignKeyField("tweet", Tweet).backref("favorites")},
                              .extends = Base});
    create_test_data();
  }

  Instance user(const std::string& username) const { return User.get(User["username"] == username); }

  // Setup "s001.relationship": alice follows bob and carol; bob follows alice; carol follows bob.
  void add_relationships() {
    Relationship = models.define({.name = "Relationship",
                                  .fields = {ForeignKeyField("from_user", User).backref("following"),
                                             ForeignKeyField("to_user", User).backref("followers")},
                                  .meta = {.indexes = std::vector<IndexSpec>{{{"from_user", "to_user"}, true}}},
                                  .extends = Base});
    create_tables(db, {Relationship});
    std::vector<Instance> users = User.select().execute();  // alice, bob, carol: ids 1, 2, 3
    for (auto [a, b] : std::vector<std::pair<int, int>>{{0, 1}, {0, 2}, {1, 0}, {2, 1}}) {
      Relationship.create({{"from_user", users.at(a)}, {"to_user", users.at(b)}});
    }
  }

  // Setup "s001.activitylog": object_id holds a user id, with no foreign key.
  void add_activity_log() {
    ActivityLog = models.define({.name = "ActivityLog",
                                 .fields = {IntegerField("object_id"), TextField("activity_type"), TextField("description")},
                                 .extends = Base});
    create_tables(db, {ActivityLog});
    std::vector<Instance> users = User.select().execute();  // alice, bob, carol
    const std::vector<std::tuple<int, std::string, std::string>> rows = {
        {0, "login", "logged in from the web"}, {1, "login", "logged in from the app"}, {0, "tweet", "posted alice-1"},
        {0, "login", "logged in from the app"}, {2, "favorite", "favorited alice-1"}};
    for (const auto& [user, kind, text] : rows) {
      ActivityLog.create({{"object_id", users.at(user).get("id")}, {"activity_type", kind}, {"description", text}});
    }
  }

 private:
  void create_test_data() {
    create_tables(db, {User, Tweet, Favorite});
    std::vector<Instance> users;
    for (const char* name : {"alice", "bob", "carol"}) users.push_back(User.create({{"username", name}}));
    const std::vector<std::pair<int, std::vector<std::string>>> tweet_data = {
        {0, {"alice-1", "alice-2", "alice-3"}}, {1, {"bob-1", "bob-2"}}};
    std::vector<std::pair<std::string, Instance>> tweets;
    for (const auto& [user, contents] : tweet_data) {
      for (const auto& content : contents) tweets.emplace_back(content, Tweet.create({{"user", users[user]}, {"content", content}}));
    }
    auto tweet = [&](const std::string& content) {
      for (const auto& [c, t] : tweets) {
        if (c == content) return t;
      }
      FAIL("no tweet " << content);
      return Instance();
    };
    const std::vector<std::pair<int, std::vector<std::string>>> favorites = {
        {0, {"bob-2"}}, {1, {"alice-3"}}, {2, {"alice-1", "alice-3"}}};
    for (const auto& [user, contents] : favorites) {
      for (const auto& content : contents) Favorite.create({{"user", users[user]}, {"tweet", tweet(content)}});
    }
  }
};

// Setup "s001.category": a two-level tree, names in a TextField.
struct Seed001Categories : CategoryTree {
  Seed001Categories()
      : CategoryTree(TextField("name"), {{"Electronics", 0}, {"Books", 0}, {"Laptops", 1}, {"Phones", 1}, {"Fiction", 2}}) {}
};

}  // namespace peewasm::test
