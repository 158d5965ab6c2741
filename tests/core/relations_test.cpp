// Relationships at run time: backrefs as queries, many-to-many through models (seeds 000 and
// 001, byte for byte against the oracle), and the errors for relations misused.

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <type_traits>

#include "peewasm/peewasm.hpp"
#include "support/example_run.hpp"
#include "support/oracle.hpp"
#include "support/python_repr.hpp"
#include "support/query_count.hpp"
#include "support/seed001.hpp"

using namespace peewasm;
using peewasm::test::check_statements;
using peewasm::test::LineOrder;
using peewasm::test::oracle_statements;
using peewasm::test::py_list;
using peewasm::test::Recorder;

namespace {

std::vector<std::string> names(const std::vector<Instance>& rows, const std::string& field) {
  std::vector<std::string> lines;
  for (const Instance& row : rows) lines.push_back(row.get(field).to_string());
  return lines;
}

std::string field_list(const std::vector<Instance>& rows, const std::string& field) {
  std::vector<Value> values;
  for (const Instance& row : rows) values.push_back(row.get(field));
  return py_list(values);
}

// Setup "s000.m2m_explicit": students and courses joined by a model of their own.
struct ExplicitEnrollment {
  Database db;
  ModelRegistry models;
  Model Student, Course, StudentCourse;
  ExplicitEnrollment() {
    Student = models.define({.name = "Student", .fields = {CharField("name")}, .meta = {.database = &db}});
    Course = models.define({.name = "Course", .fields = {CharField("name")}, .meta = {.database = &db}});
    StudentCourse = models.define({.name = "StudentCourse",
                                   .fields = {ForeignKeyField("student", Student), ForeignKeyField("course", Course)},
                                   .meta = {.database = &db}});
    create_tables(db, {Student, Course, StudentCourse});
    std::map<std::string, Instance> students, courses;
    for (const char* name : {"da vinci", "huey", "mickey"}) students[name] = Student.create({{"name", name}});
    for (const char* name : {"math", "art", "physics"}) courses[name] = Course.create({{"name", name}});
    for (auto [s, c] : std::vector<std::pair<const char*, const char*>>{
             {"da vinci", "math"}, {"da vinci", "art"}, {"da vinci", "physics"}, {"huey", "math"}, {"mickey", "art"}}) {
      StudentCourse.create({{"student", students[s]}, {"course", courses[c]}});
    }
  }
};

// Setup "s000.m2m_field": Course.students, a ManyToManyField, with rows added through it.
struct School {
  Database db;
  Recorder setup{db};
  ModelRegistry models;
  Model BaseModel, Student, Course, StudentCourse;
  Instance cs_150;
  School() {
    BaseModel = models.define({.name = "BaseModel", .meta = {.database = &db}});
    Student = models.define({.name = "Student", .fields = {CharField("name")}, .extends = BaseModel});
    Course = models.define({.name = "Course",
                            .fields = {CharField("name"), ManyToManyField("students", Student).backref("courses")},
                            .extends = BaseModel});
    StudentCourse = Course.get_through_model("students");
    create_tables(db, {Student, Course, StudentCourse});
    for (const char* name : {"Huey", "Mickey", "Charlie", "Zaizee"}) Student.create({{"name", name}});
    for (const char* name : {"CS 101", "CS 150", "English 101", "English 151", "Math 101"}) Course.create({{"name", name}});
    student("Huey").many_to_many("courses").add(Course.select().where(Course["name"].in_({"CS 101", "CS 150"})));
    student("Zaizee").many_to_many("courses").add(course("CS 150"));
    student("Charlie").many_to_many("courses").add(course("Math 101"));
    cs_150 = course("CS 150");
  }
  Instance student(const std::string& name) const { return Student.get(Student["name"] == name); }
  Instance course(const std::string& name) const { return Course.get(Course["name"] == name); }
};

// Setup "s001.no_backref": Tweet.user declares no backref.
struct NoBackref {
  Database db;
  ModelRegistry models;
  test::FixedClock clock;
  Model User, Tweet;
  NoBackref() {
    Model Base = models.define({.name = "BaseModel", .meta = {.database = &db}});
    User = models.define({.name = "User", .fields = {TextField("username")}, .extends = Base});
    Tweet = models.define({.name = "Tweet",
                           .fields = {ForeignKeyField("user", User), TextField("content"),
                                      DateTimeField("timestamp").default_function([this] { return clock(); })},
                           .extends = Base});
    create_tables(db, {User, Tweet});
    Instance alice = User.create({{"username", "alice"}});
    Instance bob = User.create({{"username", "bob"}});
    for (const char* content : {"alice-1", "alice-2"}) Tweet.create({{"user", alice}, {"content", content}});
    Tweet.create({{"user", bob}, {"content", "bob-1"}});
  }
};

// Seed 001's Student and Course (rj001.m2m.*), defined in the example body.
struct Enrollments {
  Model Student, Course, Enrollment;
  explicit Enrollments(test::Seed001& seed) {
    Student = seed.models.define({.name = "Student", .fields = {TextField("name")}, .extends = seed.Base});
    Course = seed.models.define({.name = "Course",
                                 .fields = {TextField("title"), ManyToManyField("students", Student).backref("courses")},
                                 .extends = seed.Base});
    Enrollment = Course.get_through_model("students");
  }
};

}  // namespace

TEST_SUITE("query") {
  TEST_CASE("seed 000: many-to-many through an explicit model, joined either way") {
    ExplicitEnrollment school;
    const Model &Student = school.Student, &Course = school.Course, &StudentCourse = school.StudentCourse;
    test::ExampleRun run(school.db);
    SUBCASE("rj000.m2m.explicit_students_in_math") {
      auto query = Student.select().join(StudentCourse).join(Course).where(Course["name"] == "math");
      run.check(names(query.execute(), "name"), "rj000.m2m.explicit_students_in_math", LineOrder::Any);
    }
    SUBCASE("rj000.m2m.explicit_courses_of_student") {
      auto courses = Course.select().join(StudentCourse).join(Student).where(Student["name"] == "da vinci");
      run.check(names(courses.execute(), "name"), "rj000.m2m.explicit_courses_of_student", LineOrder::Any);
    }
    SUBCASE("rj000.m2m.explicit_through_listing") {
      auto query = StudentCourse.select({StudentCourse, Student, Course})
                       .join(Course)
                       .switch_(StudentCourse)
                       .join(Student)
                       .order_by({Student["name"]});
      std::vector<std::string> lines;
      for (const Instance& sc : query.execute()) {
        lines.push_back(test::words({sc.related("student")->get("name").to_string(), "->",
                                     sc.related("course")->get("name").to_string()}));
      }
      run.check(lines, "rj000.m2m.explicit_through_listing");
    }
  }

  TEST_CASE("seed 000: ManyToManyField adds an instance, a list or a query; removes; clears") {
    School school;
    check_statements(school.setup.statements(), oracle_statements("rj000.m2m.manytomanyfield", "setup"));
    const Model &Student = school.Student, &Course = school.Course;
    test::ExampleRun run(school.db);
    std::vector<std::string> lines;
    Instance huey = school.student("Huey");
    for (const Instance& course : huey.many_to_many("courses").order_by({Course["name"]}).execute()) {
      lines.push_back(course.get("name").to_string());
    }
    Instance engl_101 = school.course("English 101");
    for (const Instance& student : engl_101.many_to_many("students").execute()) lines.push_back(student.get("name").to_string());
    huey.many_to_many("courses").add(Course.select().where(Course["name"].contains("English")));
    engl_101.many_to_many("students").add(school.student("Mickey"));
    engl_101.many_to_many("students").add({school.student("Charlie"), school.student("Zaizee")});
    huey.many_to_many("courses").remove(Course.select().where(Course["name"].startswith("CS")));
    engl_101.many_to_many("students").remove(huey);
    school.cs_150.many_to_many("students").clear();
    lines.push_back(field_list(huey.many_to_many("courses").order_by({Course["name"]}).execute(), "name"));
    lines.push_back(field_list(engl_101.many_to_many("students").order_by({Student["name"]}).execute(), "name"));
    run.check(lines, "rj000.m2m.manytomanyfield");
  }

  TEST_CASE("seed 001: a backref is a query (ModelSelect) that chains") {
    test::Seed001 seed;
    const Model& Tweet = seed.Tweet;
    test::ExampleRun run(seed.db);
    Instance alice = seed.user("alice");
    static_assert(std::is_same_v<decltype(alice.backref("tweets")), ModelSelect>);
    SUBCASE("rj001.backref.iterate") {
      std::vector<std::string> lines{"peewee.ModelSelect"};
      for (const std::string& content : names(alice.backref("tweets").execute(), "content")) lines.push_back(content);
      run.check(lines, "rj001.backref.iterate");
    }
    SUBCASE("rj001.backref.sql") {
      run.check({test::py_sql(alice.backref("tweets").sql())}, "rj001.backref.sql");
    }
    SUBCASE("rj001.backref.chain") {
      auto recent = alice.backref("tweets").order_by({Tweet["timestamp"].desc()}).limit(2);
      run.check(names(recent.execute(), "content"), "rj001.backref.chain");
    }
  }

  TEST_CASE("seed 001: with no backref given, the accessor is <model>_set") {
    NoBackref seed;
    test::ExampleRun run(seed.db);
    std::vector<std::string> lines{seed.User.meta().find_backref("tweet_set") ? "True" : "False"};
    Instance alice = seed.User.get(seed.User["username"] == "alice");
    for (const std::string& content : names(alice.backref("tweet_set").execute(), "content")) lines.push_back(content);
    lines.push_back(test::py_sql(alice.backref("tweet_set").sql()));
    run.check(lines, "rj001.backref.default_name");
  }

  TEST_CASE("seed 001: two foreign keys to User, two backrefs (following, followers)") {
    test::Seed001 seed;
    seed.add_relationships();
    test::ExampleRun run(seed.db);
    Instance alice = seed.user("alice");
    std::vector<Value> following, followers;
    for (const Instance& r : alice.backref("following").execute()) following.push_back(r.related("to_user")->get("username"));
    for (const Instance& r : alice.backref("followers").execute()) followers.push_back(r.related("from_user")->get("username"));
    run.check({py_list(following), py_list(followers)}, "rj001.multi_fk.backrefs");
  }

  TEST_CASE("seed 001: ManyToManyField, its through model and both accessors") {
    test::Seed001 seed;
    test::ExampleRun run(seed.db);
    SUBCASE("rj001.m2m.manytomanyfield") {
      Enrollments m2m(seed);
      const Model& Course = m2m.Course;
      create_tables(seed.db, {m2m.Student, Course, m2m.Enrollment});
      Instance alice = m2m.Student.create({{"name", "Alice"}});
      Instance cs101 = Course.create({{"title", "CS 101"}});
      alice.many_to_many("courses").add(cs101);
      alice.many_to_many("courses").add(Course.select().where(Course["title"].contains("Math")));
      cs101.many_to_many("students").remove(alice);
      cs101.many_to_many("students").clear();
      run.check(names(alice.many_to_many("courses").order_by({Course["title"]}).execute(), "title"),
                "rj001.m2m.manytomanyfield");
      auto queries = test::oracle_case("rj001.m2m.manytomanyfield")["queries"];
      CHECK(alice.many_to_many("courses").sql().sql == queries["alice.courses"]["sql"]);
      CHECK(cs101.many_to_many("students").sql().sql == queries["cs101.students"]["sql"]);
    }
    SUBCASE("rj001.m2m.manytomanyfield_traced") {
      Enrollments m2m(seed);
      const Model &Student = m2m.Student, &Course = m2m.Course, &Enrollment = m2m.Enrollment;
      std::vector<std::string> field_names;
      for (const Field* field : Enrollment.meta().sorted_fields()) field_names.push_back("'" + field->name() + "'");
      std::sort(field_names.begin(), field_names.end());
      std::vector<std::string> lines{
          test::words({Enrollment.name(), Enrollment.meta().table_name(), test::py_join(field_names)})};
      create_tables(seed.db, {Student, Course, Enrollment});
      Instance alice = Student.create({{"name", "Alice"}});
      Instance bob = Student.create({{"name", "Bob"}});
      Instance cs101 = Course.create({{"title", "CS 101"}});
      Course.create({{"title", "Math 101"}});
      Course.create({{"title", "Discrete Math"}});
      auto show = [&](const std::string& label) {
        lines.push_back(test::words({label, field_list(alice.many_to_many("courses").order_by({Course["title"]}).execute(), "title"),
                                     field_list(cs101.many_to_many("students").order_by({Student["name"]}).execute(), "name")}));
      };
      alice.many_to_many("courses").add(cs101);
      show("add cs101:");
      alice.many_to_many("courses").add(Course.select().where(Course["title"].contains("Math")));
      show("add Math query:");
      cs101.many_to_many("students").add(bob);
      show("add bob:");
      cs101.many_to_many("students").remove(alice);
      show("remove alice:");
      cs101.many_to_many("students").clear();
      show("clear:");
      for (const std::string& title : names(alice.many_to_many("courses").order_by({Course["title"]}).execute(), "title")) {
        lines.push_back(title);
      }
      run.check(lines, "rj001.m2m.manytomanyfield_traced");
    }
  }
}

TEST_SUITE("query") {
  TEST_CASE("a backref of an unsaved instance is Peewee's fk == None: it matches nothing") {
    test::Seed001 seed;
    Instance nobody = seed.User.new_instance({{"username", "nobody"}});
    CHECK(nobody.backref("tweets").sql() == seed.Tweet.select().where(seed.Tweet["user"] == Value()).sql());
    CHECK(nobody.backref("tweets").count() == 0);
  }

  TEST_CASE("relation names that do not exist say which names the model has") {
    School school;
    Instance huey = school.student("Huey");
    test::Seed001 seed;
    Instance alice = seed.user("alice");
    QueryCount count(seed.db);
    CHECK_THROWS_WITH_AS(alice.backref("posts"), "User has no backref 'posts'; its backrefs are: tweets, favorites",
                         ImproperlyConfigured);
    CHECK_THROWS_WITH_AS(alice.many_to_many("tweets"),
                         "User has no many-to-many relation 'tweets'; its many-to-many relations are: (none) (tweets is a "
                         "backref: use backref(\"tweets\"))",
                         ImproperlyConfigured);
    CHECK_THROWS_WITH_AS(huey.backref("courses"),
                         "Student has no backref 'courses'; its backrefs are: coursestudentthrough_set (courses is a "
                         "many-to-many relation: use many_to_many(\"courses\"))",
                         ImproperlyConfigured);
    CHECK_THROWS_WITH_AS(huey.many_to_many("classes"),
                         "Student has no many-to-many relation 'classes'; its many-to-many relations are: courses",
                         ImproperlyConfigured);
    CHECK_THROWS_WITH_AS(school.Course.get_through_model("teachers"),
                         "Course has no many-to-many relation 'teachers'; its many-to-many relations are: students",
                         ImproperlyConfigured);
    CHECK(count.delta() == 0);
  }

  TEST_CASE("many-to-many writes refuse the wrong model and unsaved rows before sending anything") {
    School school;
    Instance huey = school.student("Huey");
    Instance mickey = school.student("Mickey");
    QueryCount count(school.db);
    ManyToManyQuery courses = huey.many_to_many("courses");
    CHECK_THROWS_WITH_AS(courses.add(mickey), "Student.courses.add() takes Course instances, not a Student", DataError);
    CHECK_THROWS_WITH_AS(courses.remove(std::vector<Instance>{mickey}),
                         "Student.courses.remove() takes Course instances, not a Student", DataError);
    CHECK_THROWS_WITH_AS(courses.add(school.Student.select()), "Student.courses.add() takes a query of Course, not of Student",
                         DataError);
    CHECK_THROWS_WITH_AS(courses.remove(school.Student.select()),
                         "Student.courses.remove() takes a query of Course, not of Student", DataError);
    CHECK_THROWS_WITH_AS(courses.add(school.Course.new_instance({{"name", "Art"}})),
                         "Student.courses.add(): a Course is not saved yet (no id); save() it first", ProgrammingError);
    Instance unsaved = school.Student.new_instance({{"name", "New"}});
    CHECK_THROWS_WITH_AS(unsaved.many_to_many("courses").add(std::vector<Value>{1}),
                         "Student.courses: this Student is not saved yet (no id); save() it first", ProgrammingError);
    CHECK_THROWS_WITH_AS(unsaved.many_to_many("courses").clear(),
                         "Student.courses: this Student is not saved yet (no id); save() it first", ProgrammingError);
    SUBCASE("empty lists write nothing") {
      courses.add(std::vector<Instance>{});
      CHECK(courses.remove(std::vector<Value>{}) == 0);
    }
    CHECK(count.delta() == 0);
  }

  TEST_CASE("many-to-many add takes ids, several rows at once, and clear_existing replaces the set") {
    School school;
    Instance huey = school.student("Huey");
    Recorder recorder(school.db);
    huey.many_to_many("courses").add(std::vector<Value>{3, 4}, true);
    CHECK(huey.many_to_many("courses").remove(std::vector<Value>{3, 5}) == 1);
    check_statements(recorder.statements(),
                     {{R"(DELETE FROM "course_student_through" WHERE ("course_student_through"."student_id" = ?))", {1}},
                      {R"(INSERT INTO "course_student_through" ("course_id", "student_id") VALUES (?, ?), (?, ?))", {3, 1, 4, 1}},
                      {R"(DELETE FROM "course_student_through" WHERE (("course_student_through"."course_id" IN (?, ?)) AND ("course_student_through"."student_id" = ?)))",
                       {3, 5, 1}}});
    CHECK(names(huey.many_to_many("courses").execute(), "name") == std::vector<std::string>{"English 151"});
    CHECK(huey.many_to_many("courses").count() == 1);
    CHECK(school.course("English 151").many_to_many("students").where(school.Student["name"] == "Huey").exists());
  }
}

TEST_SUITE("schema") {
  TEST_CASE("ManyToManyField: default backref <model>s, \"+\" for none, on_delete on the through keys") {
    Database db(":memory:", {.pragmas = {{"foreign_keys", 1}}});
    ModelRegistry models;
    Model Student = models.define({.name = "Student", .fields = {CharField("name")}, .meta = {.database = &db}});
    SUBCASE("default backref") {
      Model Course = models.define({.name = "Course", .fields = {ManyToManyField("students", Student)}, .meta = {.database = &db}});
      const ManyToManyRelation& courses = Student.meta().many_to_many("courses");
      CHECK(courses.is_backref);
      CHECK(courses.rel_model == &Course.meta());
      CHECK(courses.src_fk == &Course.get_through_model("students").meta().field("student"));
    }
    SUBCASE("no backref") {
      models.define({.name = "Course", .fields = {ManyToManyField("students", Student).backref("+")}, .meta = {.database = &db}});
      CHECK(Student.meta().many_to_many_relations().empty());
    }
    SUBCASE("ON DELETE CASCADE removes the links with the row") {
      Model Course = models.define({.name = "Course",
                                    .fields = {CharField("name"), ManyToManyField("students", Student).on_delete("CASCADE")},
                                    .meta = {.database = &db}});
      Model Through = Course.get_through_model("students");
      CHECK(SchemaManager(Through).create_table_sql().sql ==
            R"(CREATE TABLE IF NOT EXISTS "course_student_through" ("id" INTEGER NOT NULL PRIMARY KEY, "course_id" INTEGER NOT NULL, "student_id" INTEGER NOT NULL, FOREIGN KEY ("course_id") REFERENCES "course" ("id") ON DELETE CASCADE, FOREIGN KEY ("student_id") REFERENCES "student" ("id") ON DELETE CASCADE))");
      create_tables(db, {Student, Course, Through});
      Instance math = Course.create({{"name", "Math"}});
      Instance ann = Student.create({{"name", "Ann"}});
      math.many_to_many("students").add(ann);
      CHECK(ann.many_to_many("courses").count() == 1);
      math.delete_instance();
      CHECK(Through.select().count() == 0);
    }
  }

  TEST_CASE("a self-referential many-to-many needs an explicit through model") {
    Database db;
    ModelRegistry models;
    CHECK_THROWS_WITH_AS(models.define({.name = "Person", .fields = {ManyToManyField("friends", "self")}, .meta = {.database = &db}}),
                         "ManyToManyField Person.friends relates Person to itself; define a through model with two foreign "
                         "keys to Person (DeferredForeignKey) and pass .through_model(\"<its name>\")",
                         ImproperlyConfigured);
    CHECK_FALSE(models.find("Person"));
    Model Friendship = models.define({.name = "Friendship",
                                      .fields = {DeferredForeignKey("from_person", "Person"), DeferredForeignKey("to_person", "Person")},
                                      .meta = {.database = &db}});
    Model Person = models.define(
        {.name = "Person",
         .fields = {CharField("name"), ManyToManyField("friends", "self").through_model("Friendship").backref("friend_of")},
         .meta = {.database = &db}});
    CHECK(Person.get_through_model("friends") == Friendship);
    create_tables(db, {Person, Friendship});
    Instance ann = Person.create({{"name", "Ann"}});
    Instance bo = Person.create({{"name", "Bo"}});
    Instance cy = Person.create({{"name", "Cy"}});
    ann.many_to_many("friends").add({bo, cy});
    CHECK(ann.many_to_many("friends").sql().sql ==
          R"(SELECT "t1"."id", "t1"."name" FROM "person" AS "t1" INNER JOIN "friendship" AS "t2" ON ("t2"."to_person_id" = "t1"."id") INNER JOIN "person" AS "t3" ON ("t2"."from_person_id" = "t3"."id") WHERE ("t2"."from_person_id" = ?))");
    CHECK(names(ann.many_to_many("friends").order_by({Person["name"]}).execute(), "name") == std::vector<std::string>{"Bo", "Cy"});
    CHECK(names(cy.many_to_many("friend_of").execute(), "name") == std::vector<std::string>{"Ann"});
    CHECK(cy.many_to_many("friends").count() == 0);
  }

  TEST_CASE("relations that cannot be defined fail before the model exists, naming the fix") {
    Database db;
    ModelRegistry models;
    Model Student = models.define({.name = "Student", .fields = {CharField("name")}, .meta = {.database = &db}});
    Model Tag = models.define({.name = "Tag", .fields = {CharField("name")}, .meta = {.database = &db}});
    auto define_course = [&](Field m2m, std::vector<Field> more = {}) {
      more.push_back(std::move(m2m));
      return models.define({.name = "Course", .fields = std::move(more), .meta = {.database = &db}});
    };
    CHECK_THROWS_WITH_AS(define_course(ManyToManyField("students", "Pupil")),
                         "ManyToManyField Course.students references model 'Pupil', which is not defined; define Pupil first",
                         ImproperlyConfigured);
    CHECK_THROWS_WITH_AS(define_course(ManyToManyField("students", Student).through_model("Enrollment")),
                         "ManyToManyField Course.students names the through model 'Enrollment', which is not defined; "
                         "define it first",
                         ImproperlyConfigured);
    CHECK_THROWS_WITH_AS(define_course(ManyToManyField("students", Student).through_model("Tag")),
                         "ManyToManyField Course.students: the through model Tag needs a foreign key to Course and one to "
                         "Student",
                         ImproperlyConfigured);
    CHECK_THROWS_WITH_AS(define_course(ManyToManyField("students", Student), {CharField("students")}),
                         "ManyToManyField Course.students: Course already has a field or relation named 'students'; pick "
                         "another name",
                         ImproperlyConfigured);
    CHECK_THROWS_WITH_AS(define_course(ManyToManyField("students", Student).backref("name")),
                         "ManyToManyField Course.students: Student already has a field or relation named 'name'; pass "
                         ".backref() another name, or \"+\" for none",
                         ImproperlyConfigured);
    CHECK_FALSE(models.find("Course"));
    CHECK_FALSE(models.find("CourseStudentThrough"));
    CHECK_THROWS_WITH_AS(models.define({.name = "Essay",
                                        .fields = {ForeignKeyField("author", Student).backref("name")},
                                        .meta = {.database = &db}}),
                         "ForeignKeyField Essay.author: its backref 'name' collides with the field Student.name; pass "
                         ".backref() another name, or \"+\" for none",
                         ImproperlyConfigured);
  }
}
