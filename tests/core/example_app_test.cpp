// Seed 004 (the example app) against the oracle: following, followers, the timeline subquery,
// get_or_create, paginate and get_object_or_404.

#include <doctest/doctest.h>

#include "peewasm/peewasm.hpp"
#include "support/example_app.hpp"
#include "support/oracle.hpp"
#include "support/output_check.hpp"
#include "support/python_repr.hpp"
#include "support/query_count.hpp"

using namespace peewasm;
using peewasm::test::check_oracle;
using peewasm::test::check_statements;
using peewasm::test::oracle_case;
using peewasm::test::ExampleApp;
using peewasm::test::oracle_output;
using peewasm::test::oracle_statements;
using peewasm::test::Recorder;

TEST_SUITE("query") {
  TEST_CASE("the example app's fixture runs the oracle's setup statement for statement") {
    ExampleApp app;
    check_statements(app.setup.statements(), oracle_statements("ex004.queries.following", "setup"));
    // create_tables() is the first six of them.
    std::vector<peewasm::test::Statement> ddl(app.setup.statements().begin(), app.setup.statements().begin() + 6);
    check_statements(ddl, oracle_statements("ex004.models.create_tables"));
  }
}

namespace {
using peewasm::test::check_output;
using peewasm::test::py_list;
using peewasm::test::words;
using peewasm::test::str;
using peewasm::test::listed;

std::string py_bool(bool value) { return value ? "True" : "False"; }
}  // namespace

TEST_SUITE("query") {
  TEST_CASE("example app: following, followers, is_following") {
    ExampleApp app;
    Recorder recorder(app.db);
    QueryCount count(app.db);
    std::vector<std::string> lines;
    std::string id;
    SUBCASE("following") {
      id = "ex004.queries.following";
      lines.push_back(listed(app.following(app.huey).execute(), "username"));
    }
    SUBCASE("followers") {
      id = "ex004.queries.followers";
      lines.push_back(listed(app.followers(app.huey).execute(), "username"));
    }
    SUBCASE("is_following") {
      id = "ex004.queries.is_following";
      lines.push_back(py_bool(app.is_following(app.huey, app.mickey)));
      lines.push_back(py_bool(app.is_following(app.mickey, app.zaizee)));
    }
    CHECK(count.delta() == oracle_case(id)["query_count"].get<int>());
    check_output(lines, id);
    check_oracle(recorder, id);
  }

  TEST_CASE("example app: create_table(safe) keeps the table; count() wraps the query") {
    ExampleApp app;
    Recorder recorder(app.db);
    app.User.create_table(true);
    check_output({std::to_string(app.User.select().count())}, "ex004.models.create_table_safe");
    check_oracle(recorder, "ex004.models.create_table_safe");
  }

  TEST_CASE("example app: the join view gets the user, or creates one") {
    ExampleApp app;
    Recorder recorder(app.db);
    std::vector<std::string> lines;
    struct Form {
      std::string username, password_md5, email;
    };
    // md5 of "secret" and "other", as the view stores them.
    for (const Form& form : {Form{"newbie", "5ebe2294ecd0e0f08eab7690d2a6ee69", "newbie@example.com"},
                             Form{"newbie", "795f3202b17cb6bc3d4b771d8c6c9eaf", "other@example.com"}}) {
      Instance user;
      try {
        user = app.User.get(app.User["username"] == form.username);
        lines.push_back("flash: That username is already taken");
      } catch (const DoesNotExist&) {
        user = app.User.create({{"username", form.username}, {"password", form.password_md5}, {"email", form.email}, {"join_date", app.clock()}});
      }
      lines.push_back(words({str(user.get("id")), str(user.get("username")), str(user.get("password")), str(user.get("join_date"))}));
    }
    check_output(lines, "ex004.create.join_view");
    check_oracle(recorder, "ex004.create.join_view");
  }

  TEST_CASE("example app: following someone with get_or_create") {
    ExampleApp app;
    Recorder recorder(app.db);
    QueryCount count(app.db);
    std::vector<std::string> lines;
    for (int i = 0; i < 2; ++i) {
      auto [rel, created] = app.Relationship.get_or_create({{"from_user", app.huey}, {"to_user", app.charlie}});
      lines.push_back(words({str(rel.get("id")), str(rel.get("from_user_id")), str(rel.get("to_user_id")), py_bool(created)}));
    }
    CHECK(count.delta() == 5);
    check_output(lines, "ex004.create.get_or_create");
    check_oracle(recorder, "ex004.create.get_or_create");
  }

  TEST_CASE("example app: the timeline, messages of the users one follows, through IN (subquery)") {
    ExampleApp app;
    Recorder recorder(app.db);
    auto timeline = app.Message.select().where(app.Message["user"].in_(app.following(app.huey)));
    check_output({listed(timeline.execute(), "content")}, "ex004.subquery.timeline", peewasm::test::LineOrder::Any);
    check_oracle(recorder, "ex004.subquery.timeline");
  }

  TEST_CASE("example app: the timeline through filter(user__in=...) sends the same query") {
    ExampleApp app;
    Recorder recorder(app.db);
    auto timeline = app.Message.select().filter({{"user__in", app.following(app.huey).expr()}});
    check_output({listed(timeline.execute(), "content")}, "ex004.subquery.timeline_filter", peewasm::test::LineOrder::Any);
    check_oracle(recorder, "ex004.subquery.timeline_filter");
  }

  TEST_CASE("example app: object_list counts and paginates, 20 per page") {
    ExampleApp app;
    Recorder recorder(app.db);
    QueryCount count(app.db);
    auto qr = app.Message.select().order_by({app.Message["pub_date"].desc()});
    std::vector<std::string> lines;
    for (int page : {1, 2}) {
      Value pages(static_cast<double>(qr.count()) / 20 + 1);
      lines.push_back(words({"public_messages.html", std::to_string(page), pages.to_string(), listed(qr.paginate(page).execute(), "content")}));
    }
    CHECK(count.delta() == 4);
    check_output(lines, "ex004.object_list.paginate");
    check_oracle(recorder, "ex004.object_list.paginate");
  }

  TEST_CASE("example app: get_object_or_404") {
    ExampleApp app;
    Recorder recorder(app.db);
    auto get_object_or_404 = [&](const Expr& where) -> Instance {
      try {
        return app.User.get(where);
      } catch (const DoesNotExist&) {
        throw std::runtime_error("404");
      }
    };
    std::vector<std::string> lines{str(get_object_or_404(app.User["username"] == "huey").get("email"))};
    try {
      get_object_or_404(app.User["username"] == "nobody");
    } catch (const std::runtime_error& abort) {
      lines.push_back(std::string("abort ") + abort.what());
    }
    check_output(lines, "ex004.helpers.get_object_or_404");
    check_oracle(recorder, "ex004.helpers.get_object_or_404");
  }
}
