// The SQL compiler: quoting, aliases, parentheses and parameter order, as Peewee writes them.

#include <doctest/doctest.h>

#include "peewasm/peewasm.hpp"

using namespace peewasm;

namespace {
struct Models {
  ModelRegistry registry;
  Model User = registry.define({.name = "User", .fields = {TextField("username")}});
  Model Tweet = registry.define({.name = "Tweet",
                                 .fields = {ForeignKeyField("user", User).backref("tweets"), TextField("content"),
                                            DateTimeField("timestamp"), IntegerField("flags")}});
  Model Comment = registry.define({.name = "Comment", .fields = {ForeignKeyField("tweet", Tweet), TextField("body")}});
};

void check_sql(const ModelSelect& query, const std::string& sql, const std::vector<Value>& params = {}) {
  CompiledSql compiled = query.sql();
  CHECK(compiled.sql == sql);
  CHECK(compiled.params == params);
}
}  // namespace

TEST_SUITE("sql") {
  TEST_CASE("comparisons, AND/OR/NOT and chained where() nest their parentheses as Peewee does") {
    Models m;
    Expr value;
    std::string expected;
    std::vector<Value> params;
    SUBCASE("one comparison") {
      value = m.User["username"] == "huey";
      expected = R"(("t1"."username" = ?))";
      params = {"huey"};
    }
    SUBCASE("AND of two") {
      value = (m.User["username"] == "huey") && (m.User["id"] > 3);
      expected = R"((("t1"."username" = ?) AND ("t1"."id" > ?)))";
      params = {"huey", 3};
    }
    SUBCASE("OR inside NOT") {
      value = !((m.User["id"] < 1) || (m.User["id"] >= 9));
      expected = R"(NOT (("t1"."id" < ?) OR ("t1"."id" >= ?)))";
      params = {1, 9};
    }
    SUBCASE("IS NULL from == null, IS NOT NULL from is_null(false), as in oracle rj002.s6.replies") {
      value = (m.User["username"] == Value()) && m.User["id"].is_null(false);
      expected = R"((("t1"."username" IS NULL) AND ("t1"."id" IS NOT NULL)))";
    }
    SUBCASE("IN a list, and an empty IN") {
      value = m.User["id"].in_({1, 2}) && m.User["id"].in_(std::vector<Expr>{});
      expected = R"((("t1"."id" IN (?, ?)) AND (0 = 1)))";
      params = {1, 2};
    }
    SUBCASE("contains is LIKE with wildcards, escaping the user's own") {
      value = m.User["username"].contains("50%_off");
      expected = R"(("t1"."username" LIKE ? ESCAPE ?))";
      params = {"%50\\%\\_off%", "\\"};
    }
    SUBCASE("Peewee's LIKE is SQLite's GLOB; BETWEEN") {
      value = m.User["username"].like("h*") && m.User["id"].between(1, 5);
      expected = R"((("t1"."username" GLOB ?) AND ("t1"."id" BETWEEN ? AND ?)))";
      params = {"h*", 1, 5};
    }
    SUBCASE("bitwise and arithmetic") {
      value = ((m.Tweet["flags"] & 1) != 0) && (m.Tweet["flags"] + 1 > 2);
      expected = R"(((("t1"."flags" & ?) != ?) AND (("t1"."flags" + ?) > ?)))";
      params = {1, 0, 1, 2};
    }
    // Compile the condition inside a query so that the sources have aliases.
    bool on_tweet = expected.find("flags") != std::string::npos;
    ModelSelect query = (on_tweet ? m.Tweet : m.User).select({SQL("1")}).where(value);
    std::string from = on_tweet ? R"("tweet")" : R"("user")";
    check_sql(query, "SELECT 1 FROM " + from + " AS \"t1\" WHERE " + expected, params);
  }

  TEST_CASE("functions, aliases, ordering, grouping, paging") {
    Models m;
    auto query = m.User.select({m.User["username"], fn("COUNT", m.Tweet["id"]).alias("count")})
                     .join(m.Tweet, JoinType::LeftOuter)
                     .group_by({m.User["username"]})
                     .having(fn("COUNT", m.Tweet["id"]) > 1)
                     .order_by({fn("COUNT", m.Tweet["id"]).desc(), m.User["username"].asc(Nulls::Last)})
                     .paginate(2, 10);
    check_sql(query,
              R"(SELECT "t1"."username", COUNT("t2"."id") AS "count" FROM "user" AS "t1" LEFT OUTER JOIN "tweet" AS "t2" ON ("t2"."user_id" = "t1"."id") GROUP BY "t1"."username" HAVING (COUNT("t2"."id") > ?) ORDER BY COUNT("t2"."id") DESC, "t1"."username" ASC NULLS LAST LIMIT ? OFFSET ?)",
              {1, 10, 10});
  }

  TEST_CASE("subqueries get their own aliases and correlated ones see the outer query") {
    Models m;
    SUBCASE("IN a subquery") {
      auto staff = m.User.select({m.User["id"]}).where(m.User["username"] == "huey");
      check_sql(m.Tweet.select().where(m.Tweet["user"].in_(staff)),
                R"(SELECT "t1"."id", "t1"."user_id", "t1"."content", "t1"."timestamp", "t1"."flags" FROM "tweet" AS "t1" WHERE ("t1"."user_id" IN (SELECT "t2"."id" FROM "user" AS "t2" WHERE ("t2"."username" = ?))))",
                {"huey"});
    }
    SUBCASE("a correlated subquery as a column, and EXISTS") {
      auto comments = m.Comment.select({fn("COUNT", m.Comment["id"])}).where(m.Comment["tweet"] == m.Tweet["id"]);
      check_sql(m.Tweet.select({m.Tweet["id"], Expr(comments).alias("n")}).where(fn("EXISTS", comments)),
                R"(SELECT "t1"."id", (SELECT COUNT("t2"."id") FROM "comment" AS "t2" WHERE ("t2"."tweet_id" = "t1"."id")) AS "n" FROM "tweet" AS "t1" WHERE EXISTS(SELECT COUNT("t2"."id") FROM "comment" AS "t2" WHERE ("t2"."tweet_id" = "t1"."id")))");
    }
    SUBCASE("the same model inside and outside") {
      auto latest = m.Tweet.select({m.Tweet["user"], fn("MAX", m.Tweet["timestamp"]).alias("max_ts")}).group_by({m.Tweet["user"]});
      check_sql(m.Tweet.select({m.Tweet["id"]}).where(m.Tweet["id"].in_(latest.select({m.Tweet["id"]}))),
                R"(SELECT "t1"."id" FROM "tweet" AS "t1" WHERE ("t1"."id" IN (SELECT "t2"."id" FROM "tweet" AS "t2" GROUP BY "t2"."user_id")))");
    }
  }

  TEST_CASE("self-joins through aliases") {
    ModelRegistry registry;
    Model Category = registry.define({.name = "Category", .fields = {CharField("name"), ForeignKeyField("parent", "self").null()}});
    Model Parent = Category.alias();
    Model GrandParent = Category.alias();
    auto query = Category.select({Category, Parent})
                     .join(Parent, JoinType::Inner, Category["parent"] == Parent["id"])
                     .join(GrandParent, JoinType::Inner, Parent["parent"] == GrandParent["id"])
                     .where(GrandParent["name"] == "some category")
                     .order_by({Category["name"]});
    check_sql(query,
              R"(SELECT "t1"."id", "t1"."name", "t1"."parent_id", "t2"."id", "t2"."name", "t2"."parent_id" FROM "category" AS "t1" INNER JOIN "category" AS "t2" ON ("t1"."parent_id" = "t2"."id") INNER JOIN "category" AS "t3" ON ("t2"."parent_id" = "t3"."id") WHERE ("t3"."name" = ?) ORDER BY "t1"."name")",
              {"some category"});
  }

  TEST_CASE("joins without a usable foreign key are refused naming both models") {
    ModelRegistry registry;
    Model User = registry.define({.name = "User", .fields = {TextField("username")}});
    Model Note = registry.define({.name = "Note", .fields = {TextField("body")}});
    Model Relationship = registry.define({.name = "Relationship",
                                          .fields = {ForeignKeyField("from_user", User), ForeignKeyField("to_user", User)}});
    CHECK_THROWS_WITH_AS(User.select().join(Note), "User.join(Note): no foreign key between User and Note; pass on= with the join condition",
                         ImproperlyConfigured);
    CHECK_THROWS_WITH_AS(User.select().join(Relationship),
                         "User.join(Relationship): more than one foreign key between User and Relationship "
                         "(Relationship.from_user, Relationship.to_user); pass on= naming the one to join on",
                         ImproperlyConfigured);
    CHECK(User.select().join(Relationship, JoinType::Inner, Relationship["to_user"]).sql().sql ==
          R"(SELECT "t1"."id", "t1"."username" FROM "user" AS "t1" INNER JOIN "relationship" AS "t2" ON ("t2"."to_user_id" = "t1"."id"))");
  }

  TEST_CASE("write queries name their table and keep subqueries aliased") {
    Models m;
    auto inner = m.User.select({m.User["id"]}).where(m.User["username"].contains("h"));
    CHECK(m.Tweet.delete_().where(m.Tweet["user"].in_(inner)).sql().sql ==
          R"(DELETE FROM "tweet" WHERE ("tweet"."user_id" IN (SELECT "t1"."id" FROM "user" AS "t1" WHERE ("t1"."username" LIKE ?))))");
    CompiledSql update = m.Tweet.update({{"flags", m.Tweet["flags"] | 8}}).sql();
    CHECK(update.sql == R"(UPDATE "tweet" SET "flags" = ("tweet"."flags" | ?))");
    CHECK(update.params == std::vector<Value>{8});
    CHECK(m.User.insert().sql().sql == R"(INSERT INTO "user" DEFAULT VALUES)");
  }
}
