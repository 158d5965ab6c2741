// The eager-loading examples of seeds 000 and 002 ("Avoiding the N+1 problem", "Eager Loading"),
// each checked against the oracle: printed lines, query count, statements.

#include <doctest/doctest.h>

#include <algorithm>
#include <type_traits>

#include "peewasm/peewasm.hpp"
#include "support/example_run.hpp"
#include "support/python_repr.hpp"
#include "support/seed000.hpp"
#include "support/seed002.hpp"

using namespace peewasm;
using namespace peewasm::test;

namespace {
// Whether a type has a query's where(), as the prefetched list of Peewee's example lacks it.
template <class List>
concept filterable = requires(const List& list) { list.where(Expr()); };
static_assert(filterable<ModelSelect>);
}  // namespace

TEST_SUITE("loading") {
  TEST_CASE("seed 000, Avoiding the N+1 problem: a join for the recent tweets, prefetch for the week's") {
    Seed000 s;
    ExampleRun run(s.db);
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
    run.check(lines, id);
  }

  TEST_CASE("seed 002, Eager Loading: N+1, join + select, prefetch (filtered, deep, many-to-many, after a join filter)") {
    Seed002 s;
    ExampleRun run(s.db);
    std::vector<std::string> lines;
    std::string id;
    LineOrder order = LineOrder::Any;
    auto title = [](const Instance& article) { return article.get("title").to_string(); };
    SUBCASE("8: one query per article for its author") {
      id = "rj002.s8.nplus1";
      for (const Instance& article : s.Article.select().execute()) {
        lines.push_back(title(article) + " by " + article.related("author")->get("name").to_string());
      }
    }
    SUBCASE("8.1: join + select, one query") {
      id = "rj002.s8_1.join_select";
      for (const Instance& article : s.Article.select({s.Article, s.User}).join(s.User).execute()) {
        lines.push_back(title(article) + " by " + article.related("author")->get("name").to_string());
      }
    }
    SUBCASE("8.2: prefetch, two queries") {
      id = "rj002.s8_2.prefetch";
      for (const Instance& article : prefetch(s.Article.select(), {s.Comment.select()})) {
        lines.push_back(title(article) + " " + std::to_string(article.prefetched("comments").size()));
      }
    }
    SUBCASE("8.2: filter the comment query, not the prefetched list") {
      id = "rj002.s8_2.prefetch_filtered";
      Value yesterday("2023-12-31 00:00:00");  // now() - 1 day on the oracle's clock
      ModelSelect recent = s.Comment.select().where(s.Comment["created_at"] > yesterday);
      for (const Instance& article : prefetch(s.Article.select(), {recent})) {
        std::vector<Value> bodies;
        for (const Instance& comment : article.prefetched("comments")) bodies.push_back(comment.get("body"));
        lines.push_back(title(article) + " " + py_list(bodies));
      }
    }
    SUBCASE("8.2: the prefetched backref is a list") {
      id = "rj002.s8_2.prefetched_is_list";
      Instance article = prefetch(s.Article.select().where(s.Article["id"] == 1), {s.Comment.select()}).at(0);
      const auto& comments = article.prefetched("comments");
      // Peewee's second line is an AttributeError at run time: list has no where(). Here the
      // list is a std::vector, so the mistake does not compile.
      static_assert(!filterable<std::decay_t<decltype(comments)>>);
      lines = {"list " + std::to_string(comments.size()), oracle_output(id).at(1)};
      order = LineOrder::Exact;
    }
    SUBCASE("8.2: three levels, the comments' authors by their foreign key") {
      id = "rj002.s8_2.prefetch_deep";
      for (const Instance& article : prefetch(s.Article.select(), {s.Comment.select(), s.User.select()})) {
        std::vector<std::string> pairs;
        for (const Instance& comment : article.prefetched("comments")) {
          pairs.push_back(py_join({py_repr(comment.get("body")), py_repr(comment.related("author")->get("name"))}, true));
        }
        lines.push_back(title(article) + " " + py_join(pairs));
      }
    }
    SUBCASE("8.3: many-to-many through the through model") {
      id = "rj002.s8_3.prefetch_many_to_many";
      for (const Instance& article :
           prefetch(s.Article.select().order_by({s.Article["id"]}), {s.ArticleTag.select(), s.Tag.select()})) {
        std::vector<std::string> names;
        for (const Instance& link : article.prefetched("article_tags")) {
          names.push_back(link.related("tag")->get("name").as_text());
        }
        std::sort(names.begin(), names.end());
        std::vector<Value> sorted(names.begin(), names.end());
        lines.push_back(title(article) + " " + py_list(sorted));
      }
      order = LineOrder::Exact;
    }
    SUBCASE("8.4: a join filters the articles, prefetch loads their comments") {
      id = "rj002.s8_4.filter_join_prefetch_load";
      ModelSelect staff_articles = s.Article.select().join(s.User).where(s.User["is_staff"] == true);
      for (const Instance& article : prefetch(staff_articles, {s.Comment.select()})) {
        lines.push_back(title(article) + " " + std::to_string(article.prefetched("comments").size()));
      }
    }
    run.check(lines, id, order);
  }
}
