// Seed 002 ("Relationships" application guide): its relationship examples, byte for byte against
// the oracle, with the printed lines and the query counts.

#include <doctest/doctest.h>

#include <algorithm>

#include "peewasm/peewasm.hpp"
#include "support/oracle.hpp"
#include "support/python_repr.hpp"
#include "support/query_count.hpp"
#include "support/seed002.hpp"

using namespace peewasm;
using peewasm::test::check_oracle;
using peewasm::test::check_statements;
using peewasm::test::oracle_output;
using peewasm::test::oracle_statements;
using peewasm::test::Recorder;

TEST_SUITE("schema") {
  TEST_CASE("the seed 002 fixtures run the setups the oracle recorded") {
    SUBCASE("s002") { check_statements(test::Seed002().setup_statements, oracle_statements("rj002.s3_2.traverse", "setup")); }
    SUBCASE("s002.on_delete") {
      check_statements(test::Seed002OnDelete().setup_statements,
                       oracle_statements("rj002.s3_3.cascade_and_set_null", "setup"));
    }
    SUBCASE("s002.on_delete_pragma_off") {
      check_statements(test::Seed002OnDelete(false).setup_statements, oracle_statements("rj002.s3_3.pragma_off", "setup"));
    }
    SUBCASE("s002.editor") {
      check_statements(test::Seed002Editor().setup_statements,
                       oracle_statements("rj002.s7_5.implicit_join_ambiguous", "setup"));
    }
  }
}

namespace {

using test::py_join;
using test::py_list;
using test::py_repr;

// Python's [a.<field> for a in rows].
std::string field_list(const std::vector<Instance>& rows, const std::string& field) {
  std::vector<Value> values;
  for (const Instance& row : rows) values.push_back(row.get(field));
  return py_list(values);
}

// The SQL of one of an oracle case's named queries (`queries` in cases.json).
std::string oracle_query_sql(const std::string& id, const std::string& name) {
  return test::oracle_case(id)["queries"][name]["sql"];
}

// Python's "<User: 1>".
std::string repr(const Instance& instance) { return "<" + instance.meta().name() + ": " + instance.str() + ">"; }

}  // namespace

TEST_SUITE("query") {
  TEST_CASE("seed 002, 1: denormalized columns, then split models navigated both ways") {
    test::Seed002Base seed;
    Recorder recorder(seed.db);
    QueryCount count(seed.db);
    SUBCASE("rj002.s1.denormalized_ddl") {
      Model Article = seed.models.define({.name = "Article",
                                          .fields = {CharField("title"), TextField("body"), CharField("author_name"),
                                                     CharField("author_email"), TextField("author_bio")},
                                          .extends = seed.BaseModel});
      create_tables(seed.db, {Article});
      CHECK(count.delta() == 1);
      check_oracle(recorder, "rj002.s1.denormalized_ddl");
    }
    SUBCASE("rj002.s1.split_models") {
      Model User = seed.models.define({.name = "User",
                                       .fields = {CharField("name"), CharField("email").unique(), TextField("bio").default_value("")},
                                       .extends = seed.BaseModel});
      Model Article = seed.models.define(
          {.name = "Article",
           .fields = {CharField("title"), TextField("body"), ForeignKeyField("author", User).backref("articles").on_delete("CASCADE")},
           .extends = seed.BaseModel});
      create_tables(seed.db, {User, Article});
      Instance user = User.create({{"name", "Alice"}, {"email", "alice@example.com"}});
      Instance article = Article.create({{"title", "Hello"}, {"body", "..."}, {"author", user}});
      article = Article.get_by_id(article.get("id"));
      std::vector<std::string> lines;
      lines.push_back(article.related("author")->get("name").to_string());
      lines.push_back(field_list(user.backref("articles").execute(), "title"));
      CHECK(lines == oracle_output("rj002.s1.split_models"));
      CHECK(user.backref("articles").sql().sql == oracle_query_sql("rj002.s1.split_models", "user.articles"));
      CHECK(count.delta() == 9);
      check_oracle(recorder, "rj002.s1.split_models");
    }
  }

  TEST_CASE("seed 002, 3.1: a foreign key with ON DELETE CASCADE and its index") {
    test::Seed002Base seed;
    Recorder recorder(seed.db);
    QueryCount count(seed.db);
    Model User = seed.models.define(
        {.name = "User", .fields = {CharField("name"), CharField("email").unique()}, .extends = seed.BaseModel});
    Model Article = seed.models.define(
        {.name = "Article",
         .fields = {CharField("title"), TextField("body"), ForeignKeyField("author", User).backref("articles").on_delete("CASCADE")},
         .extends = seed.BaseModel});
    create_tables(seed.db, {User, Article});
    CHECK(count.delta() == 4);
    check_oracle(recorder, "rj002.s3_1.article_ddl");
    CHECK(SchemaManager(Article).create_table_sql(false).sql == oracle_query_sql("rj002.s3_1.article_ddl", "create_table"));
    CHECK(SchemaManager(Article).create_indexes_sql(false).at(0).sql ==
          oracle_query_sql("rj002.s3_1.article_ddl", "create_index"));
  }

  TEST_CASE("seed 002, 3.2: forward is one instance, reverse is a query that chains") {
    test::Seed002 seed;
    Recorder recorder(seed.db);
    QueryCount count(seed.db);
    const Model& Article = seed.Article;
    std::vector<std::string> lines;
    Instance article = Article.get_by_id(1);
    lines.push_back(repr(*article.related("author")));
    lines.push_back(article.related("author")->get("name").to_string());
    Instance user = seed.User.get_by_id(1);
    ModelSelect articles = user.backref("articles");
    lines.push_back(field_list(articles.execute(), "title"));
    ModelSelect where_contains = articles.where(Article["title"].contains("Python"));
    lines.push_back(field_list(where_contains.execute(), "title"));
    ModelSelect order_limit = articles.order_by({Article["created_at"].desc()}).limit(5);
    lines.push_back(field_list(order_limit.execute(), "title"));
    lines.push_back(std::to_string(articles.count()));
    CHECK(lines == oracle_output("rj002.s3_2.traverse"));
    CHECK(count.delta() == 7);
    check_oracle(recorder, "rj002.s3_2.traverse");
    CHECK(articles.sql().sql == oracle_query_sql("rj002.s3_2.traverse", "user.articles"));
    CHECK(where_contains.sql().sql == oracle_query_sql("rj002.s3_2.traverse", "where_contains"));
    CHECK(order_limit.sql().sql == oracle_query_sql("rj002.s3_2.traverse", "order_limit"));
  }

  TEST_CASE("seed 002, 3.3: SQLite enforces on_delete when foreign_keys is on") {
    SUBCASE("CASCADE deletes the articles (and their comments); SET NULL keeps comments without an author") {
      test::Seed002OnDelete seed;
      Recorder recorder(seed.db);
      QueryCount count(seed.db);
      std::vector<std::string> lines = seed.show();
      seed.alice.delete_instance();
      for (const std::string& line : seed.show()) lines.push_back(line);
      CHECK(lines == oracle_output("rj002.s3_3.cascade_and_set_null"));
      CHECK(count.delta() == 5);
      check_oracle(recorder, "rj002.s3_3.cascade_and_set_null");
    }
    SUBCASE("RESTRICT refuses, and the rolled-back delete leaves every row in place") {
      test::Seed002OnDelete seed;
      std::int64_t invoices_before = seed.Invoice.select().count();
      Recorder recorder(seed.db);
      QueryCount count(seed.db);
      std::vector<std::string> lines;
      try {
        seed.db.atomic([&] { seed.carol.delete_instance(); });
      } catch (const IntegrityError& error) {
        lines.push_back(std::string("IntegrityError: ") + error.what());
      }
      lines.push_back(std::to_string(seed.User.select().where(seed.User["name"] == "Carol").count()));
      CHECK(lines == oracle_output("rj002.s3_3.restrict"));
      CHECK(count.delta() == 4);
      check_oracle(recorder, "rj002.s3_3.restrict");
      CHECK(seed.User.select().count() == 4);
      CHECK(seed.Invoice.select().count() == invoices_before);
      CHECK(seed.carol.backref("invoices").count() == 1);
    }
    SUBCASE("no on_delete (NO ACTION) fails as well") {
      test::Seed002OnDelete seed;
      Recorder recorder(seed.db);
      QueryCount count(seed.db);
      std::vector<std::string> lines;
      try {
        seed.dave.delete_instance();
      } catch (const IntegrityError& error) {
        lines.push_back(std::string("IntegrityError: ") + error.what());
      }
      lines.push_back(std::to_string(seed.User.select().where(seed.User["name"] == "Dave").count()));
      CHECK(lines == oracle_output("rj002.s3_3.no_action_default"));
      CHECK(count.delta() == 2);
      check_oracle(recorder, "rj002.s3_3.no_action_default");
    }
    SUBCASE("with foreign_keys off SQLite ignores ON DELETE") {
      test::Seed002OnDelete seed(false);
      Recorder recorder(seed.db);
      QueryCount count(seed.db);
      std::vector<std::string> lines = seed.show();
      seed.alice.delete_instance();
      for (const std::string& line : seed.show()) lines.push_back(line);
      seed.dave.delete_instance();
      std::int64_t notes = seed.Note.select().count();  // in the order Python evaluates them
      lines.push_back(std::to_string(notes) + " " + std::to_string(seed.Memo.select().count()));
      CHECK(lines == oracle_output("rj002.s3_3.pragma_off"));
      CHECK(count.delta() == 8);
      check_oracle(recorder, "rj002.s3_3.pragma_off");
    }
  }

  TEST_CASE("seed 002, 3.4: one backref per foreign key; backref \"+\" creates none") {
    test::Seed002Base seed;
    Recorder recorder(seed.db);
    QueryCount count(seed.db);
    Model User = seed.models.define({.name = "User", .fields = {CharField("name")}, .extends = seed.BaseModel});
    SUBCASE("rj002.s3_4.two_backrefs") {
      Model Article = seed.models.define({.name = "Article",
                                          .fields = {CharField("title"), ForeignKeyField("author", User).backref("authored_articles"),
                                                     ForeignKeyField("editor", User).backref("edited_articles").null()},
                                          .extends = seed.BaseModel});
      create_tables(seed.db, {User, Article});
      Instance alice = User.create({{"name", "Alice"}});
      Instance bob = User.create({{"name", "Bob"}});
      Article.create({{"title", "A1"}, {"author", alice}, {"editor", bob}});
      Article.create({{"title", "A2"}, {"author", alice}});
      Article.create({{"title", "B1"}, {"author", bob}, {"editor", alice}});
      std::vector<std::string> lines{field_list(alice.backref("authored_articles").execute(), "title"),
                                     field_list(alice.backref("edited_articles").execute(), "title")};
      CHECK(lines == oracle_output("rj002.s3_4.two_backrefs"));
      CHECK(count.delta() == 11);
      check_oracle(recorder, "rj002.s3_4.two_backrefs");
      CHECK(alice.backref("edited_articles").sql().sql ==
            oracle_query_sql("rj002.s3_4.two_backrefs", "alice.edited_articles"));
    }
    SUBCASE("rj002.s3_4.backref_plus") {
      Model Article = seed.models.define({.name = "Article",
                                          .fields = {CharField("title"), ForeignKeyField("author", User).backref("+")},
                                          .extends = seed.BaseModel});
      create_tables(seed.db, {User, Article});
      Instance alice = User.create({{"name", "Alice"}});
      Article.create({{"title", "A1"}, {"author", alice}});
      auto has = [&](const char* name) { return User.meta().find_backref(name) ? "True" : "False"; };
      std::vector<std::string> rows;
      for (const Instance& a : Article.select({Article, User}).join(User).execute()) {
        rows.push_back(py_join({py_repr(a.get("title")), py_repr(a.related("author")->get("name"))}, true));
      }
      std::vector<std::string> lines{std::string(has("article_set")) + " " + has("+"), py_join(rows)};
      CHECK(lines == oracle_output("rj002.s3_4.backref_plus"));
      CHECK(count.delta() == 6);
      check_oracle(recorder, "rj002.s3_4.backref_plus");
      CHECK_THROWS_WITH_AS(alice.backref("article_set"), "User has no backref 'article_set'; its backrefs are: (none)",
                           ImproperlyConfigured);
    }
  }

  TEST_CASE("seed 002, 3.5: column_name renames the column and the _id accessor, never queries") {
    test::Seed002Base seed;
    Recorder recorder(seed.db);
    QueryCount count(seed.db);
    Model User = seed.models.define({.name = "User", .fields = {CharField("name")}, .extends = seed.BaseModel});
    Model Article = seed.models.define({.name = "Article",
                                        .fields = {ForeignKeyField("author", User).backref("articles").column_name("user_id")},
                                        .extends = seed.BaseModel});
    create_tables(seed.db, {User, Article});
    Instance alice = User.create({{"name", "Alice"}});
    Instance article = Article.create({{"author", alice}});
    article = Article.get_by_id(article.get("id"));
    auto has = [&](const char* name) { return article.has(name) ? "True" : "False"; };
    std::vector<std::string> lines{std::string(has("author_id")) + " " + has("user_id")};
    std::int64_t before_id = count.delta();
    Value user_id = article.get("user_id");
    CHECK(count.delta() == before_id);  // the raw id is a column, not a query
    lines.push_back(user_id.to_string() + " " + article.related("author")->get("name").to_string());
    ModelSelect query = Article.select().join(User).where(User["name"] == "Alice");
    lines.push_back(test::py_sql(query.sql()));
    CHECK(lines == oracle_output("rj002.s3_5.column_name"));
    CHECK(count.delta() == 7);
    check_oracle(recorder, "rj002.s3_5.column_name");
  }

  TEST_CASE("seed 002, 4: one-to-one is a unique foreign key; get() and first() on the backref") {
    SUBCASE("rj002.s4.profile_ddl") {
      test::Seed002Base seed;
      Recorder recorder(seed.db);
      QueryCount count(seed.db);
      Model User = seed.models.define(
          {.name = "User", .fields = {CharField("name"), CharField("email").unique()}, .extends = seed.BaseModel});
      Model Profile = seed.models.define({.name = "Profile",
                                          .fields = {ForeignKeyField("user", User).backref("profile").unique().on_delete("CASCADE"),
                                                     TextField("bio").default_value(""), CharField("avatar_url").null(),
                                                     CharField("twitter").null()},
                                          .extends = seed.BaseModel});
      create_tables(seed.db, {User, Profile});
      CHECK(count.delta() == 4);
      check_oracle(recorder, "rj002.s4.profile_ddl");
      CHECK(SchemaManager(Profile).create_indexes_sql(false).at(0).sql ==
            oracle_query_sql("rj002.s4.profile_ddl", "create_index"));
    }
    SUBCASE("rj002.s4_1.traverse_one_to_one") {
      test::Seed002 seed;
      Recorder recorder(seed.db);
      QueryCount count(seed.db);
      const Model& User = seed.User;
      std::vector<std::string> lines;
      Instance profile = seed.Profile.get(seed.Profile["user"] == seed.alice);
      lines.push_back(profile.related("user")->get("name").to_string());
      Instance alice = User.get(User["name"] == "Alice");
      Instance bob = User.get(User["name"] == "Bob");
      lines.push_back(alice.backref("profile").get().get("twitter").to_string());
      lines.push_back(alice.backref("profile").first()->get("bio").to_string());
      try {
        bob.backref("profile").get();
      } catch (const DoesNotExist& error) {
        lines.push_back(std::string("DoesNotExist: ") + error.what());
      }
      std::optional<Instance> none = bob.backref("profile").first();
      lines.push_back(none ? repr(*none) : "None");
      // The DoesNotExist message spans three lines; the oracle keeps it as one printed line.
      std::vector<std::string> expected = oracle_output("rj002.s4_1.traverse_one_to_one");
      std::string joined;
      for (const std::string& line : lines) joined += line + "\n";
      std::string expected_joined;
      for (const std::string& line : expected) expected_joined += line + "\n";
      CHECK(joined == expected_joined);
      CHECK(count.delta() == 8);
      check_oracle(recorder, "rj002.s4_1.traverse_one_to_one");
      CHECK(alice.backref("profile").sql().sql == oracle_query_sql("rj002.s4_1.traverse_one_to_one", "alice_.profile"));
    }
    SUBCASE("rj002.s4_1.profile_or_none") {
      test::Seed002 seed;
      Recorder recorder(seed.db);
      QueryCount count(seed.db);
      std::vector<std::string> lines;
      for (const Instance& u : seed.User.select().order_by({seed.User["id"]}).limit(2).execute()) {
        std::optional<Instance> p = u.backref("profile").first();
        lines.push_back(u.get("name").to_string() + " " + (p ? p->get("twitter").to_string() : "None"));
      }
      CHECK(lines == oracle_output("rj002.s4_1.profile_or_none"));
      CHECK(count.delta() == 3);
      check_oracle(recorder, "rj002.s4_1.profile_or_none");
    }
  }
}

TEST_SUITE("query") {
  TEST_CASE("seed 002, 5.1-5.3: many-to-many through an explicit ArticleTag model") {
    SUBCASE("rj002.s5_1.through_model_ddl: the pair is unique") {
      test::Seed002Base seed;
      Recorder recorder(seed.db);
      QueryCount count(seed.db);
      Model Article = seed.models.define({.name = "Article", .fields = {CharField("title"), TextField("body")}, .extends = seed.BaseModel});
      Model Tag = seed.models.define({.name = "Tag", .fields = {CharField("name").unique()}, .extends = seed.BaseModel});
      Model ArticleTag = seed.models.define({.name = "ArticleTag",
                                             .fields = {ForeignKeyField("article", Article).backref("article_tags").on_delete("CASCADE"),
                                                        ForeignKeyField("tag", Tag).backref("tag_articles").on_delete("CASCADE"),
                                                        DateTimeField("added_at").default_function(seed.now())},
                                             .meta = {.indexes = std::vector<IndexSpec>{{{"article", "tag"}, true}}},
                                             .extends = seed.BaseModel});
      create_tables(seed.db, {Article, Tag, ArticleTag});
      Instance a = Article.create({{"title", "A"}, {"body", "..."}});
      Instance t = Tag.create({{"name", "python"}});
      ArticleTag.create({{"article", a}, {"tag", t}});
      std::vector<std::string> lines;
      try {
        seed.db.atomic([&] { ArticleTag.create({{"article", a}, {"tag", t}}); });
      } catch (const IntegrityError& error) {
        lines.push_back(std::string("IntegrityError: ") + error.what());
      }
      CHECK(lines == oracle_output("rj002.s5_1.through_model_ddl"));
      CHECK(count.delta() == 13);
      check_oracle(recorder, "rj002.s5_1.through_model_ddl");
    }
    SUBCASE("rj002.s5_2: joins through ArticleTag, either way") {
      test::Seed002 seed;
      const Model &Article = seed.Article, &Tag = seed.Tag, &ArticleTag = seed.ArticleTag;
      Recorder recorder(seed.db);
      QueryCount count(seed.db);
      std::string id;
      std::string printed;
      SUBCASE("tags for an article") {
        id = "rj002.s5_2.tags_for_article";
        printed = field_list(Tag.select().join(ArticleTag).where(ArticleTag["article"] == seed.a3).execute(), "name");
      }
      SUBCASE("articles with a tag") {
        id = "rj002.s5_2.articles_with_tag";
        printed = field_list(Article.select().join(ArticleTag).where(ArticleTag["tag"] == seed.python).execute(), "title");
      }
      SUBCASE("articles tagged python") {
        id = "rj002.s5_2.articles_tagged_python";
        printed = field_list(Article.select().join(ArticleTag).join(Tag).where(Tag["name"] == "python").execute(), "title");
      }
      CAPTURE(id);
      CHECK(std::vector<std::string>{printed} == oracle_output(id));
      CHECK(count.delta() == 1);
      check_oracle(recorder, id);
    }
    SUBCASE("rj002.s5_3.helper_methods: add_tag with get_or_create, remove_tag with a delete") {
      test::Seed002Base seed;
      Recorder recorder(seed.db);
      QueryCount count(seed.db);
      Model Tag = seed.models.define({.name = "Tag", .fields = {CharField("name").unique()}, .extends = seed.BaseModel});
      Model Article = seed.models.define({.name = "Article", .fields = {CharField("title"), TextField("body")}, .extends = seed.BaseModel});
      Model ArticleTag = seed.models.define({.name = "ArticleTag",
                                             .fields = {ForeignKeyField("article", Article).backref("article_tags").on_delete("CASCADE"),
                                                        ForeignKeyField("tag", Tag).backref("tag_articles").on_delete("CASCADE"),
                                                        DateTimeField("added_at").default_function(seed.now())},
                                             .meta = {.indexes = std::vector<IndexSpec>{{{"article", "tag"}, true}}},
                                             .extends = seed.BaseModel});
      auto tags = [&](const Instance& article) {
        return Tag.select().join(ArticleTag).where(ArticleTag["article"] == article);
      };
      auto add_tag = [&](const Instance& article, const Instance& tag) {
        ArticleTag.get_or_create({{"article", article}, {"tag", tag}});
      };
      auto remove_tag = [&](const Instance& article, const Instance& tag) {
        ArticleTag.delete_().where(ArticleTag["article"] == article).where(ArticleTag["tag"] == tag).execute();
      };
      auto sorted_names = [&](const Instance& article) {
        std::vector<Value> names;
        for (const Instance& tag : tags(article).execute()) names.push_back(tag.get("name"));
        std::sort(names.begin(), names.end());
        return py_list(names);
      };
      create_tables(seed.db, {Tag, Article, ArticleTag});
      Instance article = Article.create({{"title", "A"}, {"body", "..."}});
      Instance python = Tag.create({{"name", "python"}});
      Instance web = Tag.create({{"name", "web"}});
      add_tag(article, python);
      add_tag(article, python);
      add_tag(article, web);
      std::vector<std::string> lines{sorted_names(article)};
      remove_tag(article, python);
      lines.push_back(sorted_names(article));
      CHECK(lines == oracle_output("rj002.s5_3.helper_methods"));
      CHECK(count.delta() == 22);
      check_oracle(recorder, "rj002.s5_3.helper_methods");
      CHECK(tags(article).sql().sql == oracle_query_sql("rj002.s5_3.helper_methods", "article.tags"));
    }
  }

  TEST_CASE("seed 002, 5.4: ManyToManyField generates the through model; add and remove; both sides query") {
    test::Seed002Base seed;
    Recorder recorder(seed.db);
    QueryCount count(seed.db);
    Model Tag = seed.models.define({.name = "Tag", .fields = {CharField("name").unique()}, .extends = seed.BaseModel});
    Model Article = seed.models.define({.name = "Article",
                                        .fields = {CharField("title"), TextField("body"), ManyToManyField("tags", Tag).backref("articles")},
                                        .extends = seed.BaseModel});
    Model ArticleTag = Article.get_through_model("tags");
    create_tables(seed.db, {Tag, Article, ArticleTag});
    Instance article = Article.create({{"title", "A"}, {"body", "..."}});
    Instance other = Article.create({{"title", "B"}, {"body", "..."}});
    Instance tag = Tag.create({{"name", "python"}});
    Instance tag2 = Tag.create({{"name", "web"}});
    article.many_to_many("tags").add(tag);
    article.many_to_many("tags").add(tag2);
    other.many_to_many("tags").add(tag);
    article.many_to_many("tags").remove(tag);
    std::vector<std::string> lines{field_list(article.many_to_many("tags").execute(), "name"),
                                   field_list(tag.many_to_many("articles").execute(), "title"),
                                   ArticleTag.meta().table_name()};
    CHECK(lines == oracle_output("rj002.s5_4.manytomanyfield"));
    CHECK(count.delta() == 17);
    check_oracle(recorder, "rj002.s5_4.manytomanyfield");
    CHECK(ArticleTag.name() == "ArticleTagThrough");
    CHECK(seed.models.get("ArticleTagThrough") == ArticleTag);
  }

  TEST_CASE("seed 002, 10: backref pitfalls") {
    SUBCASE("rj002.s10_2.backref_is_query: every access runs the query again; materialize to reuse") {
      test::Seed002 seed;
      Recorder recorder(seed.db);
      QueryCount count(seed.db);
      std::vector<std::string> lines;
      const Instance& user = seed.alice;
      for (const Instance& a : user.backref("articles").execute()) lines.push_back(a.get("title").to_string());
      for (const Instance& a : user.backref("articles").execute()) lines.push_back(a.get("id").to_string());
      std::vector<Instance> articles = user.backref("articles").execute();
      for (const Instance& a : articles) lines.push_back(a.get("title").to_string());
      for (const Instance& a : articles) lines.push_back(a.get("id").to_string());
      CHECK(lines == oracle_output("rj002.s10_2.backref_is_query"));
      CHECK(count.delta() == 3);
      check_oracle(recorder, "rj002.s10_2.backref_is_query");
    }
    SUBCASE("rj002.s10_3.backref_collision: the second declaration silently wins") {
      test::Seed002Base seed;
      Recorder recorder(seed.db);
      QueryCount count(seed.db);
      Model User = seed.models.define({.name = "User", .fields = {CharField("name")}, .extends = seed.BaseModel});
      Model Article = seed.models.define(
          {.name = "Article", .fields = {ForeignKeyField("author", User).backref("articles")}, .extends = seed.BaseModel});
      Model Comment = seed.models.define(
          {.name = "Comment", .fields = {ForeignKeyField("user", User).backref("articles")}, .extends = seed.BaseModel});
      create_tables(seed.db, {User, Article, Comment});
      Instance u = User.create({{"name", "Alice"}});
      Article.create({{"author", u}});
      const Field& winner = User.meta().backref("articles");
      ModelSelect articles = u.backref("articles");
      std::vector<std::string> lines{winner.model().name() + " " + winner.name(),
                                     articles.node().model->name() + " " + std::to_string(articles.count())};
      CHECK(lines == oracle_output("rj002.s10_3.backref_collision"));
      CHECK(count.delta() == 8);
      check_oracle(recorder, "rj002.s10_3.backref_collision");
    }
    SUBCASE("rj002.s10_5.composite_index: (author, published) indexed together") {
      test::Seed002Base seed;
      Recorder recorder(seed.db);
      QueryCount count(seed.db);
      Model User = seed.models.define({.name = "User", .fields = {CharField("name")}, .extends = seed.BaseModel});
      Model Article = seed.models.define({.name = "Article",
                                          .fields = {CharField("title"), ForeignKeyField("author", User).backref("articles"),
                                                     BooleanField("published").default_value(false)},
                                          .meta = {.indexes = std::vector<IndexSpec>{{{"author", "published"}, false}}},
                                          .extends = seed.BaseModel});
      create_tables(seed.db, {User, Article});
      Instance user = User.create({{"name", "Alice"}});
      Article.create({{"title", "A"}, {"author", user}, {"published", true}});
      Article.create({{"title", "B"}, {"author", user}});
      ModelSelect query = Article.select().where(Article["author"] == user).where(Article["published"] == true);
      CHECK(std::vector<std::string>{field_list(query.execute(), "title")} == oracle_output("rj002.s10_5.composite_index"));
      CHECK(count.delta() == 8);
      check_oracle(recorder, "rj002.s10_5.composite_index");
    }
    SUBCASE("rj002.s10_7.test_function: real rows and real backref queries inside a rolled-back transaction") {
      test::Seed002 seed;
      Recorder recorder(seed.db);
      QueryCount count(seed.db);
      const Model &User = seed.User, &Article = seed.Article;
      auto test_user_articles_returns_only_their_articles = [&] {
        Instance alice = User.create({{"name", "Alice"}, {"email", "alice@example.com"}});
        Instance bob = User.create({{"name", "Bob"}, {"email", "bob@example.com"}});
        Article.create({{"title", "A1"}, {"body", "..."}, {"author", alice}});
        Article.create({{"title", "A2"}, {"body", "..."}, {"author", alice}});
        Article.create({{"title", "B1"}, {"body", "..."}, {"author", bob}});
        CHECK(alice.backref("articles").count() == 2);
        CHECK(bob.backref("articles").count() == 1);
      };
      // Peewee's txn.rollback() inside "with db.atomic() as txn" rolls back and begins anew, and
      // the block's end commits the empty transaction: ROLLBACK, BEGIN, COMMIT.
      struct RollBack {};
      std::vector<std::string> lines;
      try {
        seed.db.atomic([&] {
          User.delete_().execute();
          test_user_articles_returns_only_their_articles();
          lines.push_back("passed");
          throw RollBack{};
        });
      } catch (const RollBack&) {
        seed.db.atomic([] {});
      }
      lines.push_back(std::to_string(User.select().count()));
      CHECK(lines == oracle_output("rj002.s10_7.test_function"));
      CHECK(count.delta() == 13);
      check_oracle(recorder, "rj002.s10_7.test_function");
    }
  }

  TEST_CASE("seed 002, 11: a foreign key to a unique non-key field (to_field)") {
    test::Seed002Base seed;
    Recorder recorder(seed.db);
    QueryCount count(seed.db);
    Model User = seed.models.define({.name = "User", .fields = {CharField("email").unique()}, .extends = seed.BaseModel});
    Model Login = seed.models.define(
        {.name = "Login", .fields = {ForeignKeyField("user", User).to_field("email").backref("logins")}, .extends = seed.BaseModel});
    create_tables(seed.db, {User, Login});
    Instance u = User.create({{"email", "alice@example.com"}});
    Login.create({{"user", u}});
    Instance login = Login.get();
    std::vector<std::string> lines{login.get("user_id").to_string() + " " + login.related("user")->get("email").to_string(),
                                   field_list(u.backref("logins").execute(), "id")};
    CHECK(lines == oracle_output("rj002.s11.fk_field_option"));
    CHECK(count.delta() == 9);
    check_oracle(recorder, "rj002.s11.fk_field_option");
  }
}
