// CRUD through models and instances, byte for byte against the oracle where Peewee ran it.

#include <doctest/doctest.h>

#include "peewasm/peewasm.hpp"
#include "support/oracle.hpp"
#include "support/query_count.hpp"
#include "support/seed003.hpp"

using namespace peewasm;
using peewasm::test::check_oracle;
using peewasm::test::FixedClock;
using peewasm::test::Recorder;

using peewasm::test::Blog;

TEST_SUITE("query") {
  TEST_CASE("a foreign key loads lazily, one query per access, and _id never queries") {
    Blog blog;
    SUBCASE("N+1") {
      Recorder recorder(blog.db);
      QueryCount count(blog.db);
      std::vector<std::string> lines;
      for (const Instance& tweet : blog.Tweet.select().order_by({blog.Tweet["created_date"].desc()}).execute()) {
        lines.push_back(tweet.related("user")->get("username").to_string() + " " + tweet.get("message").to_string());
      }
      CHECK(count.delta() == 4);
      CHECK(lines == peewasm::test::oracle_output("mf003.fk.nplus1"));
      check_oracle(recorder, "mf003.fk.nplus1");
    }
    SUBCASE("a join loads the user with the tweet") {
      Recorder recorder(blog.db);
      std::vector<std::string> lines;
      auto query = blog.Tweet.select({blog.Tweet, blog.User}).join(blog.User).order_by({blog.Tweet["created_date"].desc()});
      for (const Instance& tweet : query.execute()) {
        lines.push_back(tweet.related("user")->get("username").to_string() + " " + tweet.get("message").to_string());
      }
      CHECK(lines == peewasm::test::oracle_output("mf003.fk.select_join"));
      check_oracle(recorder, "mf003.fk.select_join");
    }
    SUBCASE("user_id") {
      Recorder recorder(blog.db);
      std::vector<std::string> lines;
      for (const Instance& tweet : blog.Tweet.select().execute()) {
        lines.push_back(tweet.get("user_id").to_string() + " " + tweet.get("message").to_string());
      }
      CHECK(lines == peewasm::test::oracle_output("mf003.fk.id_accessor"));
      check_oracle(recorder, "mf003.fk.id_accessor");
    }
  }

  TEST_CASE("get and has by Field read the slot; a same-named field of another model goes by name") {
    Blog blog;
    const Instance tweet = blog.Tweet.select().execute().front();
    const Field& message = blog.Tweet.meta().field("message");
    CHECK(tweet.has(message));
    CHECK(&tweet.get(message) == &tweet.get("message"));
    const Field& id = blog.User.meta().field("id");
    CHECK(tweet.has(id));
    CHECK(tweet.get(id) == tweet.get("id"));
    const Instance user = Instance::blank(blog.User.meta());
    CHECK_FALSE(user.has(blog.User.meta().field("username")));
  }

  TEST_CASE("lazy_load(false) never queries and says how to read the id") {
    Blog blog(false);
    QueryCount count(blog.db);
    auto tweets = blog.Tweet.select().execute();
    CHECK(tweets.front().get("user") == Value(1));
    CHECK_THROWS_WITH_AS(tweets.front().related("user"),
                         "Tweet.user has lazy_load(false): read get(\"user_id\") for the id, or join User in the query",
                         ImproperlyConfigured);
    auto joined = blog.Tweet.select({blog.Tweet, blog.User}).join(blog.User).execute();
    CHECK(joined.front().related("user")->get("username") == Value("user1"));
    CHECK(count.delta() == 2);
  }

  TEST_CASE("defaults: values and callables") {
    Database db;
    ModelRegistry models;
    FixedClock clock;
    SUBCASE("a value default") {
      Model Message = models.define({.name = "Message", .fields = {TextField("context"), IntegerField("read_count").default_value(0)},
                                     .meta = {.database = &db}});
      Recorder recorder(db);
      create_tables(db, {Message});
      Instance m = Message.create({{"context", "hello"}});
      CHECK(m.get("read_count") == Value(0));
      CHECK(Message.get_by_id(m.get("id")).get("read_count") == Value(0));
      check_oracle(recorder, "mf003.defaults.read_count");
    }
    SUBCASE("a callable default runs once per instance") {
      Model Message = models.define({.name = "Message",
                                     .fields = {TextField("context"), DateTimeField("timestamp").default_function([&] { return clock(); })},
                                     .meta = {.database = &db}});
      Recorder recorder(db);
      create_tables(db, {Message});
      Message.create({{"context", "a"}});
      Message.create({{"context", "b"}});
      std::vector<std::string> lines;
      for (const Instance& m : Message.select().execute()) lines.push_back(m.get("context").to_string() + " " + m.get("timestamp").to_string());
      CHECK(lines == peewasm::test::oracle_output("mf003.defaults.callable_now"));
      check_oracle(recorder, "mf003.defaults.callable_now");
    }
  }

  TEST_CASE("explicit ids: auto_increment off, insert_many, an integer primary key") {
    Database db;
    ModelRegistry models;
    Model User = models.define({.name = "User", .fields = {CharField("username")}, .meta = {.database = &db}});
    create_tables(db, {User});
    SUBCASE("auto_increment off") {
      Recorder recorder(db);
      User.set_auto_increment(false);
      db.atomic([&] {
        for (auto [id, name] : std::vector<std::pair<int, std::string>>{{10, "huey"}, {20, "mickey"}, {30, "zaizee"}}) {
          User.new_instance({{"id", id}, {"username", name}}).save(true);
        }
      });
      User.set_auto_increment(true);
      CHECK(User.select().tuples().size() == 3);
      check_oracle(recorder, "mf003.pk.auto_increment_off");
    }
    SUBCASE("insert_many") {
      Recorder recorder(db);
      db.atomic([&] {
        User.insert_many({{10, "huey"}, {20, "mickey"}, {30, "zaizee"}}, {"id", "username"}).execute();
      });
      auto rows = User.select().tuples();
      CHECK(rows == std::vector<std::vector<Value>>{{10, "huey"}, {20, "mickey"}, {30, "zaizee"}});
      check_oracle(recorder, "mf003.pk.insert_many");
    }
  }

  TEST_CASE("insert_many with field values fills defaults and refuses rows of another shape") {
    Blog blog;
    Recorder recorder(blog.db);
    blog.Tweet.insert_many(std::vector<FieldValues>{{{"user", 1}, {"message", "a"}}, {{"user", 2}, {"message", "b"}}}).execute();
    CHECK(recorder.statements().at(0).sql ==
          R"(INSERT INTO "tweet" ("user_id", "message", "created_date", "is_published") VALUES (?, ?, ?, ?), (?, ?, ?, ?))");
    CHECK_THROWS_WITH_AS(blog.Tweet.insert_many(std::vector<FieldValues>{{{"user", 1}}, {{"user", 1}, {"message", "x"}}}),
                         "Tweet.insert_many: a row sets \"message\", which the first row does not; give every row the same fields",
                         DataError);
    CHECK_THROWS_WITH_AS(blog.Tweet.insert_many(std::vector<FieldValues>{{{"user", 1}, {"message", "x"}}, {{"user", 1}}}),
                         "Tweet.insert_many: a row has no value for \"message\"; give every row the same fields", DataError);
    CHECK(blog.Tweet.select().count() == 5);
  }

  TEST_CASE("get raises DoesNotExist naming the model, the SQL and the params") {
    Blog blog;
    CHECK_THROWS_WITH_AS(blog.User.get(blog.User["username"] == "nobody"),
                         "<Model: User> instance matching query does not exist:\n"
                         "SQL: SELECT \"t1\".\"id\", \"t1\".\"username\" FROM \"user\" AS \"t1\" WHERE (\"t1\".\"username\" = ?) LIMIT ? OFFSET ?\n"
                         "Params: ['nobody', 1, 0]",
                         DoesNotExist);
    CHECK_FALSE(blog.User.get_or_none(blog.User["username"] == "nobody").has_value());
    CHECK(blog.User.get_or_none(blog.User["username"] == "user1")->get("id") == Value(1));
  }

  TEST_CASE("get_or_create gets, or creates inside a transaction") {
    Blog blog;
    QueryCount count(blog.db);
    auto [created, was_created] = blog.User.get_or_create({{"username", "user3"}});
    CHECK(was_created);
    CHECK(count.delta() == 4);  // SELECT, BEGIN, INSERT, COMMIT
    auto [found, found_created] = blog.User.get_or_create({{"username", "user3"}});
    CHECK_FALSE(found_created);
    CHECK(found.get("id") == created.get("id"));
  }

  TEST_CASE("get_or_create makes its defaults only when it creates") {
    Blog blog;
    int made = 0;
    auto defaults = [&] {
      ++made;
      return FieldValues{};
    };
    CHECK(blog.User.get_or_create({{"username", "user3"}}, defaults).second);
    CHECK(made == 1);
    CHECK_FALSE(blog.User.get_or_create({{"username", "user3"}}, defaults).second);
    CHECK(made == 1);
  }

  TEST_CASE("update and delete queries return the rows they changed") {
    Blog blog;
    Recorder recorder(blog.db);
    CHECK(blog.Tweet.update({{"is_published", false}}).where(blog.Tweet["user"] == 1).execute() == 2);
    CHECK(blog.Tweet.delete_().where(blog.Tweet["is_published"] == false).execute() == 2);
    CHECK(blog.Tweet.select().count() == 1);
    CHECK(recorder.statements()[0].sql == R"(UPDATE "tweet" SET "is_published" = ? WHERE ("tweet"."user_id" = ?))");
    CHECK(recorder.statements()[1].sql == R"(DELETE FROM "tweet" WHERE ("tweet"."is_published" = ?))");
  }

  TEST_CASE("delete_instance removes the row; only_save_dirty saves only what changed") {
    Database db;
    ModelRegistry models;
    Model Note = models.define({.name = "Note", .fields = {TextField("title"), TextField("body")},
                                .meta = {.database = &db, .only_save_dirty = true}});
    create_tables(db, {Note});
    Instance note = Note.create({{"title", "t"}, {"body", "b"}});
    note.set("body", "b2");
    Recorder recorder(db);
    note.save();
    CHECK(recorder.statements().at(0).sql == R"(UPDATE "note" SET "body" = ? WHERE ("note"."id" = ?))");
    CHECK(note.save() == 0);  // nothing dirty, nothing sent
    CHECK(recorder.statements().size() == 1);
    CHECK(note.delete_instance() == 1);
    CHECK(Note.select().count() == 0);
  }

  TEST_CASE("misuse is refused with the model, the field and the fix") {
    Blog blog;
    CHECK_THROWS_WITH_AS(blog.Tweet["usr"], "Tweet has no field 'usr'; its fields are: id, user, message, created_date, is_published",
                         ImproperlyConfigured);
    CHECK_THROWS_WITH_AS(blog.Tweet.create({{"user", 1}, {"messag", "x"}}),
                         "Tweet has no field 'messag'; its fields are: id, user, message, created_date, is_published",
                         ImproperlyConfigured);
    Instance user = blog.User.get_by_id(1);
    CHECK_THROWS_WITH_AS(blog.Tweet.create({{"user", 1}, {"message", user}}),
                         "TextField Tweet.message is not a foreign key: assign a value, not a model instance", DataError);
    // A missing required value is SQLite's NOT NULL constraint, and nothing is written.
    CHECK_THROWS_WITH_AS(blog.Tweet.create({{"user", 1}}), "NOT NULL constraint failed: tweet.message", IntegrityError);
    CHECK_THROWS_WITH_AS(blog.User.create({{"username", "user1"}}), "UNIQUE constraint failed: user.username", IntegrityError);
    CHECK(blog.Tweet.select().count() == 3);
    CHECK(blog.User.select().count() == 2);
  }
}

TEST_CASE("backrefs are found by name on the referenced model; an unknown one lists those there are") {
  Blog blog;
  CHECK(&blog.User.meta().backref("tweets") == &blog.Tweet.meta().field("user"));
  CHECK(blog.User.meta().find_backref("tweet_set") == nullptr);
  CHECK_THROWS_WITH_AS(blog.User.meta().backref("posts"), "User has no backref 'posts'; its backrefs are: tweets",
                       ImproperlyConfigured);
}
