// Seed 000 ("Relationships and Joins", first version) against the oracle: SQL, params, query
// counts and printed lines of every rj000 example outside M2M and N+1.

#include <doctest/doctest.h>

#include "peewasm/peewasm.hpp"
#include "support/oracle.hpp"
#include "support/output_check.hpp"
#include "support/query_count.hpp"
#include "support/seed000.hpp"

using namespace peewasm;
using peewasm::test::check_oracle;
using peewasm::test::check_statements;
using peewasm::test::oracle_output;
using peewasm::test::oracle_statements;
using peewasm::test::Recorder;
using peewasm::test::Seed000;

TEST_SUITE("query") {
  TEST_CASE("seed 000 fixtures run the oracle's setup statement for statement") {
    SUBCASE("users, tweets, favorites") {
      Seed000 s;
      check_statements(s.setup.statements(), oracle_statements("rj000.simple_join.inferred", "setup"));
      // populate_test_data() is that example's body, 25 statements.
      check_statements(s.setup.statements(), oracle_statements("rj000.models.populate_test_data"));
    }
    SUBCASE("with relationships") {
      Seed000 s;
      s.add_relationships();
      check_statements(s.setup.statements(), oracle_statements("rj000.multi_fk.following", "setup"));
    }
    SUBCASE("with the activity log") {
      Seed000 s;
      s.add_activity_log();
      check_statements(s.setup.statements(), oracle_statements("rj000.no_fk.activity_log", "setup"));
    }
    SUBCASE("the category tree") {
      peewasm::test::Seed000Categories s;
      check_statements(s.setup.statements(), oracle_statements("rj000.self_join.alias", "setup"));
    }
  }
}

namespace {
using peewasm::test::check_output;
using peewasm::test::LineOrder;
using peewasm::test::words;

std::string str(const Value& value) { return value.to_string(); }
std::string related(const Instance& instance, const std::string& attr, const std::string& field) {
  return str(instance.related(attr)->get(field));
}
}  // namespace

TEST_SUITE("query") {
  TEST_CASE("seed 000: joins infer their predicate from the foreign key, or take on=") {
    Seed000 s;
    Recorder recorder(s.db);
    std::string id;
    ModelSelect query = s.Tweet.select();
    SUBCASE("inferred") {
      id = "rj000.simple_join.inferred";
      query = s.Tweet.select().join(s.User).where(s.User["username"] == "huey");
    }
    SUBCASE("explicit") {
      id = "rj000.simple_join.explicit";
      query = s.Tweet.select().join(s.User, JoinType::Inner, s.Tweet["user"] == s.User["id"]).where(s.User["username"] == "huey");
    }
    std::vector<std::string> lines;
    for (const Instance& tweet : query.execute()) lines.push_back(str(tweet.get("content")));
    check_output(lines, id);
    check_oracle(recorder, id);
  }

  TEST_CASE("seed 000: counting across two joins, switch and join_from") {
    Seed000 s;
    Recorder recorder(s.db);
    QueryCount count(s.db);
    std::vector<std::string> lines;
    std::string id;
    SUBCASE("user -> tweet -> favorite") {
      id = "rj000.multi_table.count";
      auto query = s.User.select({s.User["username"], fn("COUNT", s.Favorite["id"]).alias("count")})
                       .join(s.Tweet, JoinType::LeftOuter)
                       .join(s.Favorite, JoinType::LeftOuter)
                       .group_by({s.User["username"]});
      for (const Instance& user : query.execute()) lines.push_back(words({str(user.get("username")), str(user.get("count"))}));
    }
    auto favorited = [&](const ModelSelect& query) {
      for (const Instance& tweet : query.execute()) {
        lines.push_back(str(tweet.get("content")) + " favorited " + str(tweet.get("count")) + " times");
      }
    };
    SUBCASE("switch") {
      id = "rj000.multi_table.switch";
      favorited(s.Tweet.select({s.Tweet["content"], fn("COUNT", s.Favorite["id"]).alias("count")})
                    .join(s.User)
                    .switch_(s.Tweet)
                    .join(s.Favorite, JoinType::LeftOuter)
                    .where(s.User["username"] == "huey")
                    .group_by({s.Tweet["content"]}));
    }
    SUBCASE("join_from") {
      id = "rj000.multi_table.join_from";
      favorited(s.Tweet.select({s.Tweet["content"], fn("COUNT", s.Favorite["id"]).alias("count")})
                    .join_from(s.Tweet, s.User)
                    .join_from(s.Tweet, s.Favorite, JoinType::LeftOuter)
                    .where(s.User["username"] == "huey")
                    .group_by({s.Tweet["content"]}));
    }
    CHECK(count.delta() == 1);
    check_output(lines, id, LineOrder::Any);
    check_oracle(recorder, id);
  }

  TEST_CASE("seed 000: selecting from several sources, as a graph, dicts, attr= or flat objects") {
    Seed000 s;
    Recorder recorder(s.db);
    QueryCount count(s.db);
    std::vector<std::string> lines;
    std::string id;
    auto selected = s.Tweet.select({s.Tweet["content"], s.User["username"]});
    SUBCASE("N+1 without the join") {
      id = "rj000.multi_source.nplus1";
      for (const Instance& tweet : s.Tweet.select().execute()) {
        lines.push_back(words({related(tweet, "user", "username"), "->", str(tweet.get("content"))}));
      }
    }
    SUBCASE("dicts") {
      id = "rj000.multi_source.dicts";
      for (const DictRow& row : selected.join(s.User).dicts()) {
        REQUIRE(row.size() == 2);
        lines.push_back("{'" + row[0].first + "': '" + str(row[0].second) + "', '" + row[1].first + "': '" + str(row[1].second) + "'}");
      }
    }
    SUBCASE("the model graph") {
      id = "rj000.multi_source.graph";
      for (const Instance& tweet : selected.join(s.User).execute()) {
        lines.push_back(words({related(tweet, "user", "username"), "->", str(tweet.get("content"))}));
      }
    }
    SUBCASE("attr=") {
      id = "rj000.multi_source.attr";
      for (const Instance& tweet : selected.join(s.User, JoinType::Inner, Expr(), "author").execute()) {
        lines.push_back(words({related(tweet, "author", "username"), "->", str(tweet.get("content"))}));
      }
    }
    SUBCASE("objects") {
      id = "rj000.multi_source.objects";
      for (const Instance& tweet : selected.join(s.User, JoinType::Inner, Expr(), "author").objects()) {
        lines.push_back(words({str(tweet.get("username")), "->", str(tweet.get("content"))}));
      }
    }
    CHECK(count.delta() == peewasm::test::oracle_case(id)["query_count"].get<int>());
    check_output(lines, id);
    check_oracle(recorder, id);
  }

  TEST_CASE("seed 000: the same model twice through an alias") {
    Seed000 s;
    Recorder recorder(s.db);
    QueryCount count(s.db);
    Model Owner = s.User.alias();
    auto selected = s.Favorite.select({s.Favorite, s.Tweet["content"], s.User["username"], Owner["username"]}).join(Owner);
    std::string id;
    ModelSelect query = selected;
    SUBCASE("switch back to Favorite before joining Tweet") {
      id = "rj000.complex.owner_alias";
      query = selected.switch_(s.Favorite).join(s.Tweet).join(s.User);
    }
    SUBCASE("as the seed prints it, without switch: Tweet joins from Owner") {
      id = "rj000.complex.owner_alias_literal";
      query = selected.join(s.Tweet).join(s.User);
    }
    std::vector<std::string> lines;
    for (const Instance& fav : query.execute()) {
      Instance tweet = *fav.related("tweet");
      lines.push_back(words({related(fav, "user", "username"), "liked", str(tweet.get("content")), "by", related(tweet, "user", "username")}));
    }
    CHECK(count.delta() == peewasm::test::oracle_case(id)["query_count"].get<int>());
    check_output(lines, id);
    check_oracle(recorder, id);
  }

  TEST_CASE("seed 000: the latest tweet per user, through a subquery and through a CTE") {
    Seed000 s;
    Recorder recorder(s.db);
    Model Latest = s.Tweet.alias();
    auto latest = Latest.select({Latest["user"], fn("MAX", Latest["timestamp"]).alias("max_ts")}).group_by({Latest["user"]});
    std::string id;
    ModelSelect query = s.Tweet.select();
    SUBCASE("subquery") {
      id = "rj000.subquery.latest_tweet";
      auto latest_query = latest.alias("latest_query");
      auto predicate = (s.Tweet["user"] == latest_query.c("user_id")) && (s.Tweet["timestamp"] == latest_query.c("max_ts"));
      query = s.Tweet.select({s.Tweet, s.User}).join(latest_query, JoinType::Inner, predicate).join_from(s.Tweet, s.User);
    }
    SUBCASE("CTE") {
      id = "rj000.cte.latest_tweet";
      Cte cte = latest.cte("latest");
      auto predicate = (s.Tweet["user"] == cte.c("user_id")) && (s.Tweet["timestamp"] == cte.c("max_ts"));
      query = s.Tweet.select({s.Tweet, s.User}).join(cte, JoinType::Inner, predicate).join_from(s.Tweet, s.User).with_cte({cte});
    }
    std::vector<std::string> lines;
    for (const Instance& tweet : query.execute()) lines.push_back(words({related(tweet, "user", "username"), "->", str(tweet.get("content"))}));
    check_output(lines, id);
    check_oracle(recorder, id);
  }

  TEST_CASE("seed 000: two foreign keys to one model, joined on the one named") {
    Seed000 s;
    s.add_relationships();
    Instance charlie = s.User.get(s.User["username"] == "charlie");
    Recorder recorder(s.db);
    std::string id;
    ModelSelect query = s.User.select();
    SUBCASE("following") {
      id = "rj000.multi_fk.following";
      query = s.User.select().join(s.Relationship, JoinType::Inner, s.Relationship["to_user"]).where(s.Relationship["from_user"] == charlie);
    }
    SUBCASE("followers") {
      id = "rj000.multi_fk.followers";
      query = s.User.select().join(s.Relationship, JoinType::Inner, s.Relationship["from_user"]).where(s.Relationship["to_user"] == charlie);
    }
    recorder.clear();
    std::vector<std::string> lines;
    for (const Instance& user : query.execute()) lines.push_back(str(user.get("username")));
    check_output(lines, id, LineOrder::Any);
    check_oracle(recorder, id);
    CHECK_THROWS_WITH_AS(s.User.select().join(s.Relationship),
                         "User.join(Relationship): more than one foreign key between User and Relationship "
                         "(Relationship.from_user, Relationship.to_user); pass on= naming the one to join on",
                         ImproperlyConfigured);
  }

  TEST_CASE("seed 000: a join with no foreign key, on an arbitrary condition, under attr=") {
    Seed000 s;
    s.add_activity_log();
    Recorder recorder(s.db);
    auto user_log = s.User.select({s.User, s.ActivityLog})
                        .join(s.ActivityLog, JoinType::Inner, s.User["id"] == s.ActivityLog["object_id"], "log")
                        .where((s.ActivityLog["activity_type"] == "user_activity") && (s.User["username"] == "charlie"));
    std::vector<std::string> lines;
    for (const Instance& user : user_log.execute()) lines.push_back(words({str(user.get("username")), related(user, "log", "description")}));
    check_output(lines, "rj000.no_fk.activity_log");
    check_oracle(recorder, "rj000.no_fk.activity_log");
    CHECK_THROWS_WITH_AS(s.User.select().join(s.ActivityLog),
                         "User.join(ActivityLog): no foreign key between User and ActivityLog; pass on= with the join condition",
                         ImproperlyConfigured);
  }

  TEST_CASE("seed 000: self-joins through an alias and through an aliased subquery") {
    peewasm::test::Seed000Categories s;
    Model Parent = s.Category.alias();
    Recorder recorder(s.db);
    std::string id;
    ModelSelect query = s.Category.select();
    SUBCASE("alias") {
      id = "rj000.self_join.alias";
      query = s.Category.select().join(Parent, JoinType::Inner, s.Category["parent"] == Parent["id"]).where(Parent["name"] == "Electronics");
    }
    SUBCASE("subquery") {
      id = "rj000.self_join.subquery";
      auto join_query = Parent.select().where(Parent["name"] == "Electronics").alias("jq");
      query = s.Category.select().join(join_query, JoinType::Inner, s.Category["parent"] == join_query.c("id"));
    }
    std::vector<std::string> lines;
    for (const Instance& category : query.execute()) lines.push_back(str(category.get("name")));
    check_output(lines, id, LineOrder::Any);
    check_oracle(recorder, id);
  }

  TEST_CASE("a self-join compiles without a database") {
    ModelRegistry models;
    Model Category = models.define({.name = "Category", .fields = {CharField("name"), ForeignKeyField("parent", "self").backref("children")}});
    Model Parent = Category.alias();
    CompiledSql sql = Category.select().join(Parent, JoinType::Inner, Category["parent"] == Parent["id"]).where(Parent["name"] == "Electronics").sql();
    auto expected = oracle_output("rj000.self_join.alias_unbound").at(0);
    CHECK(expected == "('" + sql.sql + "', ['" + sql.params.at(0).to_string() + "'])");
  }

  TEST_CASE("seed 000: the query log shows each statement") {
    Seed000 s;
    Recorder recorder(s.db);
    CHECK(s.Tweet.select().where(s.Tweet["content"] == "meow").execute().size() == 1);
    check_oracle(recorder, "rj000.models.logging");
  }
}
