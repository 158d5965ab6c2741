// Seed 001's N+1 and eager-loading examples (with_related, Load strategies, per_parent and the
// legacy prefetch), each checked against the oracle: printed lines, query count, statements.

#include <doctest/doctest.h>

#include "peewasm/peewasm.hpp"
#include "support/example_check.hpp"
#include "support/python_repr.hpp"
#include "support/seed001.hpp"

using namespace peewasm;
using namespace peewasm::test;

namespace {

// [row.field for row in rows]
std::string field_list(const std::vector<Instance>& rows, const char* field) {
  std::vector<Value> values;
  for (const Instance& row : rows) values.push_back(row.get(field));
  return py_list(values);
}

// print(user.username, [t.content for t in user.tweets]) for every user.
std::vector<std::string> users_with_tweets(const std::vector<Instance>& users) {
  std::vector<std::string> lines;
  for (const Instance& user : users) {
    lines.push_back(user.get("username").to_string() + " " + field_list(user.prefetched("tweets"), "content"));
  }
  return lines;
}

}  // namespace

TEST_SUITE("loading") {
  TEST_CASE("seed 001, The N+1 Problem: lazy foreign keys and backrefs against a join and with_related") {
    Seed001 s;
    Recorder recorder(s.db);
    QueryCount count(s.db);
    std::vector<std::string> lines;
    std::string id;
    LineOrder order = LineOrder::AnyOrder;
    SUBCASE("one query per tweet for its user") {
      id = "rj001.nplus1.fk_lazy";
      for (const Instance& tweet : s.Tweet.select().execute()) {
        lines.push_back(tweet.related("user")->get("username").to_string() + " -> " + tweet.get("content").to_string());
      }
    }
    SUBCASE("one query with the join") {
      id = "rj001.nplus1.fk_join";
      for (const Instance& tweet : s.Tweet.select({s.Tweet, s.User}).join(s.User).execute()) {
        lines.push_back(tweet.related("user")->get("username").to_string() + " -> " + tweet.get("content").to_string());
      }
    }
    SUBCASE("one query per user for its tweets") {
      id = "rj001.nplus1.backref_lazy";
      for (const Instance& user : s.User.select().execute()) {
        lines.push_back(user.get("username").to_string());
        for (const Instance& tweet : s.Tweet.select().where(s.Tweet["user"] == user).execute()) {
          lines.push_back("   " + tweet.get("content").to_string());
        }
      }
      order = LineOrder::Exact;  // the users' order carries their tweets along
    }
    SUBCASE("two queries with with_related") {
      id = "rj001.nplus1.with_related";
      for (const Instance& user : s.User.select().with_related({Load(s.User, "tweets")}).execute()) {
        lines.push_back(user.get("username").to_string());
        for (const Instance& tweet : user.prefetched("tweets")) lines.push_back("   " + tweet.get("content").to_string());
      }
      order = LineOrder::Exact;
    }
    check_example(id, recorder, count, lines, order);
  }

  TEST_CASE("seed 001, Per-relation query: a filtered, ordered or joined relation query, per_parent and a plain limit") {
    Seed001 s;
    Recorder recorder(s.db);
    QueryCount count(s.db);
    std::vector<std::string> lines;
    std::string id;
    SUBCASE("the relation query's filter and order apply to the loaded rows") {
      id = "rj001.eager.per_relation_query";
      ModelSelect recent = s.Tweet.select().where(s.Tweet["content"] != "alice-2").order_by({s.Tweet["timestamp"].desc()});
      CHECK(recent.sql() == CompiledSql{oracle_case(id)["queries"]["recent"]["sql"].get<std::string>(), {"alice-2"}});
      lines = users_with_tweets(s.User.select().with_related({Load(s.User, "tweets", recent)}).execute());
    }
    SUBCASE("a joined relation query fills each favorite's user") {
      id = "rj001.eager.relation_query_join";
      ModelSelect favorites = s.Favorite.select({s.Favorite, s.User}).join(s.User);
      for (const Instance& tweet : s.Tweet.select().with_related({Load(s.Tweet, "favorites", favorites)}).execute()) {
        for (const Instance& fav : tweet.prefetched("favorites")) {
          lines.push_back(tweet.get("content").to_string() + " " + fav.related("user")->get("username").to_string());
        }
      }
    }
    SUBCASE("per_parent keeps the two most recent tweets of each user, in one query") {
      id = "rj001.eager.per_parent";
      ModelSelect tweets = s.Tweet.select().order_by({s.Tweet["timestamp"].desc()});
      lines = users_with_tweets(
          s.User.select().with_related({Load(s.User, "tweets", tweets, {.per_parent = 2})}).execute());
    }
    SUBCASE("a plain limit caps the whole relation, not each user") {
      id = "rj001.eager.plain_limit";
      ModelSelect tweets = s.Tweet.select().order_by({s.Tweet["timestamp"].desc()}).limit(2);
      lines = users_with_tweets(s.User.select().with_related({Load(s.User, "tweets", tweets)}).execute());
    }
    check_example(id, recorder, count, lines, LineOrder::AnyOrder);
  }

  TEST_CASE("seed 001, Load strategy and materialize: WHERE, JOIN and MATERIALIZE") {
    Seed001 s;
    Recorder recorder(s.db);
    QueryCount count(s.db);
    std::string id;
    ModelSelect users = s.User.select();
    SUBCASE("JOIN against the paginated parent as a derived table") {
      id = "rj001.eager.strategy_join_paginate";
      users = s.User.select().paginate(1, 20).with_related({Load(s.User, "tweets", {.strategy = PrefetchType::Join})});
    }
    SUBCASE("MATERIALIZE sends the parents' ids inline") {
      id = "rj001.eager.strategy_materialize";
      users = s.User.select().with_related({Load(s.User, "tweets", {.strategy = PrefetchType::Materialize})});
    }
    SUBCASE("WHERE wraps a paginated parent before embedding it") {
      id = "rj001.eager.strategy_where";
      users = s.User.select().paginate(1, 20).with_related({Load(s.User, "tweets", {.strategy = PrefetchType::Where})});
    }
    check_example(id, recorder, count, users_with_tweets(users.execute()), LineOrder::AnyOrder);
  }

  TEST_CASE("seed 001, Legacy: prefetch, from two tables to three, with (query, Model) and prefetch_type") {
    Seed001 s;
    Recorder recorder(s.db);
    QueryCount count(s.db);
    std::vector<std::string> lines;
    std::string id;
    LineOrder order = LineOrder::AnyOrder;
    ModelSelect users = s.User.select().order_by({s.User["username"]});
    SUBCASE("query.prefetch(Model)") {
      id = "rj001.prefetch.method";
      lines = users_with_tweets(s.User.select().prefetch({s.Tweet}));
    }
    SUBCASE("prefetch(query, subquery)") {
      id = "rj001.prefetch.function";
      lines = users_with_tweets(prefetch(s.User.select(), {s.Tweet.select()}));
    }
    SUBCASE("three tables, three queries, deepest first") {
      id = "rj001.prefetch.three_tables";
      for (const Instance& user : prefetch(s.User.select(), {s.Tweet.select(), s.Favorite.select()})) {
        for (const Instance& tweet : user.prefetched("tweets")) {
          lines.push_back(user.get("username").to_string() + " " + tweet.get("content").to_string() + " " +
                          field_list(tweet.prefetched("favorites"), "user_id"));
        }
      }
    }
    SUBCASE("(favorites, User) follows Favorite.user rather than the nearer Favorite.tweet") {
      id = "rj001.prefetch.disambiguate";
      for (const Instance& user : prefetch(users, {s.Tweet.select(), {s.Favorite.select(), s.User}})) {
        lines.push_back(user.get("username").to_string() + " " + field_list(user.prefetched("tweets"), "content") + " " +
                        field_list(user.prefetched("favorites"), "tweet_id"));
      }
      order = LineOrder::Exact;
    }
    SUBCASE("without the tuple the favorites hang from the nearest related query, the tweets") {
      id = "rj001.prefetch.disambiguate_default";
      for (const Instance& user : prefetch(users, {s.Tweet.select(), s.Favorite.select()})) {
        std::vector<std::string> tweets;
        for (const Instance& tweet : user.prefetched("tweets")) {
          tweets.push_back(py_join({py_repr(tweet.get("content")), field_list(tweet.prefetched("favorites"), "user_id")}, true));
        }
        lines.push_back(user.get("username").to_string() + " " + py_join(tweets));
      }
      order = LineOrder::Exact;
    }
    SUBCASE("the subquery's own filter narrows the tweets, not the users") {
      id = "rj001.prefetch.where_modifiers";
      Value one_week_ago("2023-12-25");  // date.today() - 7 days on the oracle's clock
      lines = users_with_tweets(prefetch(users, {s.Tweet.select().where(s.Tweet["timestamp"] >= one_week_ago)}));
      order = LineOrder::Exact;
    }
    SUBCASE("prefetch_type JOIN") {
      id = "rj001.prefetch.prefetch_type_join";
      lines = users_with_tweets(prefetch(users, {s.Tweet.select()}, PrefetchType::Join));
      order = LineOrder::Exact;
    }
    SUBCASE("MATERIALIZE is refused before any query runs") {
      id = "rj001.prefetch.materialize_rejected";
      try {
        prefetch(s.User.select(), {s.Tweet.select()}, PrefetchType::Materialize);
      } catch (const ImproperlyConfigured& error) {
        lines.push_back(std::string("ValueError: ") + error.what());  // Peewee raises ValueError
      }
    }
    check_example(id, recorder, count, lines, order);
  }
}
