// Compound selects (UNION, UNION ALL, INTERSECT, EXCEPT) and common table expressions: the SQL
// Peewee writes for them on SQLite, their rows, and their misuse errors.

#include <doctest/doctest.h>

#include "peewasm/peewasm.hpp"
#include "support/oracle.hpp"
#include "support/query_count.hpp"
#include "support/seed000.hpp"

using namespace peewasm;
using peewasm::test::Seed000;

namespace {
void check_sql(const CompiledSql& compiled, const std::string& sql, const std::vector<Value>& params = {}) {
  CHECK(compiled.sql == sql);
  CHECK(compiled.params == params);
}

std::vector<std::string> texts(const std::vector<std::vector<Value>>& rows) {
  std::vector<std::string> out;
  for (const auto& row : rows) out.push_back(row.at(0).to_string());
  return out;
}
}  // namespace

TEST_SUITE("query") {
  TEST_CASE("compound selects: each operator, no parentheses around the parts, a new alias depth on the right") {
    Seed000 s;
    auto huey = s.User.select({s.User["username"]}).where(s.User["username"] == "huey");
    auto authors = s.User.select({s.User["username"]}).join(s.Tweet).where(s.Tweet["content"] == "woof");
    const std::string lhs = R"(SELECT "t1"."username" FROM "user" AS "t1" WHERE ("t1"."username" = ?))";
    const std::string rhs = R"(SELECT "t2"."username" FROM "user" AS "t2" INNER JOIN "tweet" AS "t3" ON ("t3"."user_id" = "t2"."id") WHERE ("t3"."content" = ?))";
    CompoundSelect compound = huey | authors;
    std::string op;
    std::vector<std::string> rows;
    SUBCASE("| is UNION") {
      compound = huey | authors;
      op = "UNION";
      rows = {"huey", "mickey"};
    }
    SUBCASE("+ is UNION ALL, keeping duplicates") {
      compound = huey + huey;
      op = "UNION ALL";
      rows = {"huey", "huey"};
    }
    SUBCASE("& is INTERSECT") {
      compound = huey & authors;
      op = "INTERSECT";
      rows = {};
    }
    SUBCASE("- is EXCEPT") {
      compound = huey - authors;
      op = "EXCEPT";
      rows = {"huey"};
    }
    SUBCASE("the named methods are the operators") {
      CHECK(huey.union_(authors).sql() == (huey | authors).sql());
      CHECK(huey.union_all(authors).sql() == (huey + authors).sql());
      CHECK(huey.intersect(authors).sql() == (huey & authors).sql());
      CHECK(huey.except_(authors).sql() == (huey - authors).sql());
      compound = huey.union_(authors);
      op = "UNION";
      rows = {"huey", "mickey"};
    }
    if (op == "UNION ALL") {
      check_sql(compound.sql(), lhs + " UNION ALL " + R"(SELECT "t2"."username" FROM "user" AS "t2" WHERE ("t2"."username" = ?))", {"huey", "huey"});
    } else {
      check_sql(compound.sql(), lhs + " " + op + " " + rhs, {"huey", "woof"});
    }
    std::vector<std::string> got = texts(compound.order_by({s.User["username"]}).tuples());
    CHECK(got == rows);
  }

  TEST_CASE("compound selects: three parts, ORDER BY and LIMIT on the whole, unqualified") {
    Seed000 s;
    Model Other = s.User.alias("u2");
    auto a = s.User.select({s.User["username"].alias("name")}).where(s.User["id"] == 1);
    auto b = s.Tweet.select({s.Tweet["content"].alias("name")}).where(s.Tweet["id"] < 3);
    auto c = Other.select({Other["username"].alias("name")}).where(Other["id"] == 3);
    CompoundSelect all = a | b | c;
    CompoundSelect ordered = all.order_by({all.c("name").desc()}).limit(3).offset(1);
    check_sql(ordered.sql(),
              R"(SELECT "t1"."username" AS "name" FROM "user" AS "t1" WHERE ("t1"."id" = ?) UNION )"
              R"(SELECT "t2"."content" AS "name" FROM "tweet" AS "t2" WHERE ("t2"."id" < ?) UNION )"
              R"(SELECT "u2"."username" AS "name" FROM "user" AS "u2" WHERE ("u2"."id" = ?) ORDER BY "name" DESC LIMIT ? OFFSET ?)",
              {1, 3, 3, 3, 1});
    CHECK(texts(ordered.tuples()) == std::vector<std::string>{"meow", "huey", "hiss"});
    std::vector<DictRow> dicts = all.order_by({all.c("name")}).dicts();
    REQUIRE(dicts.size() == 4);
    CHECK(dicts.front() == DictRow{{"name", Value("hiss")}});
  }

  TEST_CASE("compound selects as subqueries: IN, and a FROM source with its own alias") {
    Seed000 s;
    auto huey = s.User.select({s.User["id"]}).where(s.User["username"] == "huey");
    auto zaizee = s.User.select({s.User["id"]}).where(s.User["username"] == "zaizee");
    SUBCASE("IN (a UNION b)") {
      auto query = s.Tweet.select({s.Tweet["content"]}).where(s.Tweet["user"].in_(huey | zaizee)).order_by({s.Tweet["id"]});
      check_sql(query.sql(),
                R"(SELECT "t1"."content" FROM "tweet" AS "t1" WHERE ("t1"."user_id" IN (SELECT "t2"."id" FROM "user" AS "t2" WHERE ("t2"."username" = ?) UNION SELECT "t3"."id" FROM "user" AS "t3" WHERE ("t3"."username" = ?))) ORDER BY "t1"."id")",
                {"huey", "zaizee"});
      CHECK(texts(query.tuples()) == std::vector<std::string>{"meow", "hiss", "purr"});
    }
    SUBCASE("select_from over the compound, grouped") {
      auto a = s.Tweet.select({s.Tweet["user"].alias("uid")});
      auto b = s.Favorite.select({s.Favorite["user"].alias("uid")});
      CompoundSelect both = a + b;
      auto outer = both.select_from({both.c("uid"), fn("COUNT", both.c("uid")).alias("ct")}).group_by({both.c("uid")}).order_by({both.c("uid")});
      check_sql(outer.sql(),
                R"(SELECT "t1"."uid", COUNT("t1"."uid") AS "ct" FROM (SELECT "t2"."user_id" AS "uid" FROM "tweet" AS "t2" UNION ALL )"
                R"(SELECT "t3"."user_id" AS "uid" FROM "favorite" AS "t3") AS "t1" GROUP BY "t1"."uid" ORDER BY "t1"."uid")");
      std::vector<DictRow> rows = outer.dicts();
      CHECK(rows == std::vector<DictRow>{{{"uid", Value(1)}, {"ct", Value(4)}}, {{"uid", Value(2)}, {"ct", Value(3)}}, {{"uid", Value(3)}, {"ct", Value(2)}}});
    }
  }

  TEST_CASE("compound selects read rows as the first select's model") {
    Seed000 s;
    auto q = s.User.select().where(s.User["id"] == 1) | s.User.select().where(s.User["id"] == 3);
    std::vector<Instance> users = q.order_by({s.User["id"]}).execute();
    REQUIRE(users.size() == 2);
    CHECK(users[1].meta().name() == "User");
    CHECK(users[1].get("username") == Value("zaizee"));
  }

  TEST_CASE("CTEs: a named query in WITH, joined and referenced by its columns") {
    Seed000 s;
    auto counts = s.Tweet.select({s.Tweet["user"], fn("COUNT", s.Tweet["id"]).alias("n")}).group_by({s.Tweet["user"]});
    SUBCASE("with column names") {
      Cte cte = counts.cte("tweet_counts", false, {"uid", "n"});
      auto query = s.User.select({s.User["username"], cte.c("n")})
                       .join(cte, JoinType::Inner, s.User["id"] == cte.c("uid"))
                       .with_cte({cte})
                       .order_by({s.User["username"]});
      check_sql(query.sql(),
                R"(WITH "tweet_counts" ("uid", "n") AS (SELECT "t1"."user_id", COUNT("t1"."id") AS "n" FROM "tweet" AS "t1" GROUP BY "t1"."user_id") )"
                R"(SELECT "t2"."username", "tweet_counts"."n" FROM "user" AS "t2" INNER JOIN "tweet_counts" ON ("t2"."id" = "tweet_counts"."uid") ORDER BY "t2"."username")");
      std::vector<std::string> lines;
      for (const Instance& user : query.execute()) lines.push_back(user.get("username").to_string() + " " + user.get("n").to_string());
      CHECK(lines == std::vector<std::string>{"huey 3", "mickey 2"});
    }
    SUBCASE("select_from a CTE, rows as its model") {
      Cte cte = counts.cte("tweet_counts");
      auto query = cte.select_from({cte.c("user_id"), cte.c("n")}).order_by({cte.c("n").desc()});
      check_sql(query.sql(),
                R"(WITH "tweet_counts" AS (SELECT "t1"."user_id", COUNT("t1"."id") AS "n" FROM "tweet" AS "t1" GROUP BY "t1"."user_id") )"
                R"(SELECT "tweet_counts"."user_id", "tweet_counts"."n" FROM "tweet_counts" ORDER BY "tweet_counts"."n" DESC)");
      std::vector<Instance> rows = query.execute();
      REQUIRE(rows.size() == 2);
      CHECK(rows[0].meta().name() == "Tweet");
      CHECK(rows[0].get("user") == Value(1));  // user_id names the foreign key
      CHECK(rows[0].get("n") == Value(3));
    }
  }

  TEST_CASE("CTEs: a recursive CTE walks a tree to any depth") {
    peewasm::test::Seed000Categories s;
    Model Category = s.Category;
    Cte roots = Category.select({Category["id"], Category["name"], SQL("1").alias("depth")}).where(Category["parent"].is_null()).cte("tree", true, {"id", "name", "depth"});
    Model Child = Category.alias();
    Cte tree = roots.union_all(Child.select({Child["id"], Child["name"], roots.c("depth") + 1}).join(roots, JoinType::Inner, Child["parent"] == roots.c("id")));
    auto query = tree.select_from({tree.c("name"), tree.c("depth")}).order_by({tree.c("depth"), tree.c("name")});
    CHECK(query.sql().sql.starts_with(R"(WITH RECURSIVE "tree" ("id", "name", "depth") AS (SELECT "t1"."id", "t1"."name", )"));
    std::vector<std::string> lines;
    for (const auto& row : query.tuples()) lines.push_back(row.at(0).to_string() + ":" + row.at(1).to_string());
    CHECK(lines == std::vector<std::string>{"Books:1", "Electronics:1", "Fiction:2", "Laptops:2", "Phones:2", "Ultrabooks:3"});
  }

  TEST_CASE("joins to a subquery or a CTE need on=; select_from needs columns") {
    Seed000 s;
    auto latest = s.Tweet.select({s.Tweet["user"]}).alias("latest");
    Cte cte = s.Tweet.select({s.Tweet["user"]}).cte("authors");
    CHECK_THROWS_WITH_AS(s.User.select().join(latest),
                         "User.join(subquery \"latest\"): a subquery or CTE has no foreign key to join on; pass on= with the join condition",
                         ImproperlyConfigured);
    CHECK_THROWS_WITH_AS(s.User.select().join(cte),
                         "User.join(CTE \"authors\"): a subquery or CTE has no foreign key to join on; pass on= with the join condition",
                         ImproperlyConfigured);
    CHECK_THROWS_WITH_AS(cte.select_from({}), "CTE \"authors\".select_from(): name at least one column, e.g. cte.c(\"id\")", ProgrammingError);
  }
}
