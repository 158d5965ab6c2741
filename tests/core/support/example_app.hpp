#pragma once
// Seed 004 (the example Twitter clone): User, Relationship, Message with four users, who follows
// whom and 25 messages, built as the oracle's setup_source builds it, on an in-memory database
// and the oracle's clock. The app's User methods (following, followers, is_following) are
// member functions taking the user.

#include <array>
#include <string>
#include <utility>
#include <vector>

#include "peewasm/peewasm.hpp"
#include "support/oracle.hpp"

namespace peewasm::test {

struct ExampleApp {
  Database db;
  Recorder setup{db};  // every statement since the database opened: the setup, then the rest
  ModelRegistry models;
  FixedClock clock;
  Model Base, User, Relationship, Message;
  Instance huey, mickey, zaizee, charlie;

  ExampleApp() {
    Base = models.define({.name = "BaseModel", .meta = {.database = &db}});
    User = models.define({.name = "User",
                          .fields = {CharField("username"), CharField("password"), CharField("email"), DateTimeField("join_date")},
                          .extends = Base});
    Relationship = models.define({.name = "Relationship",
                                  .fields = {ForeignKeyField("from_user", User).backref("relationships"),
                                             ForeignKeyField("to_user", User).backref("related_to")},
                                  .extends = Base});
    Message = models.define({.name = "Message",
                             .fields = {ForeignKeyField("user", User), TextField("content"), DateTimeField("pub_date")},
                             .extends = Base});
    User.create_table();
    Relationship.create_table();
    Message.create_table();

    // md5(name) as the app stores passwords; the hashes are the oracle's.
    const std::array<std::pair<const char*, const char*>, 4> users = {{{"huey", "ef63073058e004fb5e7f2b1f081c416f"},
                                                                        {"mickey", "4d5257e5acc7fcac2f5dcd66c4e78f9a"},
                                                                        {"zaizee", "7670f7740a587d5eaa3f56196c3b36ed"},
                                                                        {"charlie", "bf779e0933a882808585d19455cd7937"}}};
    std::vector<Instance> created;
    for (const auto& [name, password] : users) {
      std::string email = name;
      email[0] = static_cast<char>(email[0] - 'a' + 'A');
      created.push_back(User.create({{"username", name}, {"password", password}, {"email", email + "@example.com"}, {"join_date", clock()}}));
    }
    huey = created[0], mickey = created[1], zaizee = created[2], charlie = created[3];
    for (auto [a, b] : std::vector<std::pair<Instance, Instance>>{{huey, mickey}, {huey, zaizee}, {mickey, huey}, {zaizee, huey}, {charlie, huey}}) {
      Relationship.create({{"from_user", a}, {"to_user", b}});
    }
    for (int i = 0; i < 25; ++i) {
      Message.create({{"user", created[i % 4]}, {"content", "message " + std::to_string(i)}, {"pub_date", clock()}});
    }
  }

  // User.following(): the users `user` follows.
  ModelSelect following(const Instance& user) const {
    return User.select().join(Relationship, JoinType::Inner, Relationship["to_user"]).where(Relationship["from_user"] == user.pk()).order_by({User["username"]});
  }
  // User.followers(): the users following `user`.
  ModelSelect followers(const Instance& user) const {
    return User.select().join(Relationship, JoinType::Inner, Relationship["from_user"]).where(Relationship["to_user"] == user.pk()).order_by({User["username"]});
  }
  bool is_following(const Instance& user, const Instance& other) const {
    return Relationship.select().where((Relationship["from_user"] == user.pk()) && (Relationship["to_user"] == other.pk())).count() > 0;
  }
};

}  // namespace peewasm::test
