// DDL for every model of seed 003 (Models and Fields) and the seed apps, byte for byte against
// what Peewee executed (the oracle).

#include <doctest/doctest.h>

#include "peewasm/peewasm.hpp"
#include "support/oracle.hpp"

using namespace peewasm;
using peewasm::test::check_oracle;
using peewasm::test::Recorder;
using peewasm::test::Statement;

namespace {
// The CREATE statements an oracle case ran in its setup (or body): its tables and indexes.
std::vector<Statement> oracle_ddl(const std::string& id, const char* phase = "setup") {
  std::vector<Statement> ddl;
  for (Statement& statement : peewasm::test::oracle_statements(id, phase)) {
    if (statement.sql.starts_with("CREATE ")) ddl.push_back(std::move(statement));
  }
  return ddl;
}

// Models built by `define` on a fresh database create the tables the oracle case did.
void check_models_ddl(const std::string& id, const char* phase,
                      const std::function<void(Database&, ModelRegistry&)>& define_and_create) {
  CAPTURE(id);
  Database db(":memory:", {.pragmas = {{"foreign_keys", 1}}});
  ModelRegistry models;
  Recorder recorder(db);
  define_and_create(db, models);
  peewasm::test::check_statements(recorder.statements(), oracle_ddl(id, phase));
}
}  // namespace

TEST_SUITE("schema") {
  TEST_CASE("the blog models of seed 003 create their tables and indexes as Peewee does") {
    Database db;
    ModelRegistry models;
    Model Base = models.define({.name = "BaseModel", .meta = {.database = &db}});
    Model User = models.define({.name = "User", .fields = {CharField("username").unique()}, .extends = Base});
    Model Tweet = models.define({.name = "Tweet",
                                 .fields = {ForeignKeyField("user", User).backref("tweets"), TextField("message"),
                                            DateTimeField("created_date").default_value("2024-01-01 00:00:00"),
                                            BooleanField("is_published").default_value(true)},
                                 .extends = Base});
    SUBCASE("safe by default") {
      Recorder recorder(db);
      create_tables(db, {User, Tweet});
      check_oracle(recorder, "mf003.blog_models.create_tables");
    }
    SUBCASE("safe=false fails the second time with SQLite's message") {
      Recorder recorder(db);
      create_tables(db, {User, Tweet}, false);
      CHECK_THROWS_WITH_AS(create_tables(db, {User, Tweet}, false), "table \"user\" already exists", OperationalError);
      check_oracle(recorder, "mf003.blog_models.create_tables_unsafe");
    }
  }

  TEST_CASE("every field type maps to Peewee's field_type label and SQLite column type") {
    Database db;
    ModelRegistry models;
    Model Base = models.define({.name = "BaseModel", .meta = {.database = &db}});
    Model AllTypes = models.define(
        {.name = "AllTypes",
         .fields = {IntegerField("integer"), BigIntegerField("big_integer"), SmallIntegerField("small_integer"),
                    FloatField("float_"), DoubleField("double"), DecimalField("decimal"), CharField("char"),
                    FixedCharField("fixed_char"), TextField("text"), BlobField("blob"), BitField("bit"),
                    BigBitField("big_bit"), UUIDField("uuid_"), BinaryUUIDField("binary_uuid"),
                    DateTimeField("datetime_"), DateField("date"), TimeField("time"), TimestampField("timestamp"),
                    IPField("ip"), BooleanField("boolean"), BareField("bare"),
                    ForeignKeyField("fk", "self").null()},
         .extends = Base});
    Model BigAuto = models.define({.name = "BigAuto", .fields = {BigAutoField("id")}, .extends = Base});
    Model Identity = models.define({.name = "Identity", .fields = {IdentityField("id")}, .extends = Base});
    Recorder recorder(db);
    create_tables(db, {AllTypes, BigAuto});
    std::vector<std::string> lines;
    for (const Field* field : AllTypes.meta().sorted_fields()) {
      lines.push_back(field->name() + " " + std::string(field_class_name(field->type())) + " " + field->field_type());
    }
    try {
      create_tables(db, {Identity});
    } catch (const OperationalError& e) {
      lines.push_back(std::string("OperationalError ") + e.what());
    }
    check_oracle(recorder, "mf003.field_types.sqlite_ddl");
    CHECK(lines == peewasm::test::oracle_output("mf003.field_types.sqlite_ddl"));
  }

  TEST_CASE("general field options appear in the column definitions") {
    Database db;
    ModelRegistry models;
    Model Base = models.define({.name = "BaseModel", .meta = {.database = &db}});
    Model Example = models.define(
        {.name = "Example",
         .fields = {CharField("a").null(), CharField("b").index(), CharField("c").unique(),
                    CharField("d").column_name("dee"), IntegerField("e").default_value(3),
                    IntegerField("f").constraints({Check("f > 0")}), CharField("g").collation("NOCASE"),
                    IntegerField("h").choices({{1, "one"}, {2, "two"}}).help_text("help").verbose_name("Aitch")},
         .extends = Base});
    Model Sequenced = models.define({.name = "Sequenced", .fields = {IntegerField("i").sequence("example_seq")}, .extends = Base});
    Model Unindexed = models.define({.name = "Unindexed", .fields = {IntegerField("k").unindexed()}, .extends = Base});
    Model Typed = models.define({.name = "Typed", .fields = {CharField("j").index().index_type("BTREE")}, .extends = Base});

    Recorder recorder(db);
    create_tables(db, {Example});
    const Field& h = Example.meta().field("h");
    CHECK(h.options().choices.size() == 2);
    CHECK(h.options().help_text == "help");
    CHECK(h.options().verbose_name == "Aitch");

    Instance x = Example.create({{"b", "b"}, {"c", "c"}, {"d", "d"}, {"f", 1}, {"g", "g"}, {"h", 3}});
    CHECK(x.get("a").is_null());
    CHECK(x.get("e") == Value(3));
    CHECK(Example.get(Example["g"] == "G").get("d") == Value("d"));  // COLLATE NOCASE
    // A failing CHECK inside atomic() is rolled back and leaves the table as it was.
    CHECK_THROWS_WITH_AS(db.atomic([&] { Example.create({{"b", "b"}, {"c", "c"}, {"d", "d"}, {"f", 0}, {"g", "g"}, {"h", 1}}); }),
                         "CHECK constraint failed: f > 0", IntegrityError);
    CHECK(Example.select().count() == 1);
    recorder.clear();

    std::vector<std::string> outcomes;
    for (const Model& model : {Sequenced, Unindexed, Typed}) {
      try {
        create_tables(db, {model});
        outcomes.push_back(model.name() + " ok");
      } catch (const OperationalError& e) {
        outcomes.push_back(model.name() + " OperationalError " + e.what());
      }
    }
    CHECK(outcomes == std::vector<std::string>{"Sequenced OperationalError near \"(\": syntax error", "Unindexed ok",
                                               "Typed OperationalError near \"USING\": syntax error"});
    auto expected = peewasm::test::oracle_statements("mf003.field_args.ddl");
    expected.erase(expected.begin(), expected.end() - 4);  // the last four: the three models' DDL
    peewasm::test::check_statements(recorder.statements(), expected);
  }

  TEST_CASE("special parameters size the column types") {
    Database db;
    ModelRegistry models;
    Model Special = models.define(
        {.name = "Special",
         .fields = {CharField("name", 64), FixedCharField("code", 3), DecimalField("price", 10, 2).auto_round(),
                    DateTimeField("when"), DateField("day"), TimeField("at"), TimestampField("stamp").resolution(1000).utc()},
         .meta = {.database = &db}});
    CHECK(SchemaManager(Special).create_table_sql().sql ==
          peewasm::test::oracle_statements("mf003.fields.special_params").front().sql);
  }

  TEST_CASE("server-side defaults and table constraints are written into the DDL") {
    Database db;
    ModelRegistry models;
    Model Message = models.define({.name = "Message",
                                   .fields = {TextField("context"),
                                              DateTimeField("timestamp").constraints({SQL("DEFAULT CURRENT_TIMESTAMP")})},
                                   .meta = {.database = &db}});
    Model Product = models.define({.name = "Product",
                                   .fields = {CharField("name").unique(), DecimalField("price")},
                                   .meta = {.database = &db, .constraints = std::vector<Expr>{Check("price < 10000")}}});
    Recorder recorder(db);
    create_tables(db, {Message});
    check_oracle(recorder, "mf003.defaults.server_default_ddl");
    recorder.clear();
    create_tables(db, {Product});
    check_oracle(recorder, "mf003.constraints.product_check");
  }

  TEST_CASE("a column CHECK constraint is enforced and a failing insert changes nothing") {
    Database db;
    ModelRegistry models;
    Model Product = models.define(
        {.name = "Product",
         .fields = {CharField("name").unique(), DecimalField("price").constraints({Check("price < 10000")}),
                    DateTimeField("created").constraints({SQL("DEFAULT (datetime('now'))")})},
         .meta = {.database = &db}});
    Recorder recorder(db);
    create_tables(db, {Product});
    Product.insert({{"name", "cheap"}, {"price", 10}}).execute();
    CHECK_THROWS_WITH_AS(Product.insert({{"name", "pricey"}, {"price", 20000}}).execute(),
                         "CHECK constraint failed: price < 10000", IntegrityError);
    CHECK(Product.select().count() == 1);
    check_oracle(recorder, "mf003.indexes.product_constraints");
  }

  TEST_CASE("single and multi-column indexes get Peewee's names") {
    Database db;
    ModelRegistry models;
    SUBCASE("index and unique on fields") {
      Model User = models.define({.name = "User", .fields = {CharField("username").unique(), CharField("email").index()},
                                  .meta = {.database = &db}});
      Recorder recorder(db);
      create_tables(db, {User});
      check_oracle(recorder, "mf003.indexes.single_column");
    }
    SUBCASE("Meta.indexes") {
      Model Transaction = models.define(
          {.name = "Transaction",
           .fields = {CharField("from_acct"), CharField("to_acct"), DecimalField("amount"), DateTimeField("date")},
           .meta = {.database = &db,
                    .indexes = std::vector<IndexSpec>{{{"from_acct", "to_acct", "date"}, true}, {{"from_acct", "to_acct"}, false}}}});
      Recorder recorder(db);
      create_tables(db, {Transaction});
      check_oracle(recorder, "mf003.indexes.multi_column");
    }
    SUBCASE("an index naming a field that does not exist is refused with the model's fields") {
      Model Person = models.define({.name = "Person", .fields = {CharField("first_name")},
                                    .meta = {.database = &db, .indexes = std::vector<IndexSpec>{{{"f"}, true}}}});
      CHECK_THROWS_WITH_AS(create_tables(db, {Person}), "Person has no field 'f'; its fields are: id, first_name",
                           ImproperlyConfigured);
    }
  }

  TEST_CASE("add_index builds plain, partial and expression indexes, or runs raw SQL") {
    Database db;
    ModelRegistry models;
    SUBCASE("fields, a partial index and an expression index") {
      Model Article = models.define({.name = "Article",
                                     .fields = {TextField("name"), TimestampField("timestamp"), IntegerField("status"),
                                                IntegerField("flags")},
                                     .meta = {.database = &db}});
      Article.add_index({Article["name"], Article["timestamp"]});
      Article.add_index({Article["name"], Article["timestamp"]}, false, Article["status"] == 1);
      Article.add_index(Article.index({Article["timestamp"].desc(), Article["flags"].bin_and(4)}, true));
      Recorder recorder(db);
      create_tables(db, {Article});
      check_oracle(recorder, "mf003.indexes.add_index");
    }
    SUBCASE("raw SQL") {
      Model Article = models.define({.name = "Article", .fields = {TextField("name"), IntegerField("flags")},
                                     .meta = {.database = &db}});
      Article.add_index(SQL("CREATE INDEX \"article_flags_4\" ON \"article\" ((\"flags\" & 4))"));
      Recorder recorder(db);
      create_tables(db, {Article});
      check_oracle(recorder, "mf003.indexes.add_index_sql");
    }
  }

  TEST_CASE("primary keys: explicit, composite, none, and non-integer") {
    Database db;
    ModelRegistry models;
    SUBCASE("composite keys and no primary key") {
      Model Blog = models.define({.name = "Blog", .fields = {CharField("title")}, .meta = {.database = &db}});
      Model Tag = models.define({.name = "Tag", .fields = {CharField("label")}, .meta = {.database = &db}});
      Model BlogToTag = models.define({.name = "BlogToTag",
                                       .fields = {ForeignKeyField("blog", Blog), ForeignKeyField("tag", Tag)},
                                       .meta = {.database = &db, .primary_key = CompositeKey{{"blog", "tag"}}}});
      Model NoPrimaryKey = models.define({.name = "NoPrimaryKey", .fields = {IntegerField("data")},
                                          .meta = {.database = &db, .primary_key = peewasm::NoPrimaryKey{}}});
      Recorder recorder(db);
      create_tables(db, {Blog, Tag, BlogToTag, NoPrimaryKey});
      Instance b = Blog.create({{"title", "b"}});
      Instance t = Tag.create({{"label", "t"}});
      Instance btt = BlogToTag.create({{"blog", b}, {"tag", t}});
      CHECK(btt.str() == "(1, 1)");
      CHECK(NoPrimaryKey.insert({{"data", 1}}).execute() == 1);
      CHECK(NoPrimaryKey.select().count() == 1);
      check_oracle(recorder, "mf003.model_options.meta_primary_key");
    }
    SUBCASE("a named AutoField, a text key, an integer key") {
      Model Event = models.define({.name = "Event",
                                   .fields = {AutoField("event_id"), CharField("name"),
                                              DateTimeField("timestamp").default_value("2024-01-01 00:00:00"), BlobField("metadata")},
                                   .meta = {.database = &db}});
      Model Person = models.define({.name = "Person",
                                    .fields = {CharField("email").primary_key(), TextField("name"), DateField("dob")},
                                    .meta = {.database = &db}});
      Recorder recorder(db);
      create_tables(db, {Event});
      Instance e = Event.create({{"name", "launch"}, {"metadata", Blob{0, 1}}});
      CHECK(e.get("event_id") == Value(1));
      CHECK(e.str() == "1");
      CHECK(Event.get_by_id(1).get("timestamp") == Value("2024-01-01 00:00:00"));
      check_oracle(recorder, "mf003.pk.event_autofield");
      recorder.clear();
      create_tables(db, {Person});
      Person.create({{"email", "huey@example.com"}, {"name", "Huey"}, {"dob", "2010-05-01"}});
      Instance p = Person.get_by_id("huey@example.com");
      CHECK(p.get("name") == Value("Huey"));
      CHECK_FALSE(Person.meta().has_field("id"));
      check_oracle(recorder, "mf003.pk.person_email");
    }
    SUBCASE("a composite primary key with a table FOREIGN KEY constraint") {
      Model Person = models.define({.name = "Person", .fields = {CharField("first"), CharField("last")},
                                    .meta = {.database = &db, .primary_key = CompositeKey{{"first", "last"}}}});
      Model Pet = models.define(
          {.name = "Pet",
           .fields = {CharField("owner_first"), CharField("owner_last"), CharField("pet_name")},
           .meta = {.database = &db,
                    .constraints = std::vector<Expr>{SQL("FOREIGN KEY(owner_first, owner_last) REFERENCES person(first, last)")}}});
      Recorder recorder(db);
      create_tables(db, {Person, Pet});
      Person.create({{"first", "Huey"}, {"last", "Leifer"}});
      Pet.create({{"owner_first", "Huey"}, {"owner_last", "Leifer"}, {"pet_name", "Mickey"}});
      CHECK(Person.get_by_id(std::vector<Value>{"Huey", "Leifer"}).get("first") == Value("Huey"));
      check_oracle(recorder, "mf003.constraints.person_pet");
    }
  }

  TEST_CASE("table names: legacy, snake_case, explicit and from a table function") {
    const std::vector<std::tuple<std::string, std::string, std::string>> names = {
        {"User", "user", "user"},
        {"UserProfile", "userprofile", "user_profile"},
        {"APIResponse", "apiresponse", "api_response"},
        {"WebHTTPRequest", "webhttprequest", "web_http_request"},
        {"mixedCamelCase", "mixedcamelcase", "mixed_camel_case"},
        {"Name2Numbers3XYZ", "name2numbers3xyz", "name2_numbers3_xyz"}};
    for (const auto& [model, legacy, snake] : names) {
      CAPTURE(model);
      ModelRegistry models;
      CHECK(models.define({.name = model}).meta().table_name() == legacy);
      CHECK(models.define({.name = model + "_", .meta = {.table_name = snake}}).meta().table_name() == snake);
      ModelRegistry fresh;
      CHECK(fresh.define({.name = model, .meta = {.legacy_table_names = false}}).meta().table_name() == snake);
    }
    ModelRegistry models;
    Model Base = models.define({.name = "BaseModel", .meta = {.table_function = [](std::string_view name) {
                                  std::string lower(name);
                                  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                                  return lower + "_tbl";
                                }}});
    CHECK(models.define({.name = "User", .extends = Base}).meta().table_name() == "user_tbl");
    CHECK(models.define({.name = "UserProfile", .extends = Base}).meta().table_name() == "userprofile_tbl");
  }

  TEST_CASE("Meta options inherit as Peewee's table says") {
    Database db;
    ModelRegistry models;
    Model One = models.define({.name = "ModelOne", .meta = {.database = &db, .table_name = "model_one_tbl"}});
    Model Two = models.define({.name = "ModelTwo", .extends = One});
    CHECK(One.meta().database() == Two.meta().database());
    CHECK(One.meta().table_name() != Two.meta().table_name());
    CHECK(Two.meta().table_name() == "modeltwo");
    SUBCASE("fields are inherited, the child's own come after") {
      Model Base = models.define({.name = "Base", .fields = {TextField("created")}, .meta = {.database = &db, .without_rowid = true}});
      Model Child = models.define({.name = "Child", .fields = {TextField("body")}, .extends = Base});
      std::vector<std::string> names;
      for (const Field* field : Child.meta().sorted_fields()) names.push_back(field->name());
      CHECK(names == std::vector<std::string>{"id", "created", "body"});
      CHECK_FALSE(Child.meta().options().without_rowid);
    }
  }

  TEST_CASE("table options: temporary, without rowid, strict") {
    ModelRegistry models;
    Model Temp = models.define({.name = "Temp", .fields = {TextField("v")}, .meta = {.temporary = true}});
    Model NoRowid = models.define({.name = "Kv", .fields = {TextField("k").primary_key()}, .meta = {.without_rowid = true}});
    Model Strict = models.define({.name = "Strict", .fields = {IntegerField("n")}, .meta = {.strict_tables = true}});
    CHECK(SchemaManager(Temp).create_table_sql().sql ==
          R"(CREATE TEMPORARY TABLE IF NOT EXISTS "temp" ("id" INTEGER NOT NULL PRIMARY KEY, "v" TEXT NOT NULL))");
    CHECK(SchemaManager(NoRowid).create_table_sql().sql ==
          R"(CREATE TABLE IF NOT EXISTS "kv" ("k" TEXT NOT NULL PRIMARY KEY) WITHOUT ROWID)");
    CHECK(SchemaManager(Strict).create_table_sql().sql ==
          R"(CREATE TABLE IF NOT EXISTS "strict" ("id" INTEGER NOT NULL PRIMARY KEY, "n" INTEGER NOT NULL) STRICT)");
    CHECK(SchemaManager(Strict).drop_table_sql().sql == R"(DROP TABLE IF EXISTS "strict")");
  }

  TEST_CASE("self-referential and deferred foreign keys") {
    Database db;
    ModelRegistry models;
    SUBCASE("self") {
      Model Category = models.define({.name = "Category",
                                      .fields = {CharField("name"), ForeignKeyField("parent", "self").null().backref("children")},
                                      .meta = {.database = &db}});
      CHECK(SchemaManager(Category).create_table_sql().sql ==
            peewasm::test::oracle_statements("mf003.self_ref.grandparent").front().sql);
    }
    SUBCASE("a DeferredForeignKey resolves when its model is defined and gets its constraint later") {
      Model User = models.define({.name = "User",
                                  .fields = {CharField("username"), DeferredForeignKey("favorite_tweet", "Tweet").null()},
                                  .meta = {.database = &db}});
      CHECK_FALSE(User.meta().field("favorite_tweet").is_resolved());
      Model Tweet = models.define({.name = "Tweet", .fields = {TextField("message"), ForeignKeyField("user", User).backref("tweets")},
                                   .meta = {.database = &db}});
      CHECK(&User.meta().field("favorite_tweet").rel_model() == &Tweet.meta());
      Recorder recorder(db);
      create_tables(db, {User, Tweet});
      // SQLite has no ALTER TABLE ADD CONSTRAINT: Peewee's statement fails there, as it does here
      // (the wording of SQLite's syntax error differs between SQLite versions).
      CHECK_THROWS_AS(SchemaManager(User).create_foreign_key(db, User.meta().field("favorite_tweet")), OperationalError);
      Instance u = User.create({{"username", "huey"}});
      Instance t = Tweet.create({{"message", "meow"}, {"user", u}});
      u.set("favorite_tweet", t);
      u.save();
      CHECK(User.get().related("favorite_tweet")->get("message") == Value("meow"));
      check_oracle(recorder, "mf003.circular.deferred_foreign_key");
    }
    SUBCASE("a foreign key to a model not defined yet names the model and the fix") {
      CHECK_THROWS_WITH_AS(models.define({.name = "User", .fields = {ForeignKeyField("favorite_tweet", "Tweet").null()}}),
                           "ForeignKeyField User.favorite_tweet references model 'Tweet', which is not defined; define "
                           "Tweet first, or use DeferredForeignKey for a model defined later",
                           ImproperlyConfigured);
    }
  }

  TEST_CASE("the example app's models (seed 004) create the tables Peewee creates") {
    Database db;
    ModelRegistry models;
    Model User = models.define({.name = "User",
                                .fields = {CharField("username"), CharField("password"), CharField("email"), DateTimeField("join_date")},
                                .meta = {.database = &db}});
    Model Relationship = models.define({.name = "Relationship",
                                        .fields = {ForeignKeyField("from_user", User).backref("relationships"),
                                                   ForeignKeyField("to_user", User).backref("related_to")},
                                        .meta = {.database = &db}});
    Model Message = models.define({.name = "Message",
                                   .fields = {ForeignKeyField("user", User), TextField("content"), DateTimeField("pub_date")},
                                   .meta = {.database = &db}});
    Recorder recorder(db);
    User.create_table();
    Relationship.create_table();
    Message.create_table();
    check_oracle(recorder, "ex004.models.create_tables");
  }

  TEST_CASE("Meta.schema names the attached database the table lives in, in DDL and in queries") {
    Database db;
    db.execute(R"(ATTACH DATABASE ':memory:' AS "archive")");
    ModelRegistry models;
    Model Base = models.define({.name = "BaseModel", .meta = {.database = &db, .schema = "archive"}});
    Model User = models.define({.name = "User", .fields = {CharField("username").unique()}, .extends = Base});
    CHECK(User.meta().schema() == "archive");
    Recorder recorder(db);
    create_tables(db, {User});
    Instance huey = User.create({{"username", "huey"}});
    CHECK(User.get(User["username"] == "huey").get("id") == huey.get("id"));
    User.update({{"username", "Huey"}}).where(User["id"] == huey.get("id")).execute();
    CHECK(User.select().where(User["id"].in_(User.select({User["id"]}))).count() == 1);
    // The rows are in "archive"; "main" has no such table.
    CHECK(db.query_all(R"(SELECT "username" FROM "archive"."user")") == std::vector<std::vector<Value>>{{"Huey"}});
    CHECK(db.query_all(R"(SELECT count(*) FROM "main"."sqlite_master" WHERE "name" = 'user')") ==
          std::vector<std::vector<Value>>{{0}});
    User.delete_().where(User["id"] == huey.get("id")).execute();
    drop_tables(db, {User});
    std::vector<std::string> sql;
    for (const Statement& statement : recorder.statements()) sql.push_back(statement.sql);
    CHECK(sql == std::vector<std::string>{
                     R"(CREATE TABLE IF NOT EXISTS "archive"."user" ("id" INTEGER NOT NULL PRIMARY KEY, "username" VARCHAR(255) NOT NULL))",
                     R"(CREATE UNIQUE INDEX IF NOT EXISTS "archive"."user_username" ON "user" ("username"))",
                     R"(INSERT INTO "archive"."user" ("username") VALUES (?))",
                     R"(SELECT "t1"."id", "t1"."username" FROM "archive"."user" AS "t1" WHERE ("t1"."username" = ?) LIMIT ? OFFSET ?)",
                     R"(UPDATE "archive"."user" SET "username" = ? WHERE ("user"."id" = ?))",
                     R"(SELECT COUNT(1) FROM (SELECT 1 FROM "archive"."user" AS "t1" WHERE ("t1"."id" IN (SELECT "t2"."id" FROM "archive"."user" AS "t2"))) AS "_wrapped" LIMIT ?)",
                     R"(SELECT "username" FROM "archive"."user")",
                     R"(SELECT count(*) FROM "main"."sqlite_master" WHERE "name" = 'user')",
                     R"(DELETE FROM "archive"."user" WHERE ("user"."id" = ?))",
                     R"(DROP TABLE IF EXISTS "archive"."user")"});
  }

  TEST_CASE("Meta.schema on a foreign key's target: Peewee's REFERENCES names the schema, which SQLite refuses") {
    Database db;
    ModelRegistry models;
    Model User = models.define({.name = "User", .fields = {TextField("username")}, .meta = {.database = &db, .schema = "main"}});
    Model Tweet = models.define({.name = "Tweet", .fields = {ForeignKeyField("user", User)}, .meta = {.database = &db, .schema = "main"}});
    CHECK(SchemaManager(Tweet).create_table_sql().sql ==
          R"(CREATE TABLE IF NOT EXISTS "main"."tweet" ("id" INTEGER NOT NULL PRIMARY KEY, "user_id" INTEGER NOT NULL, FOREIGN KEY ("user_id") REFERENCES "main"."user" ("id")))");
    create_tables(db, {User});
    CHECK_THROWS_WITH_AS(create_tables(db, {Tweet}), "near \".\": syntax error", OperationalError);
  }

  TEST_CASE("seeds 000 and 001's models create the tables Peewee creates, in every setup") {
    // The two seeds' User, Tweet and Favorite differ only in the order of Tweet's fields.
    enum class Seed { S000, S001 };
    auto tweets = [](Database& db, ModelRegistry& models, Seed seed, bool lazy_load = true, bool favorites = true) {
      Model Base = models.define({.name = "BaseModel", .meta = {.database = &db}});
      Model User = models.define({.name = "User", .fields = {TextField("username")}, .extends = Base});
      Field user = ForeignKeyField("user", User).lazy_load(lazy_load);
      if (favorites) user.backref("tweets");
      Field content = TextField("content"), timestamp = DateTimeField("timestamp").default_value("2024-01-01 00:00:00");
      std::vector<Field> fields = seed == Seed::S000 ? std::vector<Field>{content, timestamp, user}
                                                     : std::vector<Field>{user, content, timestamp};
      Model Tweet = models.define({.name = "Tweet", .fields = fields, .extends = Base});
      std::vector<Model> created{User, Tweet};
      if (favorites) {
        created.push_back(models.define({.name = "Favorite",
                                         .fields = {ForeignKeyField("user", User).backref("favorites"),
                                                    ForeignKeyField("tweet", Tweet).backref("favorites")},
                                         .extends = Base}));
      }
      create_tables(db, created);
      return Base;
    };
    for (auto [seed, prefix] : {std::pair{Seed::S000, std::string("rj000")}, std::pair{Seed::S001, std::string("rj001")}}) {
      check_models_ddl(prefix + ".multi_fk.following", "setup", [&](Database& db, ModelRegistry& models) {
        Model Base = tweets(db, models, seed);
        Model User = models.get("User");
        create_tables(db, {models.define({.name = "Relationship",
                                          .fields = {ForeignKeyField("from_user", User).backref("relationships"),
                                                     ForeignKeyField("to_user", User).backref("related_to")},
                                          .meta = {.indexes = std::vector<IndexSpec>{{{"from_user", "to_user"}, true}}},
                                          .extends = Base})});
      });
      check_models_ddl(prefix + ".no_fk.activity_log", "setup", [&](Database& db, ModelRegistry& models) {
        Model Base = tweets(db, models, seed);
        create_tables(db, {models.define({.name = "ActivityLog",
                                          .fields = {IntegerField("object_id"), TextField("activity_type"), TextField("description")},
                                          .extends = Base})});
      });
    }
    check_models_ddl("rj000.models.logging", "setup", [&](Database& db, ModelRegistry& models) { tweets(db, models, Seed::S000); });
    check_models_ddl("rj001.models.data_table", "setup", [&](Database& db, ModelRegistry& models) { tweets(db, models, Seed::S001); });
    check_models_ddl("rj001.models.create_test_data", "body", [&](Database& db, ModelRegistry& models) { tweets(db, models, Seed::S001); });
    check_models_ddl("rj001.fk.lazy_load_false", "setup",
                     [&](Database& db, ModelRegistry& models) { tweets(db, models, Seed::S001, false); });
    check_models_ddl("rj001.backref.default_name", "setup",
                     [&](Database& db, ModelRegistry& models) { tweets(db, models, Seed::S001, true, false); });
    for (auto [id, name] : {std::pair{"rj000.self_join.alias", CharField("name")}, std::pair{"rj001.self_join.category_parent", TextField("name")}}) {
      check_models_ddl(id, "setup", [&](Database& db, ModelRegistry& models) {
        create_tables(db, {models.define({.name = "Category",
                                          .fields = {name, ForeignKeyField("parent", "self").null().backref("children")},
                                          .meta = {.database = &db}})});
      });
    }
    check_models_ddl("rj000.m2m.explicit_students_in_math", "setup", [](Database& db, ModelRegistry& models) {
      Model Student = models.define({.name = "Student", .fields = {CharField("name")}, .meta = {.database = &db}});
      Model Course = models.define({.name = "Course", .fields = {CharField("name")}, .meta = {.database = &db}});
      Model StudentCourse = models.define({.name = "StudentCourse",
                                           .fields = {ForeignKeyField("student", Student), ForeignKeyField("course", Course)},
                                           .meta = {.database = &db}});
      create_tables(db, {Student, Course, StudentCourse});
    });
  }

  TEST_CASE("seed 002's models create the tables Peewee creates, in every setup") {
    const Value now("2024-01-01 00:00:00");
    auto user = [](Database& db, ModelRegistry& models, std::vector<Field> more = {}) {
      std::vector<Field> fields{CharField("name"), CharField("email").unique()};
      for (Field& field : more) fields.push_back(std::move(field));
      return models.define({.name = "User", .fields = std::move(fields), .meta = {.database = &db}});
    };
    auto fk = [](std::string name, std::string target, std::string backref, std::string on_delete = {}) {
      return ForeignKeyField(std::move(name), std::move(target)).backref(std::move(backref)).on_delete(std::move(on_delete));
    };
    auto tagging = [&](Database& db, ModelRegistry& models) {
      Model Tag = models.define({.name = "Tag", .fields = {CharField("name").unique()}, .meta = {.database = &db}});
      Model ArticleTag = models.define({.name = "ArticleTag",
                                        .fields = {fk("article", "Article", "article_tags", "CASCADE"),
                                                   fk("tag", "Tag", "tag_articles", "CASCADE"), DateTimeField("added_at").default_value(now)},
                                        .meta = {.database = &db, .indexes = std::vector<IndexSpec>{{{"article", "tag"}, true}}}});
      return std::vector<Model>{Tag, ArticleTag};
    };
    check_models_ddl("rj002.s3_2.traverse", "setup", [&](Database& db, ModelRegistry& models) {
      Model User = user(db, models, {TextField("bio").default_value(""), BooleanField("is_staff").default_value(false),
                                     DateTimeField("created_at").default_value(now)});
      Model Article = models.define({.name = "Article",
                                     .fields = {CharField("title"), TextField("body"), fk("author", "User", "articles", "CASCADE"),
                                                BooleanField("published").default_value(true), DateTimeField("created_at").default_value(now)},
                                     .meta = {.database = &db}});
      Model Comment = models.define({.name = "Comment",
                                     .fields = {fk("article", "Article", "comments", "CASCADE"), fk("author", "User", "comments", "CASCADE"),
                                                TextField("body"), fk("parent", "self", "replies", "CASCADE").null(),
                                                DateTimeField("created_at").default_value(now)},
                                     .meta = {.database = &db}});
      auto tags = tagging(db, models);
      Model Profile = models.define({.name = "Profile",
                                     .fields = {fk("user", "User", "profile", "CASCADE").unique(), TextField("bio").default_value(""),
                                                CharField("avatar_url").null(), CharField("twitter").null()},
                                     .meta = {.database = &db}});
      create_tables(db, {User, Article, Comment, tags[0], tags[1], Profile});
    });
    auto on_delete = [&](Database& db, ModelRegistry& models) {
      Model User = user(db, models);
      auto define = [&](std::string name, std::vector<Field> fields) {
        return models.define({.name = std::move(name), .fields = std::move(fields), .meta = {.database = &db}});
      };
      Model Article = define("Article", {fk("author", "User", "articles", "CASCADE")});
      Model Comment = define("Comment", {fk("author", "User", "comments", "SET NULL").null(), fk("article", "Article", "comments", "CASCADE")});
      Model Invoice = define("Invoice", {fk("customer", "User", "invoices", "RESTRICT")});
      Model Note = define("Note", {fk("user", "User", "notes")});
      Model Memo = define("Memo", {fk("user", "User", "memos", "NO ACTION")});
      create_tables(db, {User, Article, Comment, Invoice, Note, Memo});
    };
    check_models_ddl("rj002.s3_3.cascade_and_set_null", "setup", on_delete);
    check_models_ddl("rj002.s3_3.pragma_off", "setup", on_delete);
    check_models_ddl("rj002.s7_5.editor_join", "setup", [&](Database& db, ModelRegistry& models) {
      Model User = user(db, models);
      Model Article = models.define({.name = "Article",
                                     .fields = {CharField("title"), TextField("body"), fk("author", "User", "authored_articles"),
                                                fk("editor", "User", "edited_articles").null()},
                                     .meta = {.database = &db}});
      create_tables(db, {User, Article});
    });
  }

  TEST_CASE("seed 002's examples that define their own models create the tables Peewee creates") {
    auto define = [](Database& db, ModelRegistry& models, std::string name, std::vector<Field> fields, Meta meta = {}) {
      meta.database = &db;
      return models.define({.name = std::move(name), .fields = std::move(fields), .meta = std::move(meta)});
    };
    auto named_user = [&](Database& db, ModelRegistry& models) { return define(db, models, "User", {CharField("name")}); };
    auto user_with_email = [&](Database& db, ModelRegistry& models) {
      return define(db, models, "User", {CharField("name"), CharField("email").unique()});
    };
    auto article_tag = [&](Database& db, ModelRegistry& models) {
      return define(db, models, "ArticleTag",
                    {ForeignKeyField("article", "Article").backref("article_tags").on_delete("CASCADE"),
                     ForeignKeyField("tag", "Tag").backref("tag_articles").on_delete("CASCADE"),
                     DateTimeField("added_at").default_value("2024-01-01 00:00:00")},
                    {.indexes = std::vector<IndexSpec>{{{"article", "tag"}, true}}});
    };
    check_models_ddl("rj002.s1.denormalized_ddl", "body", [&](Database& db, ModelRegistry& models) {
      create_tables(db, {define(db, models, "Article",
                                {CharField("title"), TextField("body"), CharField("author_name"), CharField("author_email"),
                                 TextField("author_bio")})});
    });
    for (const char* id : {"rj002.s1.split_models", "rj002.s3_1.article_ddl"}) {
      const bool bio = std::string(id) == "rj002.s1.split_models";
      check_models_ddl(id, "body", [&](Database& db, ModelRegistry& models) {
        std::vector<Field> fields{CharField("name"), CharField("email").unique()};
        if (bio) fields.push_back(TextField("bio").default_value(""));
        Model User = define(db, models, "User", fields);
        Model Article = define(db, models, "Article",
                               {CharField("title"), TextField("body"), ForeignKeyField("author", User).backref("articles").on_delete("CASCADE")});
        create_tables(db, {User, Article});
      });
    }
    check_models_ddl("rj002.s3_4.two_backrefs", "body", [&](Database& db, ModelRegistry& models) {
      Model User = named_user(db, models);
      Model Article = define(db, models, "Article",
                             {CharField("title"), ForeignKeyField("author", User).backref("authored_articles"),
                              ForeignKeyField("editor", User).backref("edited_articles").null()});
      create_tables(db, {User, Article});
    });
    check_models_ddl("rj002.s3_4.backref_plus", "body", [&](Database& db, ModelRegistry& models) {
      Model User = named_user(db, models);
      Model Article = define(db, models, "Article", {CharField("title"), ForeignKeyField("author", User).backref("+")});
      create_tables(db, {User, Article});
    });
    check_models_ddl("rj002.s3_5.column_name", "body", [&](Database& db, ModelRegistry& models) {
      Model User = named_user(db, models);
      Model Article = define(db, models, "Article", {ForeignKeyField("author", User).backref("articles").column_name("user_id")});
      create_tables(db, {User, Article});
    });
    check_models_ddl("rj002.s4.profile_ddl", "body", [&](Database& db, ModelRegistry& models) {
      Model User = user_with_email(db, models);
      Model Profile = define(db, models, "Profile",
                             {ForeignKeyField("user", User).backref("profile").unique().on_delete("CASCADE"),
                              TextField("bio").default_value(""), CharField("avatar_url").null(), CharField("twitter").null()});
      create_tables(db, {User, Profile});
    });
    check_models_ddl("rj002.s5_1.through_model_ddl", "body", [&](Database& db, ModelRegistry& models) {
      Model Article = define(db, models, "Article", {CharField("title"), TextField("body")});
      Model Tag = define(db, models, "Tag", {CharField("name").unique()});
      create_tables(db, {Article, Tag, article_tag(db, models)});
    });
    check_models_ddl("rj002.s5_3.helper_methods", "body", [&](Database& db, ModelRegistry& models) {
      Model Tag = define(db, models, "Tag", {CharField("name").unique()});
      Model Article = define(db, models, "Article", {CharField("title"), TextField("body")});
      create_tables(db, {Tag, Article, article_tag(db, models)});
    });
    check_models_ddl("rj002.s7_7.arbitrary_fields", "body", [&](Database& db, ModelRegistry& models) {
      Model Customer = define(db, models, "Customer", {CharField("name"), CharField("email").unique()});
      Model Order = define(db, models, "Order", {CharField("customer_email"), IntegerField("total")});
      create_tables(db, {Customer, Order});
    });
    check_models_ddl("rj002.s10_3.backref_collision", "body", [&](Database& db, ModelRegistry& models) {
      Model User = named_user(db, models);
      Model Article = define(db, models, "Article", {ForeignKeyField("author", User).backref("articles")});
      Model Comment = define(db, models, "Comment", {ForeignKeyField("user", User).backref("articles")});
      create_tables(db, {User, Article, Comment});
    });
    check_models_ddl("rj002.s10_5.composite_index", "body", [&](Database& db, ModelRegistry& models) {
      Model User = named_user(db, models);
      Model Article = define(db, models, "Article",
                             {CharField("title"), ForeignKeyField("author", User).backref("articles"),
                              BooleanField("published").default_value(false)},
                             {.indexes = std::vector<IndexSpec>{{{"author", "published"}, false}}});
      create_tables(db, {User, Article});
    });
    check_models_ddl("rj002.s11.fk_field_option", "body", [&](Database& db, ModelRegistry& models) {
      Model User = define(db, models, "User", {CharField("email").unique()});
      Model Login = define(db, models, "Login", {ForeignKeyField("user", User).to_field("email").backref("logins")});
      create_tables(db, {User, Login});
    });
  }
}
