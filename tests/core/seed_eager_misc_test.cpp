// The eager-loading examples of seeds 000 and 002 ("Avoiding the N+1 problem", "Eager Loading"),
// each checked against the oracle: printed lines, query count, statements.

#include <doctest/doctest.h>

#include "peewasm/peewasm.hpp"
#include "support/example_check.hpp"
#include "support/seed000.hpp"

using namespace peewasm;
using namespace peewasm::test;

TEST_SUITE("loading") {
  TEST_CASE("seed 000, Avoiding the N+1 problem: a join for the recent tweets, prefetch for the week's") {
    Seed000 s;
    Recorder recorder(s.db);
    QueryCount count(s.db);
    std::vector<std::string> lines;
    std::string id;
    ModelSelect recent = s.Tweet.select({s.Tweet, s.User}).join(s.User).order_by({s.Tweet["id"].desc()}).limit(10);
    ModelSelect tweets = s.Tweet.select().where(s.Tweet["timestamp"] >= Value("2023-12-25"));  // a week before the oracle's today
    SUBCASE("the join, as the seed prints it") {
      id = "rj000.nplus1.recent_tweets";
      for (const Instance& tweet : recent.execute()) {
        lines.push_back(tweet.related("user")->get("username").to_string() + " - " + tweet.get("content").to_string());
      }
    }
    SUBCASE("the seed's literal tweet.message is no field of Tweet") {
      id = "rj000.nplus1.recent_tweets_literal";
      std::vector<Instance> rows = recent.execute();
      CHECK_THROWS_AS(rows.front().get("message"), ImproperlyConfigured);
    }
    SUBCASE("prefetch, two queries") {
      id = "rj000.nplus1.prefetch_week";
      for (const Instance& user : prefetch(s.User.select(), {tweets})) {
        lines.push_back(user.get("username").to_string());
        for (const Instance& tweet : user.prefetched("tweets")) lines.push_back("   " + tweet.get("content").to_string());
      }
    }
    SUBCASE("prefetch with the seed's literal tweet.message") {
      id = "rj000.nplus1.prefetch_week_literal";
      std::vector<Instance> users = prefetch(s.User.select(), {tweets});
      lines.push_back(users.front().get("username").to_string());
      CHECK_THROWS_AS(users.front().prefetched("tweets").front().get("message"), ImproperlyConfigured);
    }
    check_example(id, recorder, count, lines);
  }
}
