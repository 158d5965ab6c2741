// BitField flags on instances, in conditions and in bulk updates (seed 003).

#include <doctest/doctest.h>

#include "peewasm/peewasm.hpp"
#include "support/oracle.hpp"

using namespace peewasm;
using peewasm::test::check_oracle;
using peewasm::test::Recorder;

TEST_SUITE("schema") {
  TEST_CASE("BitField flags read and write single bits") {
    ModelRegistry models;
    Model Post = models.define({.name = "Post", .fields = {TextField("content"), BitField("flags")}});
    Instance p = Post.new_instance();
    p.set_flag("flags", 2);  // is_sticky
    p.set_flag("flags", 4);  // is_minimized
    CHECK(p.get("flags") == Value(6));
    CHECK_FALSE(p.flag("flags", 1));
    CHECK(p.flag("flags", 2));
    p.set_flag("flags", 2, false);
    CHECK(p.get("flags") == Value(4));
  }

  TEST_CASE("flags in conditions and bulk updates write Peewee's SQL") {
    Database db;
    ModelRegistry models;
    Model Post = models.define({.name = "Post", .fields = {TextField("content"), BitField("flags")}, .meta = {.database = &db}});
    create_tables(db, {Post});
    for (auto [content, flags] : std::vector<std::pair<std::string, int>>{
             {"plain", 0}, {"fave", 1}, {"sticky", 2}, {"sticky fave", 3}, {"minimized fave", 5}}) {
      Post.create({{"content", content}, {"flags", flags}});
    }
    auto contents = [&](const ModelSelect& query) {
      std::vector<std::string> out;
      for (const Instance& post : query.execute()) out.push_back(post.get("content").as_text());
      return out;
    };
    SUBCASE("conditions") {
      Recorder recorder(db);
      CHECK(contents(Post.select().where(Post.flag("flags", 1))) ==
            std::vector<std::string>{"fave", "sticky fave", "minimized fave"});
      CHECK(contents(Post.select().where(Post.flag("flags", 2) && Post.flag("flags", 1))) == std::vector<std::string>{"sticky fave"});
      check_oracle(recorder, "mf003.bitfield.query_flags");
    }
    SUBCASE("bulk updates") {
      auto flags = [&] {
        std::vector<std::int64_t> out;
        for (const Instance& post : Post.select().order_by({Post["id"]}).execute()) out.push_back(post.get("flags").as_int());
        return out;
      };
      Recorder recorder(db);
      Post.update({{"flags", Post["flags"] | 8}}).execute();
      CHECK(flags() == std::vector<std::int64_t>{8, 9, 10, 11, 13});
      Post.update({{"flags", Post["flags"] & ~(1 | 4)}}).execute();
      CHECK(flags() == std::vector<std::int64_t>{8, 8, 10, 10, 8});
      Post.update({{"flags", Post.set_flag("flags", 8)}}).execute();
      CHECK(flags() == std::vector<std::int64_t>{8, 8, 10, 10, 8});
      Post.update({{"flags", Post.clear_flag("flags", 8)}}).execute();
      CHECK(flags() == std::vector<std::int64_t>{0, 0, 2, 2, 0});
      check_oracle(recorder, "mf003.bitfield.bulk_update");
    }
  }
}
