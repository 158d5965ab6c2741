#pragma once
// Seed 002's models and rows, as the oracle's setups build them (../shared/oracle, setup_source
// of the rj002 cases), each over a fresh in-memory database on the oracle's clock:
//   Seed002Base      setup "s002.base": a database and BaseModel
//   Seed002          setup "s002": User, Article, Comment, Tag, ArticleTag, Profile and rows
//   Seed002OnDelete  setups "s002.on_delete" / "s002.on_delete_pragma_off" (section 3.3)
//   Seed002Editor    setup "s002.editor": Article with an author and an editor (section 7.5)
// Members are named as in the Python setup (alice, a1, c1, python ...). setup_statements holds
// what the setup executed, to compare with the oracle's executed.setup.

#include "peewasm/peewasm.hpp"
#include "support/oracle.hpp"

namespace peewasm::test {

// foreign_keys=1 as every seed-002 setup opens its database, except the pragma-off variant.
inline DatabaseOptions seed002_database_options(bool foreign_keys = true) {
  DatabaseOptions options;
  if (foreign_keys) options.pragmas = {{"foreign_keys", 1}};
  return options;
}

// Setup "s002.base": the base model only; the examples declare their own models.
struct Seed002Base {
  Database db{":memory:", seed002_database_options()};
  ModelRegistry models;
  FixedClock clock;
  Model BaseModel = models.define({.name = "BaseModel", .meta = {.database = &db}});
  std::function<Value()> now() {
    return [this] { return clock(); };
  }
};

struct Seed002 {
  Database db{":memory:", seed002_database_options()};
  ModelRegistry models;
  FixedClock clock;  // datetime.datetime.now and pw.utcnow
  Model BaseModel, User, Article, Comment, Tag, ArticleTag, Profile;
  Instance alice, bob, carol, dave;
  Instance a1, a2, a3, a4, a42;
  Instance c1, c2, c3, c4, c5, c6, c7;
  Instance python, rust, meta;
  std::vector<Statement> setup_statements;

  Seed002() {
    Recorder recorder(db);
    auto now = [this] { return clock(); };
    BaseModel = models.define({.name = "BaseModel", .meta = {.database = &db}});
    User = models.define({.name = "User",
                          .fields = {CharField("name"), CharField("email").unique(), TextField("bio").default_value(""),
                                     BooleanField("is_staff").default_value(false),
                                     DateTimeField("created_at").default_function(now)},
                          .extends = BaseModel});
    Article = models.define({.name = "Article",
                             .fields = {CharField("title"), TextField("body"),
                                        ForeignKeyField("author", User).backref("articles").on_delete("CASCADE"),
                                        BooleanField("published").default_value(true),
                                        DateTimeField("created_at").default_function(now)},
                             .extends = BaseModel});
    Comment = models.define({.name = "Comment",
                             .fields = {ForeignKeyField("article", Article).backref("comments").on_delete("CASCADE"),
                                        ForeignKeyField("author", User).backref("comments").on_delete("CASCADE"),
                                        TextField("body"),
                                        ForeignKeyField("parent", "self").backref("replies").null().on_delete("CASCADE"),
                                        DateTimeField("created_at").default_function(now)},
                             .extends = BaseModel});
    Tag = models.define({.name = "Tag", .fields = {CharField("name").unique()}, .extends = BaseModel});
    ArticleTag = models.define({.name = "ArticleTag",
                                .fields = {ForeignKeyField("article", Article).backref("article_tags").on_delete("CASCADE"),
                                           ForeignKeyField("tag", Tag).backref("tag_articles").on_delete("CASCADE"),
                                           DateTimeField("added_at").default_function(now)},
                                .meta = {.indexes = std::vector<IndexSpec>{{{"article", "tag"}, true}}},
                                .extends = BaseModel});
    Profile = models.define({.name = "Profile",
                             .fields = {ForeignKeyField("user", User).backref("profile").unique().on_delete("CASCADE"),
                                        TextField("bio").default_value(""), CharField("avatar_url").null(),
                                        CharField("twitter").null()},
                             .extends = BaseModel});
    create_tables(db, {User, Article, Comment, Tag, ArticleTag, Profile});

    alice = User.create({{"name", "Alice"}, {"email", "alice@example.com"}, {"is_staff", true},
                         {"created_at", "2023-06-01 00:00:00"}});
    bob = User.create({{"name", "Bob"}, {"email", "bob@example.com"}, {"created_at", "2023-12-01 00:00:00"}});
    carol = User.create({{"name", "Carol"}, {"email", "carol@corp.test"}, {"is_staff", true}});
    dave = User.create({{"name", "Dave"}, {"email", "dave@example.com"}});

    a1 = Article.create({{"title", "Learning Python"}, {"body", "..."}, {"author", alice}});
    a2 = Article.create({{"title", "Python Tips"}, {"body", "..."}, {"author", alice}});
    a3 = Article.create({{"title", "Rust for Pythonistas"}, {"body", "..."}, {"author", bob}});
    a4 = Article.create({{"title", "Staff Notes"}, {"body", "..."}, {"author", carol}, {"published", false}});
    a42 = Article.create({{"id", 42}, {"title", "The Answer"}, {"body", "..."}, {"author", bob}});

    c1 = Comment.create({{"article", a1}, {"author", bob}, {"body", "Great intro"}, {"created_at", "2023-12-20 00:00:00"}});
    c2 = Comment.create({{"article", a1}, {"author", alice}, {"body", "Thanks!"}, {"parent", c1},
                         {"created_at", "2023-12-30 00:00:00"}});
    c3 = Comment.create({{"article", a1}, {"author", carol}, {"body", "Agreed"}, {"parent", c2}});
    c4 = Comment.create({{"article", a1}, {"author", dave}, {"body", "Typo in section 2"}});
    c5 = Comment.create({{"article", a3}, {"author", alice}, {"body", "Nice"}, {"created_at", "2023-11-11 00:00:00"}});
    c6 = Comment.create({{"article", a42}, {"author", carol}, {"body", "42!"}});
    c7 = Comment.create({{"article", a1}, {"author", bob}, {"body", "See part two"}, {"parent", c3}});

    python = Tag.create({{"name", "python"}});
    rust = Tag.create({{"name", "rust"}});
    meta = Tag.create({{"name", "meta"}});
    for (const auto& [article, tag] : {std::pair{a1, python}, {a2, python}, {a3, rust}, {a3, python}, {a4, meta}}) {
      ArticleTag.create({{"article", article}, {"tag", tag}});
    }

    Profile.create({{"user", alice}, {"bio", "Pythonista"}, {"twitter", "@alice"}});
    setup_statements = recorder.statements();
  }
};

// Section 3.3: one foreign key per on_delete action, and show() printing articles and comments.
struct Seed002OnDelete {
  Database db;
  ModelRegistry models;
  Model BaseModel, User, Article, Comment, Invoice, Note, Memo;
  Instance alice, bob, carol, dave;
  std::vector<Statement> setup_statements;

  explicit Seed002OnDelete(bool foreign_keys = true) : db(":memory:", seed002_database_options(foreign_keys)) {
    Recorder recorder(db);
    BaseModel = models.define({.name = "BaseModel", .meta = {.database = &db}});
    User = models.define({.name = "User", .fields = {CharField("name"), CharField("email").unique()}, .extends = BaseModel});
    Article = models.define({.name = "Article",
                             .fields = {ForeignKeyField("author", User).backref("articles").on_delete("CASCADE")},
                             .extends = BaseModel});
    Comment = models.define({.name = "Comment",
                             .fields = {ForeignKeyField("author", User).backref("comments").on_delete("SET NULL").null(),
                                        ForeignKeyField("article", Article).backref("comments").on_delete("CASCADE")},
                             .extends = BaseModel});
    Invoice = models.define({.name = "Invoice",
                             .fields = {ForeignKeyField("customer", User).backref("invoices").on_delete("RESTRICT")},
                             .extends = BaseModel});
    Note = models.define({.name = "Note", .fields = {ForeignKeyField("user", User).backref("notes")}, .extends = BaseModel});
    Memo = models.define({.name = "Memo",
                          .fields = {ForeignKeyField("user", User).backref("memos").on_delete("NO ACTION")},
                          .extends = BaseModel});
    create_tables(db, {User, Article, Comment, Invoice, Note, Memo});
    alice = User.create({{"name", "Alice"}, {"email", "alice@example.com"}});
    bob = User.create({{"name", "Bob"}, {"email", "bob@example.com"}});
    carol = User.create({{"name", "Carol"}, {"email", "carol@example.com"}});
    dave = User.create({{"name", "Dave"}, {"email", "dave@example.com"}});
    Instance a1 = Article.create({{"author", alice}});
    Instance b1 = Article.create({{"author", bob}});
    Comment.create({{"author", bob}, {"article", a1}});
    Comment.create({{"author", alice}, {"article", b1}});
    Comment.create({{"author", bob}, {"article", b1}});
    Invoice.create({{"customer", carol}});
    Note.create({{"user", dave}});
    Memo.create({{"user", dave}});
    setup_statements = recorder.statements();
  }

  // The setup's show(): "articles: [(1, 1), (2, 2)]" and "comments: [(1, 2, 1), ...]".
  std::vector<std::string> show() const {
    std::string articles, comments;
    for (const Instance& a : Article.select().order_by({Article["id"]}).execute()) {
      articles += (articles.empty() ? "(" : ", (") + a.get("id").to_string() + ", " + a.get("author_id").to_string() + ")";
    }
    for (const Instance& c : Comment.select().order_by({Comment["id"]}).execute()) {
      comments += (comments.empty() ? "(" : ", (") + c.get("id").to_string() + ", " + c.get("author_id").to_string() +
                  ", " + c.get("article_id").to_string() + ")";
    }
    return {"articles: [" + articles + "]", "comments: [" + comments + "]"};
  }
};

// Section 7.5: two foreign keys from Article to User (author, editor).
struct Seed002Editor {
  Database db{":memory:", seed002_database_options()};
  ModelRegistry models;
  Model BaseModel, User, Article;
  Instance alice, bob, carol;
  std::vector<Statement> setup_statements;

  Seed002Editor() {
    Recorder recorder(db);
    BaseModel = models.define({.name = "BaseModel", .meta = {.database = &db}});
    User = models.define({.name = "User", .fields = {CharField("name"), CharField("email").unique()}, .extends = BaseModel});
    Article = models.define({.name = "Article",
                             .fields = {CharField("title"), TextField("body"),
                                        ForeignKeyField("author", User).backref("authored_articles"),
                                        ForeignKeyField("editor", User).backref("edited_articles").null()},
                             .extends = BaseModel});
    create_tables(db, {User, Article});
    alice = User.create({{"name", "Alice"}, {"email", "alice@example.com"}});
    bob = User.create({{"name", "Bob"}, {"email", "bob@example.com"}});
    carol = User.create({{"name", "Carol"}, {"email", "carol@example.com"}});
    Article.create({{"title", "Learning Python"}, {"body", "..."}, {"author", alice}, {"editor", bob}});
    Article.create({{"title", "Python Tips"}, {"body", "..."}, {"author", alice}});
    Article.create({{"title", "Rust for Pythonistas"}, {"body", "..."}, {"author", bob}, {"editor", alice}});
    Article.create({{"title", "Style Guide"}, {"body", "..."}, {"author", carol}, {"editor", carol}});
    setup_statements = recorder.statements();
  }
};

}  // namespace peewasm::test
