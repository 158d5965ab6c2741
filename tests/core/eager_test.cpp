// Eager loading beyond the seed's examples: foreign-key loads, nesting, strategies combined with
// per_parent, the links between loaded rows, and every misuse refused with what is allowed.

#include <doctest/doctest.h>

#include "peewasm/peewasm.hpp"
#include "support/oracle.hpp"
#include "support/query_count.hpp"
#include "support/seed001.hpp"

using namespace peewasm;
using namespace peewasm::test;

namespace {

std::vector<std::string> contents(const std::vector<Instance>& rows, const char* field = "content") {
  std::vector<std::string> values;
  for (const Instance& row : rows) values.push_back(row.get(field).to_string());
  return values;
}

const Instance& by_name(const std::vector<Instance>& users, const std::string& name) {
  for (const Instance& user : users) {
    if (user.get("username") == Value(name)) return user;
  }
  FAIL("no user " << name);
  return users.front();
}

}  // namespace

TEST_SUITE("loading") {
  TEST_CASE("a foreign-key Load fetches each row's related instance in one more query") {
    Seed001 s;
    Recorder recorder(s.db);
    QueryCount count(s.db);
    std::vector<std::string> lines;
    for (const Instance& tweet : s.Tweet.select().with_related({Load(s.Tweet, "user")}).execute()) {
      lines.push_back(tweet.related("user")->get("username").to_string() + " " + tweet.get("content").to_string());
      CHECK_FALSE(tweet.is_dirty());
    }
    CHECK(lines == std::vector<std::string>{"alice alice-1", "alice alice-2", "alice alice-3", "bob bob-1", "bob bob-2"});
    CHECK(count.delta() == 2);
    check_statements(recorder.statements(),
                     {{R"(SELECT "t1"."id", "t1"."user_id", "t1"."content", "t1"."timestamp" FROM "tweet" AS "t1")", {}},
                      {R"(SELECT "t1"."id", "t1"."username" FROM "user" AS "t1" WHERE ("t1"."id" IN )"
                       R"((SELECT "t2"."user_id" FROM "tweet" AS "t2")))",
                       {}}});
  }

  TEST_CASE("the foreign-key strategies restrict by the parents' foreign key column") {
    Seed001 s;
    Recorder recorder(s.db);
    std::string expected;
    std::vector<Value> params;
    ModelSelect tweets = s.Tweet.select().where(s.Tweet["content"] != "bob-1");
    SUBCASE("JOIN") {
      tweets = tweets.with_related({Load(s.Tweet, "user", {.strategy = PrefetchType::Join})});
      expected = R"(SELECT "t1"."id", "t1"."username" FROM "user" AS "t1" INNER JOIN (SELECT DISTINCT "t2"."user_id" )"
                 R"(FROM "tweet" AS "t2" WHERE ("t2"."content" != ?)) AS "t3" ON ("t3"."user_id" = "t1"."id"))";
      params = {"bob-1"};
    }
    SUBCASE("MATERIALIZE sends each distinct key once") {
      tweets = tweets.with_related({Load(s.Tweet, "user", {.strategy = PrefetchType::Materialize})});
      expected = R"(SELECT "t1"."id", "t1"."username" FROM "user" AS "t1" WHERE ("t1"."id" IN (?, ?)))";
      params = {1, 2};
    }
    std::vector<Instance> rows = tweets.execute();
    REQUIRE(recorder.statements().size() == 2);
    CHECK(recorder.statements()[1].sql == expected);
    CHECK(recorder.statements()[1].params == params);
    CHECK(rows.back().related("user")->get("username") == Value("bob"));
    CHECK(recorder.statements().size() == 2);
  }

  TEST_CASE("Loads nest: a relation query's own with_related runs under its parent load") {
    Seed001 s;
    Recorder recorder(s.db);
    QueryCount count(s.db);
    Load favorites(s.Tweet, "favorites");
    ModelSelect users = s.User.select().where(s.User["username"] != "carol");
    SUBCASE("through the relation query") {
      users = users.with_related({Load(s.User, "tweets", s.Tweet.select().with_related({favorites}))});
    }
    SUBCASE("through Load::with_related") {
      users = users.with_related({Load(s.User, "tweets").with_related({favorites})});
    }
    std::vector<Instance> rows = users.execute();
    std::vector<std::string> lines;
    for (const Instance& user : rows) {
      for (const Instance& tweet : user.prefetched("tweets")) {
        lines.push_back(tweet.get("content").to_string() + " " +
                        std::to_string(tweet.prefetched("favorites").size()));
      }
    }
    CHECK(lines == std::vector<std::string>{"alice-1 1", "alice-2 0", "alice-3 2", "bob-1 0", "bob-2 1"});
    CHECK(count.delta() == 3);
    REQUIRE(recorder.statements().size() == 3);
    CHECK(recorder.statements()[2].sql ==
          R"(SELECT "t1"."id", "t1"."user_id", "t1"."tweet_id" FROM "favorite" AS "t1" WHERE ("t1"."tweet_id" IN )"
          R"((SELECT "t2"."id" FROM "tweet" AS "t2" WHERE ("t2"."user_id" IN (SELECT "t3"."id" FROM "user" AS "t3" )"
          R"(WHERE ("t3"."username" != ?))))))");
    CHECK(recorder.statements()[2].params == std::vector<Value>{"carol"});
  }

  TEST_CASE("per_parent combines with the JOIN and MATERIALIZE strategies and ranks by key without an order") {
    Seed001 s;
    Recorder recorder(s.db);
    std::string expected;
    std::vector<Value> params;
    std::vector<std::string> alice;
    SUBCASE("JOIN inside the ranking") {
      Load load(s.User, "tweets", s.Tweet.select().order_by({s.Tweet["timestamp"].desc()}),
                {.per_parent = 1, .strategy = PrefetchType::Join});
      alice = contents(by_name(s.User.select().with_related({load}).execute(), "alice").prefetched("tweets"));
      expected = R"(WITH "_load_ranked_0" AS (SELECT "t1"."id", ROW_NUMBER() OVER (PARTITION BY "t1"."user_id" )"
                 R"(ORDER BY MAX("t1"."timestamp") DESC) AS "_rn" FROM "tweet" AS "t1" INNER JOIN (SELECT DISTINCT )"
                 R"("t2"."id" FROM "user" AS "t2") AS "t3" ON ("t3"."id" = "t1"."user_id") GROUP BY "t1"."id", )"
                 R"("t1"."user_id") SELECT "t4"."id", "t4"."user_id", "t4"."content", "t4"."timestamp" FROM )"
                 R"("tweet" AS "t4" INNER JOIN "_load_ranked_0" ON ("t4"."id" = "_load_ranked_0"."id") WHERE )"
                 R"(("_load_ranked_0"."_rn" <= ?) ORDER BY "_load_ranked_0"."_rn")";
      params = {1};
      CHECK(alice == std::vector<std::string>{"alice-3"});
    }
    SUBCASE("MATERIALIZE inside the ranking; no order_by ranks by primary key") {
      Load load(s.User, "tweets", {.per_parent = 2, .strategy = PrefetchType::Materialize});
      alice = contents(by_name(s.User.select().with_related({load}).execute(), "alice").prefetched("tweets"));
      expected = R"(WITH "_load_ranked_0" AS (SELECT "t1"."id", ROW_NUMBER() OVER (PARTITION BY "t1"."user_id" )"
                 R"(ORDER BY "t1"."id") AS "_rn" FROM "tweet" AS "t1" WHERE ("t1"."user_id" IN (?, ?, ?)) GROUP BY )"
                 R"("t1"."id", "t1"."user_id") SELECT "t2"."id", "t2"."user_id", "t2"."content", "t2"."timestamp" )"
                 R"(FROM "tweet" AS "t2" INNER JOIN "_load_ranked_0" ON ("t2"."id" = "_load_ranked_0"."id") WHERE )"
                 R"(("_load_ranked_0"."_rn" <= ?) ORDER BY "_load_ranked_0"."_rn")";
      params = {1, 2, 3, 2};
      CHECK(alice == std::vector<std::string>{"alice-1", "alice-2"});
    }
    REQUIRE(recorder.statements().size() == 2);
    CHECK(recorder.statements()[1].sql == expected);
    CHECK(recorder.statements()[1].params == params);
  }

  TEST_CASE("each Load of a query runs its own query, and a ranked one is named by its position") {
    Seed001 s;
    Recorder recorder(s.db);
    Load tweets(s.User, "tweets");
    Load favorites(s.User, "favorites", s.Favorite.select().order_by({s.Favorite["id"].desc()}), {.per_parent = 1});
    std::vector<Instance> users = s.User.select().with_related({tweets, favorites}).execute();
    REQUIRE(recorder.statements().size() == 3);
    CHECK(recorder.statements()[2].sql.starts_with(R"(WITH "_load_ranked_1" AS )"));
    CHECK(contents(by_name(users, "carol").prefetched("favorites"), "tweet_id") == std::vector<std::string>{"3"});
    CHECK(by_name(users, "carol").prefetched("tweets").empty());
  }

  TEST_CASE("load_query() is the query execute() runs for each Load, by strategy and ranking") {
    Seed001 s;
    Recorder recorder(s.db);
    Load tweets(s.User, "tweets", {.strategy = PrefetchType::Join});
    Load favorites(s.User, "favorites", s.Favorite.select().order_by({s.Favorite["id"].desc()}), {.per_parent = 1});
    Load materialized(s.User, "tweets", {.strategy = PrefetchType::Materialize});
    ModelSelect users = s.User.select().where(s.User["username"] != "bob").with_related({tweets, favorites, materialized});
    std::vector<Instance> rows = users.execute();
    REQUIRE(recorder.statements().size() == 4);
    for (std::size_t index = 0; index < 3; ++index) {
      CAPTURE(index);
      const CompiledSql compiled = load_query(users, index, rows)->sql();
      CHECK(compiled.sql == recorder.statements()[index + 1].sql);
      CHECK(compiled.params == recorder.statements()[index + 1].params);
    }
    CHECK_FALSE(load_query(users, 2, {}).has_value());
    CHECK_THROWS_WITH_AS(load_query(users, 3, rows), doctest::Contains("has 3 Load(s) from with_related(), no Load #3"),
                         InterfaceError);
  }

  TEST_CASE("MATERIALIZE with no parent rows sends no query") {
    Seed001 s;
    QueryCount count(s.db);
    auto none = s.User.select()
                    .where(s.User["username"] == "nobody")
                    .with_related({Load(s.User, "tweets", {.strategy = PrefetchType::Materialize})})
                    .execute();
    CHECK(none.empty());
    CHECK(count.delta() == 1);
  }

  TEST_CASE("a loaded backref row knows its parent without a query, for as long as the parent lives") {
    Seed001 s;
    std::vector<Instance> users = s.User.select().with_related({Load(s.User, "tweets")}).execute();
    Instance tweet = by_name(users, "bob").prefetched("tweets").front();
    QueryCount count(s.db);
    CHECK(tweet.has_related("user"));
    Instance bob = by_name(users, "bob");
    bob.set("username", "robert");
    CHECK(tweet.related("user")->get("username") == Value("robert"));  // the same instance
    CHECK(count.delta() == 0);
    users.clear();  // the parents go; the tweet does not keep them alive
    bob = Instance();
    CHECK_FALSE(tweet.has_related("user"));
    CHECK(tweet.related("user")->get("username") == Value("bob"));
    CHECK(count.delta() == 1);
  }

  TEST_CASE("prefetch() follows a foreign key from the listed query as well as a backref") {
    Seed001 s;
    Recorder recorder(s.db);
    std::vector<Instance> favorites = prefetch(s.Favorite.select(), {s.User.select()});
    QueryCount count(s.db);
    CHECK(contents(favorites, "user_id") == std::vector<std::string>{"1", "2", "3", "3"});
    CHECK(favorites.back().related("user")->get("username") == Value("carol"));
    CHECK(count.delta() == 0);
    REQUIRE(recorder.statements().size() == 2);
    CHECK(recorder.statements()[0].sql ==
          R"(SELECT "t1"."id", "t1"."username" FROM "user" AS "t1" WHERE ("t1"."id" IN (SELECT "t2"."user_id" )"
          R"(FROM "favorite" AS "t2")))");
  }

  TEST_CASE("prefetched rows are read by backref name, and asking for what was not loaded says how to load it") {
    Seed001 s;
    Instance alice = s.User.select().where(s.User["username"] == "alice").with_related({Load(s.User, "tweets")}).get();
    CHECK(alice.has_prefetched("tweets"));
    CHECK_FALSE(alice.has_prefetched("favorites"));
    CHECK(alice.prefetched("tweets").size() == 3);
    CHECK_THROWS_WITH_AS(alice.prefetched("favorites"),
                         "nothing was prefetched for User.favorites on this instance; add Load(User, \"favorites\") to "
                         "the query's with_related(), or prefetch() it",
                         ImproperlyConfigured);
    CHECK_THROWS_WITH_AS(alice.prefetched("tweet"), "User has no backref 'tweet'; its backrefs are: tweets, favorites",
                         ImproperlyConfigured);
  }

  TEST_CASE("a Load that cannot apply is refused, saying what is allowed") {
    Seed001 s;
    SUBCASE("a name that is neither a foreign key nor a backref") {
      CHECK_THROWS_WITH_AS(Load(s.User, "tweet"),
                           "Load(User, \"tweet\"): User has no foreign key or backref named 'tweet'; its foreign keys "
                           "are: (none); its backrefs are: tweets, favorites",
                           ImproperlyConfigured);
    }
    SUBCASE("a relation query of another model") {
      CHECK_THROWS_WITH_AS(Load(s.User, "tweets", s.Favorite.select()),
                           "Load(User, \"tweets\"): the relation query selects Favorite rows, but User.tweets holds "
                           "Tweet rows; pass a Tweet query",
                           ImproperlyConfigured);
    }
    SUBCASE("per_parent 0 or negative") {
      for (std::int64_t n : {0, -2}) {
        std::string message = "Load(User, \"tweets\"): per_parent must be a whole number of at least 1 (it keeps the "
                              "first n Tweet rows of each User), not " + std::to_string(n);
        CHECK_THROWS_WITH_AS(Load(s.User, "tweets", {.per_parent = n}), message.c_str(), ImproperlyConfigured);
      }
    }
    SUBCASE("per_parent on a foreign key") {
      CHECK_THROWS_WITH_AS(Load(s.Tweet, "user", {.per_parent = 1}),
                           "Load(Tweet, \"user\"): per_parent applies to backrefs (one-to-many) only; Tweet.user loads "
                           "one User per Tweet, so leave per_parent out",
                           ImproperlyConfigured);
    }
    SUBCASE("a load that starts from another model than the query's") {
      CHECK_THROWS_WITH_AS(s.User.select().with_related({Load(s.Tweet, "user")}),
                           "User.select().with_related(Load(Tweet, \"user\")): the load starts from Tweet, but the "
                           "query returns User rows",
                           ImproperlyConfigured);
    }
  }

  TEST_CASE("prefetch() refuses subqueries it cannot relate, before any query runs") {
    Seed001 s;
    s.add_activity_log();
    s.add_relationships();
    QueryCount count(s.db);
    SUBCASE("no foreign key to or from the listed models") {
      CHECK_THROWS_WITH_AS(prefetch(s.User.select(), {s.ActivityLog.select()}),
                           "prefetch(): ActivityLog has no foreign key to or from the models listed before it (User); "
                           "list a query of the model it relates to first",
                           ImproperlyConfigured);
    }
    SUBCASE("a (query, Model) target that is not listed") {
      CHECK_THROWS_WITH_AS(prefetch(s.User.select(), {{s.Favorite.select(), s.Tweet}}),
                           "prefetch(): (Favorite query, Tweet): no query of Tweet listed before it is linked to "
                           "Favorite by a foreign key",
                           ImproperlyConfigured);
    }
    SUBCASE("two foreign keys between the same models") {
      CHECK_THROWS_WITH_AS(prefetch(s.User.select(), {s.Relationship.select()}),
                           "prefetch(): Relationship and User are linked by more than one foreign key "
                           "(Relationship.from_user, Relationship.to_user), so prefetch() cannot tell which to follow; "
                           "use with_related() with a Load() naming one",
                           ImproperlyConfigured);
    }
    CHECK(count.delta() == 0);
  }
}
