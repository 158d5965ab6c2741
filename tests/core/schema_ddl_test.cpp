// DDL for every model of seed 003 (Models and Fields) and the seed apps, byte for byte against
// what Peewee executed (the oracle).

#include <doctest/doctest.h>

#include "peewasm/peewasm.hpp"
#include "support/oracle.hpp"

using namespace peewasm;
using peewasm::test::check_oracle;
using peewasm::test::Recorder;

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

  // Table names and the inheritance of the database and table name: model_cases_test.cpp
  // (mf003.table_names.*, mf003.model_options.inheritance).
  TEST_CASE("fields are inherited, the child's own come after; without_rowid is not inherited") {
    Database db;
    ModelRegistry models;
    Model Base = models.define({.name = "Base", .fields = {TextField("created")}, .meta = {.database = &db, .without_rowid = true}});
    Model Child = models.define({.name = "Child", .fields = {TextField("body")}, .extends = Base});
    std::vector<std::string> names;
    for (const Field* field : Child.meta().sorted_fields()) names.push_back(field->name());
    CHECK(names == std::vector<std::string>{"id", "created", "body"});
    CHECK_FALSE(Child.meta().options().without_rowid);
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
    for (const auto& statement : recorder.statements()) sql.push_back(statement.sql);
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

  // The seeds' other models are checked where their examples run: the fixtures of
  // tests/core/support (seed000.hpp, seed001.hpp, seed002.hpp, example_app.hpp) compare their
  // setups with the oracle's, and the seed tests compare each example's own CREATE statements.
  TEST_CASE("seed 002, 7.7: models joined on a column that is not a foreign key") {
    Database db;
    ModelRegistry models;
    Model Customer = models.define({.name = "Customer", .fields = {CharField("name"), CharField("email").unique()},
                                    .meta = {.database = &db}});
    Model Order = models.define({.name = "Order", .fields = {CharField("customer_email"), IntegerField("total")},
                                 .meta = {.database = &db}});
    Recorder recorder(db);
    create_tables(db, {Customer, Order});
    auto expected = peewasm::test::oracle_statements("rj002.s7_7.arbitrary_fields");
    expected.resize(3);  // the CREATE statements; the example's rows and join follow
    peewasm::test::check_statements(recorder.statements(), expected);
  }
}
