#pragma once
// Seed 000 ("Relationships and Joins", first version): User, Tweet, Favorite with the data
// huey/mickey/zaizee, built as the oracle's setup_source builds it (statement for statement),
// on an in-memory database and the oracle's clock. The extras (relationships, activity log)
// add what the later sections add; the category tree is its own fixture.

#include <string>
#include <utility>
#include <vector>

#include "peewasm/peewasm.hpp"
#include "support/oracle.hpp"

namespace peewasm::test {

struct Seed000 {
  Database db;
  Recorder setup{db};  // every statement since the database opened: the setup, then the rest
  ModelRegistry models;
  FixedClock clock;
  Model Base, User, Tweet, Favorite;
  Model Relationship, ActivityLog;  // set by add_relationships() / add_activity_log()

  Seed000() {
    Base = models.define({.name = "BaseModel", .meta = {.database = &db}});
    User = models.define({.name = "User", .fields = {TextField("username")}, .extends = Base});
    Tweet = models.define({.name = "Tweet",
                           .fields = {TextField("content"), DateTimeField("timestamp").default_function([this] { return clock(); }),
                                      ForeignKeyField("user", User).backref("tweets")},
                           .extends = Base});
    Favorite = models.define({.name = "Favorite",
                              .fields = {ForeignKeyField("user", User).backref("favorites"),
                                         ForeignKeyField("tweet", Tweet).backref("favorites")},
                              .extends = Base});
    populate_test_data();
  }

  // Setup "s000.relationship": charlie, and who follows whom.
  void add_relationships() {
    Relationship = models.define({.name = "Relationship",
                                  .fields = {ForeignKeyField("from_user", User).backref("relationships"),
                                             ForeignKeyField("to_user", User).backref("related_to")},
                                  .meta = {.indexes = std::vector<IndexSpec>{{{"from_user", "to_user"}, true}}},
                                  .extends = Base});
    create_tables(db, {Relationship});
    User.create({{"username", "charlie"}});
    std::vector<Instance> users = User.select().execute();
    auto by_name = [&](const std::string& name) {
      for (const Instance& u : users) {
        if (u.get("username") == Value(name)) return u;
      }
      FAIL("no user " << name);
      return Instance();
    };
    for (auto [a, b] : std::vector<std::pair<std::string, std::string>>{
             {"charlie", "huey"}, {"charlie", "mickey"}, {"huey", "charlie"}, {"zaizee", "charlie"}, {"mickey", "huey"}}) {
      Relationship.create({{"from_user", by_name(a)}, {"to_user", by_name(b)}});
    }
  }

  // Setup "s000.activitylog": rows keyed by a user id with no foreign key.
  void add_activity_log() {
    ActivityLog = models.define({.name = "ActivityLog",
                                 .fields = {IntegerField("object_id"), TextField("activity_type"), TextField("description")},
                                 .extends = Base});
    create_tables(db, {ActivityLog});
    Instance charlie = User.create({{"username", "charlie"}});
    Instance huey = User.get(User["username"] == "huey");
    const std::vector<std::tuple<Instance, std::string, std::string>> rows = {
        {charlie, "user_activity", "logged in"},  {huey, "user_activity", "logged in"},
        {charlie, "user_activity", "posted a tweet"}, {charlie, "system", "password reset"},
        {charlie, "user_activity", "retweeted"},  {charlie, "user_activity", "posted a tweet"},
        {huey, "user_activity", "logged out"},    {charlie, "user_activity", "logged out"}};
    for (const auto& [user, kind, text] : rows) {
      ActivityLog.create({{"object_id", user.get("id")}, {"activity_type", kind}, {"description", text}});
    }
  }

 private:
  void populate_test_data() {
    create_tables(db, {User, Tweet, Favorite});
    const std::vector<std::pair<std::string, std::vector<std::string>>> data = {
        {"huey", {"meow", "hiss", "purr"}}, {"mickey", {"woof", "whine"}}, {"zaizee", {}}};
    for (const auto& [username, tweets] : data) {
      Instance user = User.create({{"username", username}});
      for (const auto& content : tweets) Tweet.create({{"user", user}, {"content", content}});
    }
    const std::vector<std::pair<std::string, std::vector<std::string>>> favorites = {
        {"huey", {"whine"}}, {"mickey", {"purr"}}, {"zaizee", {"meow", "purr"}}};
    for (const auto& [username, contents] : favorites) {
      Instance user = User.get(User["username"] == username);
      for (const auto& content : contents) {
        Instance tweet = Tweet.get(Tweet["content"] == content);
        Favorite.create({{"user", user}, {"tweet", tweet}});
      }
    }
  }
};

// Setup "s000.category" (and "s001.category" with a TextField name and no Ultrabooks):
// a self-referencing category tree.
struct CategoryTree {
  Database db;
  Recorder setup{db};  // every statement since the database opened
  ModelRegistry models;
  Model Category;

  struct Row {
    std::string name;
    int parent;  // id of the parent row, 0 for none
  };

  CategoryTree(Field name_field, const std::vector<Row>& rows) {
    Model base = models.define({.name = "BaseModel", .meta = {.database = &db}});
    Category = models.define({.name = "Category",
                              .fields = {std::move(name_field), ForeignKeyField("parent", "self").null().backref("children")},
                              .extends = base});
    create_tables(db, {Category});
    for (const Row& row : rows) {
      if (row.parent) Category.create({{"name", row.name}, {"parent", row.parent}});
      else Category.create({{"name", row.name}});
    }
  }
};

struct Seed000Categories : CategoryTree {
  Seed000Categories()
      : CategoryTree(CharField("name"), {{"Electronics", 0}, {"Books", 0}, {"Laptops", 1}, {"Phones", 1}, {"Fiction", 2}, {"Ultrabooks", 3}}) {}
};

}  // namespace peewasm::test
