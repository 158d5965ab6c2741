// ModelSelect::filter: Peewee's keyword filters, on the query's own fields.

#include <doctest/doctest.h>

#include "peewasm/peewasm.hpp"
#include "support/seed003.hpp"

using namespace peewasm;
using peewasm::test::Blog;

TEST_SUITE("query") {
  TEST_CASE("filter() turns field__operator keys into ANDed conditions, as where() would") {
    Blog blog;
    const Model& Tweet = blog.Tweet;
    const Model& User = blog.User;
    ModelSelect users = User.select().where(User["username"] == "user1");
    CHECK(Tweet.select().filter({{"user__in", users}, {"message__ne", Expr("x")}}).sql() ==
          Tweet.select().where(Tweet["user"].in_(users)).where(Tweet["message"] != Expr("x")).sql());
    CHECK(Tweet.select().filter({{"message", Expr("tweet from user2")}}).count() == 1);
    CHECK(Tweet.select().filter({{"user__in", users}}).count() == 2);
    CHECK(Tweet.select().filter({{"id__gte", Expr(2)}, {"id__lt", Expr(3)}}).count() == 1);
  }

  TEST_CASE("filter() refuses unknown fields and paths across foreign keys") {
    Blog blog;
    CHECK_THROWS_AS(blog.Tweet.select().filter({{"nope", Expr(1)}}), ImproperlyConfigured);
    CHECK_THROWS_WITH_AS(blog.Tweet.select().filter({{"user__username", Expr("user1")}}),
                         "Tweet.select().filter(user__username): filters across foreign keys are not supported; "
                         "join() the related model and use where() on its fields",
                         ImproperlyConfigured);
  }
}
