// Result shapes: the model graph, dicts(), tuples() and objects() of joined queries, as Peewee
// builds them: which key a joined model's field gets, what wins on a name conflict, attr=
// placement, a model joined twice, aggregate aliases as attributes, outer joins that match
// nothing, and errors that name what is unknown.

#include <doctest/doctest.h>

#include "peewasm/peewasm.hpp"
#include "support/query_count.hpp"
#include "support/seed001.hpp"

using namespace peewasm;
using peewasm::test::Seed001;

TEST_SUITE("result") {
  TEST_CASE("dicts(): a field's name is its key; a name selected twice keeps its place and takes the later value") {
    Seed001 s;
    auto rows = s.Favorite.select({s.Favorite, s.User}).join(s.User).order_by({s.Favorite["id"]}).dicts();
    REQUIRE(rows.size() == 4);
    // Favorite.id, Favorite.user (its id, under the field name), Favorite.tweet, then User.id
    // overwrites "id" and User.username is added.
    CHECK(rows.front() == DictRow{{"id", Value(1)}, {"user", Value(1)}, {"tweet", Value(5)}, {"username", Value("alice")}});
    CHECK(rows.back() == DictRow{{"id", Value(3)}, {"user", Value(3)}, {"tweet", Value(3)}, {"username", Value("carol")}});
  }

  TEST_CASE("dicts() and tuples() convert through the selected field; expressions keep their alias or SQL") {
    Seed001 s;
    auto query = s.Tweet.select({s.Tweet["timestamp"], fn("COUNT", s.Tweet["id"]).alias("n"), fn("MAX", s.Tweet["id"])})
                     .group_by({s.Tweet["user"]})
                     .order_by({s.Tweet["user"]});
    auto dicts = query.dicts();
    REQUIRE(dicts.size() == 2);
    CHECK(dicts[0][1] == std::pair<std::string, Value>{"n", Value(3)});
    CHECK(dicts[0][2].first == R"(MAX("t1"."id"))");
    auto tuples = query.tuples();
    // The bare timestamp comes from the MAX(id) row (SQLite's rule for one min/max aggregate).
    CHECK(tuples[1] == std::vector<Value>{Value("2024-01-01 00:04:00"), Value(2), Value(5)});
  }

  TEST_CASE("objects(): every column lands on the query's model; a joined field named like one of its own overwrites it") {
    Seed001 s;
    auto rows = s.Tweet.select({s.Tweet["id"], s.Tweet["content"], s.User["id"], s.User["username"]}).join(s.User).order_by({s.Tweet["id"]}).objects();
    REQUIRE(rows.size() == 5);
    const Instance& last = rows.back();
    CHECK(last.meta().name() == "Tweet");
    CHECK(last.get("content") == Value("bob-2"));
    CHECK(last.get("username") == Value("bob"));
    CHECK(last.get("id") == Value(2));  // User.id came later and won, as in Peewee
    CHECK_FALSE(last.has_related("user"));
  }

  TEST_CASE("the model graph: attr= places the joined instance, the default is the foreign key's name") {
    Seed001 s;
    QueryCount count(s.db);
    auto default_attr = s.Tweet.select({s.Tweet, s.User}).join(s.User).execute();
    auto named = s.Tweet.select({s.Tweet, s.User}).join(s.User, JoinType::Inner, Expr(), "author").execute();
    CHECK(default_attr.front().related("user")->get("username") == Value("alice"));
    CHECK(named.front().related("author")->get("username") == Value("alice"));
    CHECK(count.delta() == 2);
    // Under attr= the foreign key itself is still the id: reading it loads lazily.
    CHECK(named.front().related("user")->get("username") == Value("alice"));
    CHECK(count.delta() == 3);
  }

  TEST_CASE("the model graph: a backref join attaches under the model's name; the same model twice through an alias") {
    Seed001 s;
    QueryCount count(s.db);
    Model Author = s.User.alias();
    auto query = s.User.select({s.User, s.Favorite, s.Tweet, Author})
                     .join(s.Favorite)
                     .join(s.Tweet)
                     .join(Author, JoinType::Inner, s.Tweet["user"] == Author["id"], "author")
                     .where(s.User["username"] == "carol")
                     .order_by({s.Favorite["id"]});
    std::vector<std::string> lines;
    for (const Instance& carol : query.execute()) {
      Instance favorite = *carol.related("favorite");
      Instance tweet = *favorite.related("tweet");
      lines.push_back(carol.get("username").to_string() + " " + tweet.get("content").to_string() + " " +
                      tweet.related("author")->get("username").to_string());
    }
    CHECK(lines == std::vector<std::string>{"carol alice-1 alice", "carol alice-3 alice"});
    CHECK(count.delta() == 1);
  }

  TEST_CASE("the model graph: an aggregate alias is readable as an attribute; an outer join that matched nothing attaches nothing") {
    Seed001 s;
    QueryCount count(s.db);
    auto query = s.User.select({s.User, s.Tweet})
                     .join(s.Tweet, JoinType::LeftOuter)
                     .where(s.User["username"] == "carol");
    std::vector<Instance> rows = query.execute();
    REQUIRE(rows.size() == 1);
    CHECK_FALSE(rows[0].has_related("tweet"));
    auto counted = s.User.select({s.User["username"], fn("COUNT", s.Tweet["id"]).alias("tweet_count")})
                       .join(s.Tweet, JoinType::LeftOuter)
                       .group_by({s.User["id"]})
                       .order_by({s.User["id"]})
                       .execute();
    CHECK(counted[2].get("tweet_count") == Value(0));
    CHECK(count.delta() == 2);
  }

  TEST_CASE("unknown names fail naming the model, the name and what there is") {
    Seed001 s;
    Instance tweet = s.Tweet.select({s.Tweet["content"]}).execute().front();
    CHECK_THROWS_WITH_AS(tweet.get("nope"),
                         "Tweet instance has no field or selected column 'nope'; select it (with .alias(\"nope\") for an expression)",
                         ImproperlyConfigured);
    CHECK_THROWS_WITH_AS(tweet.related("author"), "Tweet has no field 'author'; its fields are: id, user, content, timestamp",
                         ImproperlyConfigured);
    CHECK_THROWS_WITH_AS(s.Tweet["nope"], "Tweet has no field 'nope'; its fields are: id, user, content, timestamp", ImproperlyConfigured);
  }
}
