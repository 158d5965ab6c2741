// Seed 002 sections 6 (trees), 7 (joins) and 9 (aggregates) against the oracle: SQL, params,
// query counts and printed lines.

#include <doctest/doctest.h>

#include "peewasm/peewasm.hpp"
#include "support/oracle.hpp"
#include "support/output_check.hpp"
#include "support/python_repr.hpp"
#include "support/query_count.hpp"
#include "support/seed002.hpp"

using namespace peewasm;
using peewasm::test::check_oracle;
using peewasm::test::check_output;
using peewasm::test::LineOrder;
using peewasm::test::oracle_case;
using peewasm::test::py_join;
using peewasm::test::py_list;
using peewasm::test::py_repr;
using peewasm::test::Recorder;
using peewasm::test::Seed002;
using peewasm::test::words;
using peewasm::test::str;
using peewasm::test::listed;

namespace {
int oracle_count(const std::string& id) { return oracle_case(id)["query_count"].get<int>(); }

const char* kYesterday = "2023-12-31 00:00:00";  // datetime.datetime(2023, 12, 31)

// Seed 002 section 6.1: every comment below `root`, any depth, with a recursive CTE.
ModelSelect descendants(const Seed002& s, const Instance& root) {
  Cte seed = s.Comment.select({s.Comment["id"], s.Comment["parent"], s.Comment["body"]})
                 .where(s.Comment["parent"] == root.get("id"))
                 .cte("descendants", true, {"id", "parent_id", "body"});
  Model Child = s.Comment.alias();
  auto step = Child.select({Child["id"], Child["parent"], Child["body"]}).join(seed, JoinType::Inner, Child["parent"] == seed.c("id"));
  Cte cte = seed.union_all(step);
  return cte.select_from({cte.c("id"), cte.c("parent_id"), cte.c("body")});
}
}  // namespace

TEST_SUITE("query") {
  TEST_CASE("seed 002 section 6: replies of a comment, and all its descendants with a recursive CTE") {
    Seed002 s;
    Recorder recorder(s.db);
    QueryCount count(s.db);
    std::vector<std::string> lines;
    std::string id;
    SUBCASE("replies") {
      id = "rj002.s6.replies";
      std::vector<Instance> top_level = s.Comment.select().where(s.Comment["parent"].is_null()).execute();
      for (const Instance& reply : top_level.at(0).backref("replies").execute()) lines.push_back(str(reply.get("body")));
    }
    SUBCASE("descendants as tuples") {
      id = "rj002.s6_1.descendants";
      for (const auto& row : descendants(s, s.c1).tuples()) {
        lines.push_back(py_join({py_repr(row.at(0)), py_repr(row.at(1)), py_repr(row.at(2))}, true));
      }
      lines.push_back("ModelSelect");  // type(query).__name__
    }
    SUBCASE("descendants as Comment instances") {
      id = "rj002.s6_1.descendants_default_rows";
      for (const Instance& row : descendants(s, s.c1).execute()) {
        lines.push_back(words({row.meta().name(), str(row.get("id")), str(row.get("parent_id")), str(row.get("body"))}));
      }
    }
    CHECK(count.delta() == oracle_count(id));
    check_output(lines, id);
    check_oracle(recorder, id);
  }

  TEST_CASE("seed 002 section 7: the default join, outer joins, explicit on=") {
    Seed002 s;
    Recorder recorder(s.db);
    QueryCount count(s.db);
    std::vector<std::string> lines;
    std::string id;
    SUBCASE("default join") {
      id = "rj002.s7_2.default_join";
      lines.push_back(listed(s.Article.select().join(s.User).where(s.User["email"].endswith("@example.com")).execute(), "title"));
    }
    SUBCASE("left outer") {
      id = "rj002.s7_3.left_outer";
      lines.push_back(listed(s.User.select().join(s.Article, JoinType::LeftOuter).execute(), "name"));
    }
    SUBCASE("every join type") {
      id = "rj002.s7_3.join_types";
      const std::vector<std::tuple<std::string, JoinType>> types = {{"INNER", JoinType::Inner},         {"LEFT_OUTER", JoinType::LeftOuter},
                                                                    {"RIGHT_OUTER", JoinType::RightOuter}, {"FULL", JoinType::Full},
                                                                    {"FULL_OUTER", JoinType::FullOuter},   {"CROSS", JoinType::Cross}};
      for (const auto& [name, type] : types) {
        auto q = s.User.select({s.User["name"], s.Article["title"]});
        q = type == JoinType::Cross ? q.join(s.Article, type) : q.join(s.Article, type, s.Article["author"] == s.User["id"]);
        lines.push_back(words({name, std::string(to_sql(type)) + " JOIN", std::to_string(q.tuples().size())}));
      }
    }
    SUBCASE("explicit on=") {
      id = "rj002.s7_4.explicit_on";
      lines.push_back(listed(s.Article.select().join(s.User, JoinType::Inner, s.Article["author"] == s.User["id"]).execute(), "title"));
    }
    CHECK(count.delta() == oracle_count(id));
    check_output(lines, id, id == "rj002.s7_4.explicit_on" ? LineOrder::Exact : LineOrder::Any);
    check_oracle(recorder, id);
  }

  TEST_CASE("seed 002 section 7.5: two foreign keys to User, one join each through an alias") {
    peewasm::test::Seed002Editor s;
    Recorder recorder(s.db);
    SUBCASE("an implicit join is ambiguous and names both fields") {
      CHECK_THROWS_WITH_AS(s.Article.select().join(s.User),
                           "Article.join(User): more than one foreign key between Article and User "
                           "(Article.author, Article.editor); pass on= naming the one to join on",
                           ImproperlyConfigured);
      check_oracle(recorder, "rj002.s7_5.implicit_join_ambiguous");
    }
    SUBCASE("join on the editor") {
      auto query = s.Article.select().join(s.User, JoinType::Inner, s.Article["editor"] == s.User["id"]).where(s.User["email"] == "alice@example.com");
      check_output({listed(query.execute(), "title")}, "rj002.s7_5.editor_join");
      check_oracle(recorder, "rj002.s7_5.editor_join");
    }
    SUBCASE("author and editor in one query") {
      QueryCount count(s.db);
      Model EditorAlias = s.User.alias();
      auto query = s.Article.select({s.Article, s.User, EditorAlias})
                       .join(s.User, JoinType::Inner, s.Article["author"] == s.User["id"], "author")
                       .switch_(s.Article)
                       .join(EditorAlias, JoinType::Inner, s.Article["editor"] == EditorAlias["id"], "editor");
      std::vector<std::string> lines;
      for (const Instance& article : query.execute()) {
        lines.push_back(str(article.related("author")->get("name")));
        lines.push_back(str(article.related("editor")->get("name")));
      }
      CHECK(count.delta() == 1);
      check_output(lines, "rj002.s7_5.author_editor_aliases");
      check_oracle(recorder, "rj002.s7_5.author_editor_aliases");
    }
  }

  TEST_CASE("seed 002 section 7: switch, chains, arbitrary join fields") {
    Seed002 s;
    Recorder recorder(s.db);
    std::vector<std::string> lines;
    std::string id;
    SUBCASE("switch") {
      id = "rj002.s7_6.switch";
      auto query = s.Article.select({s.Article, s.User, s.Tag})
                       .join(s.User)
                       .switch_(s.Article)
                       .join(s.ArticleTag)
                       .join(s.Tag)
                       .where(s.Tag["name"] == "python");
      for (const Instance& article : query.execute()) {
        lines.push_back(words({str(article.get("title")), str(article.related("author")->get("name")),
                               str(article.related("articletag")->related("tag")->get("name"))}));
      }
    }
    SUBCASE("chain") {
      id = "rj002.s7_8.chain";
      auto query = s.Article.select({s.Article, s.Comment, s.User})
                       .join(s.Comment)
                       .join(s.User, JoinType::Inner, s.Comment["author"] == s.User["id"])
                       .where(s.Article["id"] == 42);
      for (const Instance& article : query.execute()) {
        Instance comment = *article.related("comment");
        lines.push_back(words({str(article.get("title")), str(comment.get("body")), str(comment.related("author")->get("name"))}));
      }
    }
    check_output(lines, id, LineOrder::Any);
    check_oracle(recorder, id);
  }

  TEST_CASE("seed 002 section 7.7: a join on fields that are not foreign keys") {
    peewasm::test::Seed002Base s;
    Recorder recorder(s.db);
    Model Customer = s.models.define({.name = "Customer", .fields = {CharField("name"), CharField("email").unique()}, .extends = s.BaseModel});
    Model Order = s.models.define({.name = "Order", .fields = {CharField("customer_email"), IntegerField("total")}, .extends = s.BaseModel});
    create_tables(s.db, {Customer, Order});
    Customer.create({{"name", "Alice"}, {"email", "alice@example.com"}});
    Customer.create({{"name", "Bob"}, {"email", "bob@example.com"}});
    for (auto [email, total] : std::vector<std::pair<std::string, int>>{
             {"alice@example.com", 10}, {"bob@example.com", 20}, {"alice@example.com", 30}, {"nobody@example.com", 40}}) {
      Order.create({{"customer_email", email}, {"total", total}});
    }
    auto query = Order.select({Order, Customer}).join(Customer, JoinType::Inner, Order["customer_email"] == Customer["email"]);
    std::vector<std::string> lines;
    for (const Instance& order : query.execute()) lines.push_back(words({str(order.get("total")), str(order.related("customer")->get("name"))}));
    check_output(lines, "rj002.s7_7.arbitrary_fields", LineOrder::Any);
    check_oracle(recorder, "rj002.s7_7.arbitrary_fields");
  }

  TEST_CASE("seed 002 section 7.9: joined is not loaded; subqueries in WHERE and in the select list") {
    Seed002 s;
    Recorder recorder(s.db);
    QueryCount count(s.db);
    std::vector<std::string> lines;
    std::string id;
    SUBCASE("joined, not selected: one query per row for the author") {
      id = "rj002.s7_9.joined_not_loaded";
      for (const Instance& article : s.Article.select().join(s.User).where(s.User["created_at"] > kYesterday).execute()) {
        lines.push_back(str(article.related("author")->get("name")));
      }
    }
    SUBCASE("joined and selected") {
      id = "rj002.s7_9.joined_and_loaded";
      for (const Instance& article : s.Article.select({s.Article, s.User}).join(s.User).execute()) {
        lines.push_back(str(article.related("author")->get("name")));
      }
    }
    SUBCASE("IN a subquery") {
      id = "rj002.s7_9_1.in_subquery";
      auto staff_ids = s.User.select({s.User["id"]}).where(s.User["is_staff"] == true);
      lines.push_back(listed(s.Article.select().where(s.Article["author"].in_(staff_ids)).execute(), "title"));
    }
    SUBCASE("a correlated subquery as a column") {
      id = "rj002.s7_9_2.correlated_subquery";
      auto recent_count = s.Comment.select({fn("COUNT", s.Comment["id"])})
                              .where((s.Comment["article"] == s.Article["id"]) && (s.Comment["created_at"] > kYesterday))
                              .alias("recent_count");
      for (const Instance& article : s.Article.select({s.Article, recent_count.expr()}).execute()) {
        lines.push_back(words({str(article.get("title")), str(article.get("recent_count"))}));
      }
    }
    SUBCASE("EXISTS") {
      id = "rj002.s7_9_2.exists";
      auto has_comments = s.Comment.select({s.Comment["id"]}).where(s.Comment["article"] == s.Article["id"]);
      lines.push_back(listed(s.Article.select({s.Article["title"]}).where(fn("EXISTS", has_comments)).execute(), "title"));
    }
    CHECK(count.delta() == oracle_count(id));
    check_output(lines, id, LineOrder::Any);
    check_oracle(recorder, id);
  }

  TEST_CASE("seed 002 section 9: counts per parent, ordering by an alias, HAVING, other aggregates") {
    Seed002 s;
    Recorder recorder(s.db);
    std::vector<std::string> lines;
    std::string id;
    auto with_article_count = [&](const ModelSelect& query, JoinType type) {
      return query.select({s.User, fn("COUNT", s.Article["id"]).alias("article_count")}).join(s.Article, type).group_by({s.User["id"]});
    };
    auto name_and_count = [&](const ModelSelect& query) {
      for (const Instance& user : query.execute()) lines.push_back(words({str(user.get("name")), str(user.get("article_count"))}));
    };
    auto pairs = [&](const ModelSelect& query) {
      std::vector<std::string> items;
      for (const Instance& user : query.execute()) items.push_back(py_join({py_repr(user.get("name")), py_repr(user.get("article_count"))}, true));
      lines.push_back(py_join(items));
    };
    SUBCASE("count children") {
      id = "rj002.s9_1.count_children";
      name_and_count(with_article_count(s.User.select(), JoinType::LeftOuter));
    }
    SUBCASE("order by the alias") {
      id = "rj002.s9_2.count_order_by_alias";
      name_and_count(with_article_count(s.User.select(), JoinType::LeftOuter).order_by({SQL("article_count").desc()}));
    }
    SUBCASE("having, nobody") {
      id = "rj002.s9_3.having";
      pairs(with_article_count(s.User.select(), JoinType::Inner).having(fn("COUNT", s.Article["id"]) >= 5));
    }
    SUBCASE("having, two") {
      id = "rj002.s9_3.having_2";
      pairs(with_article_count(s.User.select(), JoinType::Inner).having(fn("COUNT", s.Article["id"]) >= 2).order_by({s.User["name"]}));
    }
    SUBCASE("other aggregates") {
      id = "rj002.s9_4.other_aggregates";
      auto query = s.Article.select({s.Article["title"], fn("COUNT", s.Comment["id"]).alias("n"), fn("MIN", s.Comment["created_at"]).alias("first"),
                                     fn("MAX", s.Comment["created_at"]).alias("last"), fn("SUM", s.Comment["id"]).alias("id_sum"),
                                     fn("AVG", s.Comment["id"]).alias("id_avg")})
                       .join(s.Comment, JoinType::LeftOuter)
                       .group_by({s.Article["id"]})
                       .order_by({s.Article["id"]});
      for (const Instance& a : query.execute()) {
        lines.push_back(words({str(a.get("title")), str(a.get("n")), str(a.get("first")), str(a.get("last")), str(a.get("id_sum")), str(a.get("id_avg"))}));
      }
    }
    check_output(lines, id, id == "rj002.s9_2.count_order_by_alias" || id == "rj002.s9_1.count_children" ? LineOrder::Any : LineOrder::Exact);
    check_oracle(recorder, id);
  }
}
