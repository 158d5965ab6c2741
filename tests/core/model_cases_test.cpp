// Seed 003 (Models and Fields) examples run through the C++ API, one case per oracle id:
// the printed lines, every statement with its parameters, the query count and the errors.

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <type_traits>

#include "peewasm/peewasm.hpp"
#include "support/oracle.hpp"
#include "support/python_repr.hpp"
#include "support/query_count.hpp"
#include "support/seed003.hpp"

using namespace peewasm;
using peewasm::test::Blog;
using peewasm::test::FixedClock;
using peewasm::test::oracle_case;
using peewasm::test::oracle_output;
using peewasm::test::oracle_statements;
using peewasm::test::py_join;
using peewasm::test::py_repr;
using peewasm::test::Recorder;

namespace {

using Lines = std::vector<std::string>;

// An example's body ran: its printed lines, statements and query count are the oracle's.
void check_case(const std::string& id, const Lines& lines, const Recorder& body, const QueryCount& count) {
  CAPTURE(id);
  CHECK(lines == oracle_output(id));
  peewasm::test::check_oracle(body, id);
  CHECK(count.delta() == oracle_case(id)["query_count"].get<std::int64_t>());
}

// The example's setup ran: its statements are the oracle's setup, byte for byte.
void check_setup(const std::string& id, const std::vector<peewasm::test::Statement>& setup) {
  CAPTURE(id);
  peewasm::test::check_statements(setup, oracle_statements(id, "setup"));
}

// Python's repr() of a JSON document loaded as a dict.
std::string repr(const nlohmann::ordered_json& json) {
  if (json.is_object()) {
    std::vector<std::string> items;
    for (const auto& [key, item] : json.items()) items.push_back(py_repr(Value(key)) + ": " + repr(item));
    std::string list = py_join(items);
    return "{" + list.substr(1, list.size() - 2) + "}";
  }
  if (json.is_string()) return py_repr(Value(json.get<std::string>()));
  if (json.is_boolean()) return json.get<bool>() ? "True" : "False";
  if (json.is_null()) return "None";
  return json.dump();
}

std::string py_bool(bool value) { return value ? "True" : "False"; }

// type(value).__name__ for what SQLite returns.
std::string python_type(const Value& value) {
  switch (value.type()) {
    case ValueType::Null: return "NoneType";
    case ValueType::Integer: return "int";
    case ValueType::Real: return "float";
    case ValueType::Text: return "str";
    case ValueType::Blob: return "bytes";
    case ValueType::Boolean: return "bool";
  }
  return "";
}

std::string class_name(const Field& field) { return std::string(field_class_name(field.type())); }

}  // namespace

TEST_SUITE("schema") {
  TEST_CASE("mf003.fields.user_ddl: a model without a primary key gets an AutoField named id") {
    Database db;
    ModelRegistry models;
    Recorder recorder(db);
    QueryCount count(db);
    Model User = models.define({.name = "User",
                                .fields = {CharField("username"), DateTimeField("join_date"), TextField("about_me")},
                                .meta = {.database = &db}});
    create_tables(db, {User});
    const Field& pk = *User.meta().primary_key();
    check_case("mf003.fields.user_ddl", {class_name(pk) + " " + pk.name()}, recorder, count);
  }

  TEST_CASE("mf003.fields.message_fk: a foreign key loads its user; the backref selects the messages") {
    Database db;
    ModelRegistry models;
    FixedClock clock;
    Recorder recorder(db);
    Model User = models.define({.name = "User",
                                .fields = {CharField("username"), DateTimeField("join_date"), TextField("about_me")},
                                .meta = {.database = &db}});
    Model Message = models.define({.name = "Message",
                                   .fields = {ForeignKeyField("user", User).backref("messages"), TextField("body"),
                                              DateTimeField("send_date").default_function([&] { return clock(); })},
                                   .meta = {.database = &db}});
    create_tables(db, {User, Message});
    Instance some_user = User.create({{"username", "Some User"}, {"join_date", "2024-01-01 00:00:00"}, {"about_me", ""}});
    for (const char* body : {"some message", "another message", "yet another message"}) {
      Message.create({{"user", some_user}, {"body", body}});
    }
    Instance some_message = Message.get(Message["body"] == "some message");
    check_setup("mf003.fields.message_fk", recorder.statements());
    recorder.clear();

    QueryCount count(db);
    Lines lines{some_message.related("user")->get("username").to_string()};
    for (const Instance& message : some_user.backref("messages").execute()) {
      lines.push_back(message.get("body").to_string());
    }
    check_case("mf003.fields.message_fk", lines, recorder, count);
  }

  TEST_CASE("mf003.defaults.mutable_json: a default function gives every instance its own document") {
    Database db;
    ModelRegistry models;
    Recorder recorder(db);
    QueryCount count(db);
    Model House = models.define(
        {.name = "House",
         .fields = {TextField("number"), TextField("street"),
                    JSONField("attributes").default_function([] { return Value(R"({"beds": 0, "baths": 0})"); })},
         .meta = {.database = &db}});
    create_tables(db, {House});
    Instance h1 = House.new_instance({{"number", "1"}, {"street", "Main"}});
    Instance h2 = House.new_instance({{"number", "2"}, {"street", "Main"}});
    // h1.attributes['beds'] = 3, on the document's text.
    auto attributes = nlohmann::ordered_json::parse(h1.get("attributes").as_text());
    attributes["beds"] = 3;
    h1.set("attributes", attributes.dump());
    h1.save();
    h2.save();
    Lines houses;
    for (const Instance& h : House.select().order_by({House["id"]}).execute()) {
      houses.push_back(
          py_join({py_repr(h.get("number")), repr(nlohmann::ordered_json::parse(h.get("attributes").as_text()))}, true));
    }
    check_case("mf003.defaults.mutable_json", {py_join(houses)}, recorder, count);
  }

  TEST_CASE("JSONField stores any spacing as Python writes it, and SQLite refuses a malformed document") {
    Database db;
    ModelRegistry models;
    Model Doc = models.define({.name = "Doc", .fields = {JSONField("body").null()}, .meta = {.database = &db}});
    create_tables(db, {Doc});
    Recorder recorder(db);
    Doc.create({{"body", R"({"name":"caf\u00e9","tags":["a","b"],"n":{"x":1.5}})"}});
    Doc.create({{"body", "{\"name\": \"caf\xc3\xa9 \xf0\x9f\x90\xb1\"}"}});
    Doc.create({{"body", 3}});
    Doc.create({{"body", true}});
    Doc.create({{"body", Value()}});
    std::vector<Value> sent;
    for (const auto& statement : recorder.statements()) sent.push_back(statement.params.at(0));
    CHECK(sent == std::vector<Value>{R"({"name": "caf\u00e9", "tags": ["a", "b"], "n": {"x": 1.5}})",
                                     R"({"name": "caf\u00e9 \ud83d\udc31"})", "3", "true", Value()});
    CHECK(recorder.statements().back().sql == R"(INSERT INTO "doc" ("body") VALUES (?))");
    CHECK(recorder.statements().front().sql == R"(INSERT INTO "doc" ("body") VALUES (json(?)))");
    CHECK(Doc.get_by_id(3).get("body") == Value("3"));
    CHECK_THROWS_WITH_AS(Doc.create({{"body", "{beds: 3"}}), "malformed JSON", OperationalError);
    CHECK_THROWS_WITH_AS(Doc.create({{"body", Blob{1}}}),
                         "JSONField Doc.body: cannot store b'\\x01' (blob); pass JSON text such as '{\"key\": 1}', a "
                         "number or a boolean",
                         DataError);
    CHECK(Doc.select().count() == 5);
  }

  TEST_CASE("mf003.fk.lazy_load_false(_join): the key reads as its id and never queries; a join loads the user") {
    Blog blog(false);
    auto run = [&](const std::string& id, const ModelSelect& query, bool joined) {
      check_setup(id, blog.setup);
      Recorder recorder(blog.db);
      QueryCount count(blog.db);
      Lines lines;
      for (const Instance& tweet : query.execute()) {
        const Value user = joined ? tweet.related("user")->get("username") : tweet.get("user");
        lines.push_back(user.to_string() + " " + tweet.get("message").to_string());
      }
      check_case(id, lines, recorder, count);
    };
    run("mf003.fk.lazy_load_false", blog.Tweet.select(), false);
    run("mf003.fk.lazy_load_false_join", blog.Tweet.select({blog.Tweet, blog.User}).join(blog.User), true);
  }

  TEST_CASE("mf003.fk.backrefs_outbox_inbox: two keys to one model, each with its own backref") {
    Database db;
    ModelRegistry models;
    Recorder recorder(db);
    QueryCount count(db);
    Model User = models.define({.name = "User", .fields = {CharField("username")}, .meta = {.database = &db}});
    Model Message = models.define({.name = "Message",
                                   .fields = {ForeignKeyField("from_user", User).backref("outbox"),
                                              ForeignKeyField("to_user", User).backref("inbox"), TextField("text")},
                                   .meta = {.database = &db}});
    create_tables(db, {User, Message});
    Instance some_user = User.create({{"username", "some user"}});
    Instance other = User.create({{"username", "other"}});
    Message.create({{"from_user", some_user}, {"to_user", other}, {"text", "hi other"}});
    Message.create({{"from_user", other}, {"to_user", some_user}, {"text", "hi back"}});
    Message.create({{"from_user", some_user}, {"to_user", other}, {"text", "bye"}});
    Lines lines;
    for (const char* backref : {"outbox", "inbox"}) {
      for (const Instance& message : some_user.backref(backref).execute()) lines.push_back(message.str());
    }
    lines.push_back(py_bool(User.meta().find_backref("message_set") != nullptr));
    check_case("mf003.fk.backrefs_outbox_inbox", lines, recorder, count);
  }

  TEST_CASE("mf003.fields.datetime_parts: year, month and day of a DateTimeField in SQL") {
    Database db;
    ModelRegistry models;
    FixedClock clock;
    Recorder recorder(db);
    QueryCount count(db);
    Model Event = models.define({.name = "Event", .fields = {TextField("name"), DateTimeField("event_date")},
                                 .meta = {.database = &db}});
    create_tables(db, {Event});
    for (auto [name, when] : std::vector<std::pair<const char*, const char*>>{{"new year", "2024-01-01 12:00:00"},
                                                                             {"mid", "2024-01-17 09:30:00"},
                                                                             {"late", "2023-12-31 23:59:00"},
                                                                             {"feb", "2024-02-05 00:00:00"}}) {
      Event.create({{"name", name}, {"event_date", when}});
    }
    const std::string now = clock().as_text();
    const int year = std::stoi(now.substr(0, 4)), month = std::stoi(now.substr(5, 2));
    auto query = Event.select({Event["event_date"].day().alias("day")})
                     .where(Event["event_date"].year() == year && Event["event_date"].month() == month);
    Lines days;
    for (const Instance& e : query.execute()) days.push_back(e.get("day").to_string());
    check_case("mf003.fields.datetime_parts", {now + " " + py_join(days)}, recorder, count);
  }

  TEST_CASE("date parts: every part, truncation, timestamps, and the fields that have none") {
    Database db;
    ModelRegistry models;
    Model Log = models.define({.name = "Log",
                               .fields = {DateTimeField("at").null(), DateField("day"), TimeField("time"),
                                          TimestampField("stamp"), TimestampField("ms").resolution(1000),
                                          TextField("note")},
                               .meta = {.database = &db}});
    create_tables(db, {Log});
    Log.create({{"at", "2024-03-05 06:07:08.5"}, {"day", "2024-03-05"}, {"time", "06:07:08"},
                {"stamp", "2024-03-05 06:07:08"}, {"ms", "2024-03-05 06:07:08"}, {"note", "x"}});
    auto row = [&](std::vector<Selection> columns) { return Log.select(std::move(columns)).tuples().at(0); };
    const Expr at = Log["at"];
    CHECK(row({at.year(), at.month(), at.day(), at.hour(), at.minute(), at.second()}) ==
          std::vector<Value>{2024, 3, 5, 6, 7, 8});
    CHECK(row({Log["day"].year(), Log["day"].day(), Log["time"].hour(), Log["time"].second()}) ==
          std::vector<Value>{2024, 5, 6, 8});
    CHECK(row({Log["stamp"].minute(), Log["ms"].second(), Log["ms"].year()}) == std::vector<Value>{7, 8, 2024});
    CHECK(row({at.truncate("year"), at.truncate("month"), at.truncate("hour"), Log["day"].truncate("day")}) ==
          std::vector<Value>{"2024-01-01 00:00:00", "2024-03-01 00:00:00", "2024-03-05 06:00:00", "2024-03-05 00:00:00"});
    CHECK(Log.select({Log["ms"].year()}).sql().sql ==
          R"(SELECT date_part(?, datetime(("t1"."ms" / ?), ?)) FROM "log" AS "t1")");
    CHECK(Log.select({Log["ms"].year()}).sql().params == std::vector<Value>{"year", 1000, "unixepoch"});

    // NULL stays NULL; text that is no date is an error naming the value.
    Log.update({{"at", Value()}}).execute();
    CHECK(row({at.year()}) == std::vector<Value>{Value()});
    Log.update({{"day", "soon"}}).execute();
    CHECK_THROWS_WITH_AS(row({Log["day"].month()}),
                         "date_part('month', ...): 'soon' is not a date or time as SQLite stores them (YYYY-MM-DD HH:MM:SS)",
                         OperationalError);
    CHECK_THROWS_WITH_AS(row({fn("date_part", "week", Log["time"])}),
                         "date_part(): unknown part 'week'; use year, month, day, hour, minute or second", OperationalError);

    CHECK_THROWS_WITH_AS(Log["note"].year(),
                         "TextField Log.note has no year(); date parts exist on DateTimeField, DateField, TimeField and "
                         "TimestampField",
                         ImproperlyConfigured);
    CHECK_THROWS_WITH_AS(Log["day"].hour(), "DateField Log.day has no hour(); it has year(), month() and day()",
                         ImproperlyConfigured);
    CHECK_THROWS_WITH_AS(Log["time"].truncate("month"),
                         "TimeField Log.time has no month(); it has hour(), minute() and second()", ImproperlyConfigured);
    CHECK_THROWS_WITH_AS(at.truncate("week"), "truncate(\"week\"): use year, month, day, hour, minute or second",
                         ImproperlyConfigured);
    CHECK_THROWS_WITH_AS(fn("max", at).year(),
                         "year() applies to a date or time field (Event[\"event_date\"]), not to an expression",
                         ImproperlyConfigured);
  }

  TEST_CASE("mf003.bitfield.instance_flags: flags set on an instance add up in its BitField") {
    Database db;
    ModelRegistry models;
    Recorder recorder(db);
    QueryCount count(db);
    Model Post = models.define({.name = "Post", .fields = {TextField("content"), BitField("flags")}, .meta = {.database = &db}});
    constexpr std::int64_t is_favorite = 1, is_sticky = 2, is_minimized = 4;
    Instance p = Post.new_instance();
    p.set_flag("flags", is_sticky);
    p.set_flag("flags", is_minimized);
    check_case("mf003.bitfield.instance_flags",
               {p.get("flags").to_string(), py_bool(p.flag("flags", is_favorite)), py_bool(p.flag("flags", is_sticky))},
               recorder, count);
  }

  TEST_CASE("mf003.barefield.junk: a BareField column keeps each value's own type") {
    Database db;
    ModelRegistry models;
    Recorder recorder(db);
    QueryCount count(db);
    Model Junk = models.define({.name = "Junk", .fields = {BareField("anything")}, .meta = {.database = &db}});
    create_tables(db, {Junk});
    Junk.create({{"anything", "a string"}});
    Junk.create({{"anything", 12345}});
    Junk.create({{"anything", 3.14159}});
    Lines lines;
    for (const Instance& j : Junk.select().execute()) {
      lines.push_back(python_type(j.get("anything")) + " " + j.get("anything").to_string());
    }
    check_case("mf003.barefield.junk", lines, recorder, count);
  }

  TEST_CASE("mf003.custom_field.uuid: a custom field type, mapped to a column type by the database") {
    Database db(":memory:", {.field_types = {{"uuid", "text"}}});
    ModelRegistry models;
    Recorder recorder(db);
    QueryCount count(db);
    // db_value: UUID -> hex; python_value: hex -> UUID (shown dashed, as str(uuid) prints it).
    FieldAdapter uuid_hex{.db_value =
                              [](const Value& v) {
                                std::string hex = v.as_text();
                                std::erase(hex, '-');
                                return Value(hex);
                              },
                          .python_value =
                              [](const Value& v) {
                                const std::string& h = v.as_text();
                                return Value(h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" +
                                             h.substr(16, 4) + "-" + h.substr(20));
                              }};
    Model Thing = models.define({.name = "Thing", .fields = {CustomField("key", "uuid", uuid_hex)}, .meta = {.database = &db}});
    create_tables(db, {Thing});
    Thing.create({{"key", "00000000-0000-4000-8000-000000000001"}});
    check_case("mf003.custom_field.uuid", {"UUID('" + Thing.get().get("key").as_text() + "')"}, recorder, count);
  }

  TEST_CASE("mf003.fields.naming_conflicts: column names differ from field names; C++ has no clash") {
    Database db;
    ModelRegistry models;
    Recorder recorder(db);
    QueryCount count(db);
    Model LogEntry = models.define({.name = "LogEntry",
                                    .fields = {TextField("event"), TimestampField("create_").column_name("create"),
                                               TimestampField("update_").column_name("update")},
                                    .meta = {.database = &db}});
    create_tables(db, {LogEntry});
    LogEntry.create({{"event", "x"}, {"create_", "2024-01-01 00:00:00"}, {"update_", "2024-01-02 00:00:00"}});
    Lines lines{std::to_string(LogEntry.select().where(LogEntry["create_"] < LogEntry["update_"]).count())};
    // Fields named like Model methods only shadow them in Python; here they are plain fields.
    Model BadLogEntry =
        models.define({.name = "BadLogEntry", .fields = {TextField("event"), TimestampField("create"), TimestampField("update")}});
    lines.push_back(class_name(BadLogEntry.meta().field("create")) + " " + class_name(BadLogEntry.meta().field("update")));
    check_case("mf003.fields.naming_conflicts", lines, recorder, count);
  }

  TEST_CASE("mf003.model_options.meta: the options become the model's Metadata") {
    Database contacts_db;
    ModelRegistry models;
    Recorder recorder(contacts_db);
    QueryCount count(contacts_db);
    Model Person = models.define({.name = "Person", .fields = {CharField("name")}, .meta = {.database = &contacts_db}});
    // The first line is Python's AttributeError for Person.Meta: a Model handle has no Meta
    // member at all, which the compiler checks. The database is peewasm's SqliteDatabase.
    static_assert(std::is_same_v<decltype(Person.meta()), const Metadata&>);
    std::string fields;
    for (const Field* field : Person.meta().sorted_fields()) {
      fields += (fields.empty() ? "" : ", ") + ("'" + field->name() + "': '" + class_name(*field) + "'");
    }
    Lines lines{"Metadata", "{" + fields + "}", class_name(*Person.meta().primary_key()),
                "SqliteDatabase " + py_bool(Person.meta().database() == &contacts_db)};
    Lines expected = oracle_output("mf003.model_options.meta");
    CHECK(expected.front() == "AttributeError: type object 'Person' has no attribute 'Meta'");
    CHECK(lines == Lines(expected.begin() + 1, expected.end()));
    peewasm::test::check_oracle(recorder, "mf003.model_options.meta");
    CHECK(count.delta() == 0);
  }

  TEST_CASE("mf003.model_options.inheritance: the database is inherited, the table name is not") {
    Database db;
    ModelRegistry models;
    Recorder recorder(db);
    QueryCount count(db);
    Model ModelOne = models.define({.name = "ModelOne", .meta = {.database = &db, .table_name = "model_one_tbl"}});
    Model ModelTwo = models.define({.name = "ModelTwo", .extends = ModelOne});
    check_case("mf003.model_options.inheritance",
               {py_bool(ModelOne.meta().database() == ModelTwo.meta().database()),
                py_bool(ModelOne.meta().table_name() == ModelTwo.meta().table_name()), ModelTwo.meta().table_name()},
               recorder, count);
  }

  TEST_CASE("mf003.table_names.legacy: legacy and snake_case table names") {
    Lines lines;
    for (const char* name : {"User", "UserProfile", "APIResponse", "WebHTTPRequest", "mixedCamelCase", "Name2Numbers3XYZ"}) {
      ModelRegistry by_default, legacy, snake;
      lines.push_back(std::string(name) + " " + by_default.define({.name = name}).meta().table_name() + " " +
                      legacy.define({.name = name, .meta = {.legacy_table_names = true}}).meta().table_name() + " " +
                      snake.define({.name = name, .meta = {.legacy_table_names = false}}).meta().table_name());
    }
    CHECK(lines == oracle_output("mf003.table_names.legacy"));
    CHECK(oracle_statements("mf003.table_names.legacy").empty());
  }

  TEST_CASE("mf003.table_names.table_name: an explicit table name") {
    Database db;
    ModelRegistry models;
    Recorder recorder(db);
    QueryCount count(db);
    Model UserProfile = models.define({.name = "UserProfile", .meta = {.database = &db, .table_name = "user_profile_tbl"}});
    create_tables(db, {UserProfile});
    check_case("mf003.table_names.table_name", {UserProfile.meta().table_name()}, recorder, count);
  }

  TEST_CASE("mf003.table_names.table_function: a table function inherited from the base model") {
    ModelRegistry models;
    Model Base = models.define({.name = "BaseModel", .meta = {.table_function = [](std::string_view model_name) {
                                  std::string name(model_name);
                                  std::transform(name.begin(), name.end(), name.begin(),
                                                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
                                  return name + "_tbl";
                                }}});
    Model User = models.define({.name = "User", .extends = Base});
    Model UserProfile = models.define({.name = "UserProfile", .extends = Base});
    CHECK(Lines{User.meta().table_name() + " " + UserProfile.meta().table_name()} ==
          oracle_output("mf003.table_names.table_function"));
  }

  TEST_CASE("mf003.indexes.trailing_comma: a multi-column unique index, and an index on fields that do not exist") {
    Database db;
    ModelRegistry models;
    Recorder recorder(db);
    QueryCount count(db);
    Model Person = models.define({.name = "Person",
                                  .fields = {CharField("first_name"), CharField("last_name")},
                                  .meta = {.database = &db, .indexes = std::vector<IndexSpec>{{{"first_name", "last_name"}, true}}}});
    create_tables(db, {Person});
    // Without the trailing comma Python reads the index's fields as the letters of
    // "first_name". A typed IndexSpec cannot make that mistake; this one spells out what
    // Python saw. As in Peewee, the table is created and the index refused.
    std::vector<std::string> letters;
    for (char c : std::string("first_name")) letters.emplace_back(1, c);
    Model Person2 = models.define({.name = "Person2",
                                   .fields = {CharField("first_name"), CharField("last_name")},
                                   .meta = {.database = &db, .indexes = std::vector<IndexSpec>{{letters, false}}}});
    CHECK_THROWS_WITH_AS(create_tables(db, {Person2}), "Person2 has no field 'f'; its fields are: id, first_name, last_name",
                         ImproperlyConfigured);
    CHECK(oracle_output("mf003.indexes.trailing_comma") == Lines{"KeyError 'f'"});
    peewasm::test::check_oracle(recorder, "mf003.indexes.trailing_comma");
    CHECK(count.delta() == oracle_case("mf003.indexes.trailing_comma")["query_count"].get<std::int64_t>());
  }

  TEST_CASE("mf003.pk.integer_vs_autofield: an IntegerField key is the rowid unless given") {
    Database db;
    ModelRegistry models;
    Recorder recorder(db);
    QueryCount count(db);
    Model MyModel = models.define({.name = "MyModel", .fields = {IntegerField("id").primary_key()}, .meta = {.database = &db}});
    Model MyAutoModel = models.define({.name = "MyAutoModel", .fields = {AutoField("id")}, .meta = {.database = &db}});
    create_tables(db, {MyModel, MyAutoModel});
    Lines lines{MyAutoModel.create().get("id").to_string()};
    MyModel.create();  // SQLite gives an INTEGER PRIMARY KEY its rowid: no IntegrityError
    lines.push_back(MyModel.create({{"id", 5}}).get("id").to_string());
    check_case("mf003.pk.integer_vs_autofield", lines, recorder, count);
  }

  TEST_CASE("mf003.pk.imagetag_composite: a composite key of two foreign keys") {
    Database db;
    ModelRegistry models;
    Recorder recorder(db);
    QueryCount count(db);
    Model Image = models.define({.name = "Image", .fields = {TextField("filename"), CharField("mimetype")}, .meta = {.database = &db}});
    Model Tag = models.define({.name = "Tag", .fields = {CharField("label")}, .meta = {.database = &db}});
    Model ImageTag = models.define({.name = "ImageTag",
                                    .fields = {ForeignKeyField("image", Image), ForeignKeyField("tag", Tag)},
                                    .meta = {.database = &db, .primary_key = CompositeKey{{"image", "tag"}}}});
    create_tables(db, {Image, Tag, ImageTag});
    Instance img = Image.create({{"filename", "a.png"}, {"mimetype", "image/png"}});
    Instance tag = Tag.create({{"label", "cat"}});
    Instance it = ImageTag.create({{"image", img}, {"tag", tag}});
    Lines labels;
    for (const Instance& t : Tag.select().join(ImageTag).where(ImageTag["image"] == img).execute()) {
      labels.push_back(py_repr(t.get("label")));
    }
    check_case("mf003.pk.imagetag_composite", {it.str(), py_join(labels)}, recorder, count);
  }

  TEST_CASE("mf003.pk.uuid_model: a chosen key is inserted with force_insert, then saved normally") {
    Database db;
    ModelRegistry models;
    Recorder recorder(db);
    QueryCount count(db);
    Model UUIDModel = models.define({.name = "UUIDModel", .fields = {UUIDField("id").primary_key()}, .meta = {.database = &db}});
    create_tables(db, {UUIDModel});
    UUIDModel.create({{"id", "00000000-0000-4000-8000-000000000001"}});
    Instance obj2 = UUIDModel.new_instance({{"id", "00000000-0000-4000-8000-000000000002"}});
    Lines lines;
    // Peewee raises ValueError('no data to save!'); peewasm's error for it is a DataError.
    auto save = [&](bool force_insert) {
      try {
        lines.push_back(std::to_string(obj2.save(force_insert)));
      } catch (const DataError& e) {
        lines.push_back(std::string("ValueError: ") + e.what());
      }
    };
    save(false);
    save(true);
    save(false);
    Lines ids;
    for (const Instance& m : UUIDModel.select().order_by({UUIDModel["id"]}).execute()) ids.push_back(py_repr(m.get("id")));
    lines.push_back(py_join(ids));
    check_case("mf003.pk.uuid_model", lines, recorder, count);
  }

  TEST_CASE("mf003.pk.integer_pk_999: an explicit integer key") {
    Database db;
    ModelRegistry models;
    Recorder recorder(db);
    QueryCount count(db);
    Model User = models.define({.name = "User", .fields = {IntegerField("id").primary_key(), CharField("username")},
                                .meta = {.database = &db}});
    create_tables(db, {User});
    Instance u = User.create({{"id", 999}, {"username", "somebody"}});
    check_case("mf003.pk.integer_pk_999",
               {u.get("id").to_string(), User.get(User["username"] == "somebody").get("id").to_string()}, recorder, count);
  }

  TEST_CASE("mf003.pk.no_primary_key: a table without a primary key") {
    Database db;
    ModelRegistry models;
    Recorder recorder(db);
    QueryCount count(db);
    Model MyData = models.define({.name = "MyData", .fields = {DateTimeField("timestamp"), IntegerField("value")},
                                  .meta = {.database = &db, .primary_key = NoPrimaryKey{}}});
    create_tables(db, {MyData});
    MyData.insert({{"timestamp", "2024-01-01 00:00:00"}, {"value", 1}}).execute();
    check_case("mf003.pk.no_primary_key", {std::to_string(MyData.select().count())}, recorder, count);
  }

  TEST_CASE("mf003.circular.name_error: a foreign key to a model not defined yet") {
    ModelRegistry models;
    const auto& expected = oracle_case("mf003.circular.name_error");
    REQUIRE(expected["expect_error"].get<bool>());
    CHECK(expected["error"]["message"] == "name 'Tweet' is not defined");
    CHECK_THROWS_WITH_AS(models.define({.name = "User", .fields = {CharField("username"), ForeignKeyField("favorite_tweet", "Tweet").null()}}),
                         "ForeignKeyField User.favorite_tweet references model 'Tweet', which is not defined; define "
                         "Tweet first, or use DeferredForeignKey for a model defined later",
                         ImproperlyConfigured);
    CHECK_FALSE(models.find("User").has_value());  // nothing half-defined is left behind
    // Nor a backref on a model the failed definition did reach.
    Model Post = models.define({.name = "Post", .fields = {TextField("message")}});
    CHECK_THROWS_AS(models.define({.name = "User", .fields = {ForeignKeyField("pinned", Post), ForeignKeyField("favorite_tweet", "Tweet")}}),
                    ImproperlyConfigured);
    CHECK(Post.meta().backrefs().empty());
  }

  TEST_CASE("mf003.circular.integer_field: an integer column instead of a foreign key") {
    Database db;
    ModelRegistry models;
    Recorder recorder(db);
    QueryCount count(db);
    Model User = models.define({.name = "User", .fields = {CharField("username"), IntegerField("favorite_tweet_id").null()},
                                .meta = {.database = &db}});
    create_tables(db, {User});
    check_case("mf003.circular.integer_field", {}, recorder, count);
  }
}
