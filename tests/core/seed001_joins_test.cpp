// Seed 001 ("Relationships and Joins", Peewee 4.3 docs) against the oracle: models, foreign
// keys, joins, join context, selecting from joined models, aliases, subqueries, CTEs.

#include <doctest/doctest.h>

#include "peewasm/peewasm.hpp"
#include "support/oracle.hpp"
#include "support/output_check.hpp"
#include "support/query_count.hpp"
#include "support/seed001.hpp"

using namespace peewasm;
using peewasm::test::check_oracle;
using peewasm::test::check_statements;
using peewasm::test::oracle_output;
using peewasm::test::oracle_statements;
using peewasm::test::Recorder;
using peewasm::test::Seed001;

TEST_SUITE("query") {
  TEST_CASE("seed 001 fixtures run the oracle's setup statement for statement") {
    SUBCASE("users, tweets, favorites") {
      Seed001 s;
      check_statements(s.setup.statements(), oracle_statements("rj001.joins.intro_favorites", "setup"));
      // create_test_data() is that example's body, 18 statements.
      check_statements(s.setup.statements(), oracle_statements("rj001.models.create_test_data"));
    }
    SUBCASE("lazy_load(false)") {
      Seed001 s(false);
      check_statements(s.setup.statements(), oracle_statements("rj001.fk.lazy_load_false", "setup"));
    }
    SUBCASE("with relationships") {
      Seed001 s;
      s.add_relationships();
      check_statements(s.setup.statements(), oracle_statements("rj001.multi_fk.following", "setup"));
    }
    SUBCASE("with the activity log") {
      Seed001 s;
      s.add_activity_log();
      check_statements(s.setup.statements(), oracle_statements("rj001.no_fk.activity_log", "setup"));
    }
    SUBCASE("the category tree") {
      peewasm::test::Seed001Categories s;
      check_statements(s.setup.statements(), oracle_statements("rj001.self_join.category_parent", "setup"));
    }
  }
}

namespace {
using peewasm::test::check_output;
using peewasm::test::LineOrder;
using peewasm::test::oracle_case;
using peewasm::test::words;

std::string str(const Value& value) { return value.to_string(); }
std::string related(const Instance& instance, const std::string& attr, const std::string& field) {
  return str(instance.related(attr)->get(field));
}
int oracle_count(const std::string& id) { return oracle_case(id)["query_count"].get<int>(); }
}  // namespace

TEST_SUITE("query") {
  TEST_CASE("seed 001: a foreign key resolves with one query; _id never queries") {
    Seed001 s;
    Recorder recorder(s.db);
    QueryCount count(s.db);
    Instance tweet = s.Tweet.get(s.Tweet["content"] == "alice-1");
    std::vector<std::string> lines{related(tweet, "user", "username"), str(tweet.get("user_id"))};
    CHECK(count.delta() == 2);
    check_output(lines, "rj001.fk.resolve_and_id");
    check_oracle(recorder, "rj001.fk.resolve_and_id");
  }

  TEST_CASE("seed 001: the query log shows the get") {
    Seed001 s;
    Recorder recorder(s.db);
    s.Tweet.get(s.Tweet["content"] == "alice-1");
    check_oracle(recorder, "rj001.models.logging");
  }

  TEST_CASE("seed 001: lazy_load(false) gives the raw id, unless the join loaded the user") {
    Seed001 s(false);
    Recorder recorder(s.db);
    QueryCount count(s.db);
    std::vector<std::string> lines;
    std::string id;
    SUBCASE("no join") {
      id = "rj001.fk.lazy_load_false";
      for (const Instance& tweet : s.Tweet.select().execute()) lines.push_back(str(tweet.get("user")));
    }
    SUBCASE("joined") {
      id = "rj001.fk.lazy_load_false_join";
      for (const Instance& tweet : s.Tweet.select({s.Tweet, s.User}).join(s.User).execute()) lines.push_back(related(tweet, "user", "username"));
    }
    CHECK(count.delta() == 1);
    check_output(lines, id, LineOrder::Any);
    check_oracle(recorder, id);
  }

  TEST_CASE("seed 001: who likes whose tweet, with User joined twice") {
    Seed001 s;
    Recorder recorder(s.db);
    QueryCount count(s.db);
    Model TweetUser = s.User.alias();
    auto query = s.Favorite.select({s.Favorite, s.User, s.Tweet, TweetUser})
                     .join_from(s.Favorite, s.User)
                     .join_from(s.Favorite, s.Tweet)
                     .join_from(s.Tweet, TweetUser);
    std::vector<std::string> lines;
    for (const Instance& fav : query.execute()) {
      Instance tweet = *fav.related("tweet");
      lines.push_back(words({related(fav, "user", "username"), "likes", str(tweet.get("content")), "by", related(tweet, "user", "username")}));
    }
    CHECK(count.delta() == 1);
    check_output(lines, "rj001.joins.intro_favorites", LineOrder::Any);
    check_oracle(recorder, "rj001.joins.intro_favorites");
  }

  TEST_CASE("seed 001: a simple join, inferred or with on=") {
    Seed001 s;
    Recorder recorder(s.db);
    std::string id;
    ModelSelect query = s.Tweet.select();
    SUBCASE("inferred") {
      id = "rj001.joins.simple_inferred";
      query = s.Tweet.select().join(s.User).where(s.User["username"] == "alice");
    }
    SUBCASE("explicit on=") {
      id = "rj001.joins.simple_explicit_on";
      query = s.Tweet.select().join(s.User, JoinType::Inner, s.Tweet["user"] == s.User["id"]).where(s.User["username"] == "alice");
    }
    std::vector<std::string> lines;
    for (const Instance& tweet : query.execute()) lines.push_back(str(tweet.get("content")));
    check_output(lines, id, LineOrder::Any);
    check_oracle(recorder, id);
  }

  TEST_CASE("seed 001: the join context: chained joins, switch, without switch, join_from") {
    Seed001 s;
    Recorder recorder(s.db);
    std::vector<std::string> lines;
    std::string id;
    auto fav_count = [&](const ModelSelect& query) {
      for (const Instance& row : query.execute()) {
        lines.push_back(str(row.get("content")) + ": favorited " + str(row.get("fav_count")) + " times");
      }
    };
    auto counted = s.Tweet.select({s.Tweet["content"], fn("COUNT", s.Favorite["id"]).alias("fav_count")});
    SUBCASE("user -> tweet -> favorite count") {
      id = "rj001.joins.multi_table_count";
      auto query = s.User.select({s.User["username"], fn("COUNT", s.Favorite["id"]).alias("fav_count")})
                       .join(s.Tweet, JoinType::LeftOuter)
                       .join(s.Favorite, JoinType::LeftOuter)
                       .group_by({s.User["username"]});
      for (const Instance& user : query.execute()) {
        lines.push_back(str(user.get("username")) + ": " + str(user.get("fav_count")) + " favorites received");
      }
    }
    SUBCASE("chain") {
      id = "rj001.join_context.chain";
      auto query = s.Favorite.select().join(s.Tweet).join(s.User).where(s.User["username"] == "alice");
      for (const Instance& fav : query.execute()) {
        lines.push_back(words({str(fav.get("id")), str(fav.get("user_id")), str(fav.get("tweet_id"))}));
      }
    }
    SUBCASE("switch") {
      id = "rj001.join_context.switch";
      fav_count(counted.join(s.User).switch_(s.Tweet).join(s.Favorite, JoinType::LeftOuter).where(s.User["username"] == "alice").group_by({s.Tweet["content"]}));
    }
    SUBCASE("without switch, Favorite joins from User") {
      id = "rj001.join_context.without_switch";
      fav_count(counted.join(s.User).join(s.Favorite, JoinType::LeftOuter).where(s.User["username"] == "alice").group_by({s.Tweet["content"]}));
    }
    SUBCASE("join_from") {
      id = "rj001.join_context.join_from";
      fav_count(counted.join_from(s.Tweet, s.User)
                    .join_from(s.Tweet, s.Favorite, JoinType::LeftOuter)
                    .where(s.User["username"] == "alice")
                    .group_by({s.Tweet["content"]}));
    }
    check_output(lines, id, LineOrder::Any);
    check_oracle(recorder, id);
  }

  TEST_CASE("seed 001: columns of a joined model as a graph, dicts, attr= and objects") {
    Seed001 s;
    Recorder recorder(s.db);
    QueryCount count(s.db);
    auto query = s.Tweet.select({s.Tweet["content"], s.User["username"]});
    std::vector<std::string> lines;
    std::string id;
    SUBCASE("graph") {
      id = "rj001.select_joined.graph";
      for (const Instance& tweet : query.join(s.User).execute()) lines.push_back(words({related(tweet, "user", "username"), "->", str(tweet.get("content"))}));
    }
    SUBCASE("dicts") {
      id = "rj001.select_joined.dicts";
      for (const DictRow& row : query.join(s.User).dicts()) {
        REQUIRE(row.size() == 2);
        lines.push_back("{'" + row[0].first + "': '" + str(row[0].second) + "', '" + row[1].first + "': '" + str(row[1].second) + "'}");
      }
    }
    SUBCASE("attr") {
      id = "rj001.select_joined.attr";
      for (const Instance& tweet : query.join(s.User, JoinType::Inner, Expr(), "author").execute()) {
        lines.push_back(words({related(tweet, "author", "username"), "->", str(tweet.get("content"))}));
      }
    }
    SUBCASE("objects") {
      id = "rj001.select_joined.objects";
      for (const Instance& tweet : query.join(s.User).objects()) lines.push_back(words({str(tweet.get("username")), "->", str(tweet.get("content"))}));
    }
    CHECK(count.delta() == 1);
    check_output(lines, id, LineOrder::Any);
    check_oracle(recorder, id);
  }

  TEST_CASE("seed 001: the favorite's owner through an alias, the tweet's author through User") {
    Seed001 s;
    Recorder recorder(s.db);
    QueryCount count(s.db);
    Model Owner = s.User.alias();
    auto query = s.Favorite.select({s.Favorite, s.Tweet["content"], s.User["username"], Owner["username"]})
                     .join_from(s.Favorite, Owner)
                     .join_from(s.Favorite, s.Tweet)
                     .join_from(s.Tweet, s.User);
    std::vector<std::string> lines;
    for (const Instance& fav : query.execute()) {
      Instance tweet = *fav.related("tweet");
      lines.push_back(words({related(fav, "user", "username"), "liked", str(tweet.get("content")), "by", related(tweet, "user", "username")}));
    }
    CHECK(count.delta() == 1);
    check_output(lines, "rj001.complex.owner_alias", LineOrder::Any);
    check_oracle(recorder, "rj001.complex.owner_alias");
  }

  TEST_CASE("seed 001: the latest tweet per user, joined as a subquery or a CTE") {
    Seed001 s;
    Recorder recorder(s.db);
    Model Latest = s.Tweet.alias();
    auto latest = Latest.select({Latest["user"], fn("MAX", Latest["timestamp"]).alias("max_ts")}).group_by({Latest["user"]});
    std::string id;
    ModelSelect query = s.Tweet.select();
    SUBCASE("subquery") {
      id = "rj001.subquery.latest_tweet";
      auto latest_query = latest.alias("latest_query");
      auto predicate = (s.Tweet["user"] == latest_query.c("user_id")) && (s.Tweet["timestamp"] == latest_query.c("max_ts"));
      query = s.Tweet.select({s.Tweet, s.User}).join_from(s.Tweet, latest_query, JoinType::Inner, predicate).join_from(s.Tweet, s.User);
    }
    SUBCASE("CTE") {
      id = "rj001.cte.latest_tweet";
      Cte cte = latest.cte("latest");
      auto predicate = (s.Tweet["user"] == cte.c("user_id")) && (s.Tweet["timestamp"] == cte.c("max_ts"));
      query = s.Tweet.select({s.Tweet, s.User}).join(cte, JoinType::Inner, predicate).join_from(s.Tweet, s.User).with_cte({cte});
    }
    std::vector<std::string> lines;
    for (const Instance& tweet : query.execute()) lines.push_back(words({related(tweet, "user", "username"), "->", str(tweet.get("content"))}));
    check_output(lines, id, LineOrder::Any);
    check_oracle(recorder, id);
  }

  TEST_CASE("seed 001: following and followers through the foreign key named in on=") {
    Seed001 s;
    s.add_relationships();
    Recorder recorder(s.db);
    QueryCount count(s.db);
    Instance alice = s.User.get(s.User["username"] == "alice");
    std::string id;
    ModelSelect query = s.User.select();
    SUBCASE("following") {
      id = "rj001.multi_fk.following";
      query = s.User.select().join(s.Relationship, JoinType::Inner, s.Relationship["to_user"]).where(s.Relationship["from_user"] == alice);
    }
    SUBCASE("followers") {
      id = "rj001.multi_fk.followers";
      query = s.User.select().join(s.Relationship, JoinType::Inner, s.Relationship["from_user"]).where(s.Relationship["to_user"] == alice);
    }
    std::vector<std::string> lines;
    for (const Instance& user : query.execute()) lines.push_back(str(user.get("username")));
    CHECK(count.delta() == 2);
    check_output(lines, id, LineOrder::Any);
    check_oracle(recorder, id);
  }

  TEST_CASE("seed 001: an activity log joined on object_id, under attr=log") {
    Seed001 s;
    s.add_activity_log();
    Recorder recorder(s.db);
    auto query = s.User.select({s.User, s.ActivityLog})
                     .join(s.ActivityLog, JoinType::Inner, s.User["id"] == s.ActivityLog["object_id"], "log")
                     .where((s.ActivityLog["activity_type"] == "login") && (s.User["username"] == "alice"));
    std::vector<std::string> lines;
    for (const Instance& user : query.execute()) lines.push_back(words({str(user.get("username")), "->", related(user, "log", "description")}));
    check_output(lines, "rj001.no_fk.activity_log", LineOrder::Any);
    check_oracle(recorder, "rj001.no_fk.activity_log");
  }

  TEST_CASE("seed 001: each category with its parent, an outer self-join") {
    peewasm::test::Seed001Categories s;
    Model Parent = s.Category.alias();
    Recorder recorder(s.db);
    QueryCount count(s.db);
    auto query = s.Category.select({s.Category["name"], Parent["name"]})
                     .join(Parent, JoinType::LeftOuter, s.Category["parent"] == Parent["id"])
                     .order_by({s.Category["name"]});
    std::vector<std::string> lines;
    for (const Instance& row : query.execute()) {
      std::optional<Instance> parent = row.related("parent");
      lines.push_back(words({str(row.get("name")), "parent:", parent ? str(parent->get("name")) : "None"}));
    }
    CHECK(count.delta() == 1);
    check_output(lines, "rj001.self_join.category_parent");
    check_oracle(recorder, "rj001.self_join.category_parent");
  }
}
