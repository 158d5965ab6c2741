// Relationships at run time: backrefs as queries, many-to-many through models (seeds 000 and
// 001, byte for byte against the oracle), and the errors for relations misused.

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <type_traits>

#include "peewasm/peewasm.hpp"
#include "support/oracle.hpp"
#include "support/output_check.hpp"
#include "support/python_repr.hpp"
#include "support/query_count.hpp"
#include "support/seed001.hpp"

using namespace peewasm;
using peewasm::test::check_oracle;
using peewasm::test::check_output;
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
    Recorder recorder(school.db);
    QueryCount count(school.db);
    SUBCASE("rj000.m2m.explicit_students_in_math") {
      auto query = Student.select().join(StudentCourse).join(Course).where(Course["name"] == "math");
      check_output(names(query.execute(), "name"), "rj000.m2m.explicit_students_in_math", LineOrder::Any);
      check_oracle(recorder, "rj000.m2m.explicit_students_in_math");
    }
    SUBCASE("rj000.m2m.explicit_courses_of_student") {
      auto courses = Course.select().join(StudentCourse).join(Student).where(Student["name"] == "da vinci");
      check_output(names(courses.execute(), "name"), "rj000.m2m.explicit_courses_of_student", LineOrder::Any);
      check_oracle(recorder, "rj000.m2m.explicit_courses_of_student");
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
      check_output(lines, "rj000.m2m.explicit_through_listing");
      check_oracle(recorder, "rj000.m2m.explicit_through_listing");
    }
    CHECK(count.delta() == 1);
  }

  TEST_CASE("seed 000: ManyToManyField adds an instance, a list or a query; removes; clears") {
    School school;
    check_statements(school.setup.statements(), oracle_statements("rj000.m2m.manytomanyfield", "setup"));
    const Model &Student = school.Student, &Course = school.Course;
    Recorder recorder(school.db);
    QueryCount count(school.db);
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
    check_output(lines, "rj000.m2m.manytomanyfield");
    CHECK(count.delta() == 15);
    check_oracle(recorder, "rj000.m2m.manytomanyfield");
  }

  TEST_CASE("seed 001: a backref is a query (ModelSelect) that chains") {
    test::Seed001 seed;
    const Model& Tweet = seed.Tweet;
    Recorder recorder(seed.db);
    QueryCount count(seed.db);
    Instance alice = seed.user("alice");
    static_assert(std::is_same_v<decltype(alice.backref("tweets")), ModelSelect>);
    SUBCASE("rj001.backref.iterate") {
      std::vector<std::string> lines{"peewee.ModelSelect"};
      for (const std::string& content : names(alice.backref("tweets").execute(), "content")) lines.push_back(content);
      check_output(lines, "rj001.backref.iterate");
      CHECK(count.delta() == 2);
      check_oracle(recorder, "rj001.backref.iterate");
    }
    SUBCASE("rj001.backref.sql") {
      check_output({test::py_sql(alice.backref("tweets").sql())}, "rj001.backref.sql");
      CHECK(count.delta() == 1);
      check_oracle(recorder, "rj001.backref.sql");
    }
    SUBCASE("rj001.backref.chain") {
      auto recent = alice.backref("tweets").order_by({Tweet["timestamp"].desc()}).limit(2);
      check_output(names(recent.execute(), "content"), "rj001.backref.chain");
      CHECK(count.delta() == 2);
      check_oracle(recorder, "rj001.backref.chain");
    }
  }

  TEST_CASE("seed 001: with no backref given, the accessor is <model>_set") {
    NoBackref seed;
    Recorder recorder(seed.db);
    QueryCount count(seed.db);
    std::vector<std::string> lines{seed.User.meta().find_backref("tweet_set") ? "True" : "False"};
    Instance alice = seed.User.get(seed.User["username"] == "alice");
    for (const std::string& content : names(alice.backref("tweet_set").execute(), "content")) lines.push_back(content);
    lines.push_back(test::py_sql(alice.backref("tweet_set").sql()));
    check_output(lines, "rj001.backref.default_name");
    CHECK(count.delta() == 2);
    check_oracle(recorder, "rj001.backref.default_name");
  }

  TEST_CASE("seed 001: two foreign keys to User, two backrefs (following, followers)") {
    test::Seed001 seed;
    seed.add_relationships();
    Recorder recorder(seed.db);
    QueryCount count(seed.db);
    Instance alice = seed.user("alice");
    std::vector<Value> following, followers;
    for (const Instance& r : alice.backref("following").execute()) following.push_back(r.related("to_user")->get("username"));
    for (const Instance& r : alice.backref("followers").execute()) followers.push_back(r.related("from_user")->get("username"));
    check_output({py_list(following), py_list(followers)}, "rj001.multi_fk.backrefs");
    CHECK(count.delta() == 6);
    check_oracle(recorder, "rj001.multi_fk.backrefs");
  }

  TEST_CASE("seed 001: ManyToManyField, its through model and both accessors") {
    test::Seed001 seed;
    Recorder recorder(seed.db);
    QueryCount count(seed.db);
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
      check_output(names(alice.many_to_many("courses").order_by({Course["title"]}).execute(), "title"),
                   "rj001.m2m.manytomanyfield");
      CHECK(count.delta() == 13);
      check_oracle(recorder, "rj001.m2m.manytomanyfield");
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
      check_output(lines, "rj001.m2m.manytomanyfield_traced");
      CHECK(count.delta() == 27);
      check_oracle(recorder, "rj001.m2m.manytomanyfield_traced");
    }
  }
}
