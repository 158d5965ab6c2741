// BitField flags on instances, in conditions and in bulk updates; BigBitField bitmaps (seed 003).

#include <doctest/doctest.h>

#include <cstdio>

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

  TEST_CASE("BigBitField bitmaps set, clear and toggle bits, and store the bytes Peewee stores") {
    Database db;
    ModelRegistry models;
    Model Bitmap = models.define({.name = "Bitmap", .fields = {BigBitField("data")}, .meta = {.database = &db}});
    Recorder recorder(db);
    create_tables(db, {Bitmap});
    Instance bitmap = Bitmap.new_instance();
    for (std::size_t bit : {1, 11, 63, 31, 55, 48, 100, 99}) bitmap.set_bit("data", bit);
    CHECK(bitmap.is_set("data", 11));
    CHECK_FALSE(bitmap.is_set("data", 12));
    bitmap.clear_bit("data", 11);
    CHECK_FALSE(bitmap.is_set("data", 11));
    CHECK(bitmap.toggle_bit("data", 63) == false);
    CHECK(bitmap.toggle_bit("data", 63) == true);
    CHECK(bitmap.is_set("data", 63));
    CHECK_FALSE(bitmap.is_set("data", 5000));  // past the buffer: not set, and no growth
    bitmap.clear_bit("data", 5000);
    bitmap.save();

    Instance loaded = Bitmap.get_by_id(bitmap.pk());
    std::string hex;
    const Value data = loaded.get("data");
    for (std::uint8_t byte : data.as_blob()) {
      char two[3];
      std::snprintf(two, sizeof two, "%02x", byte);
      hex += two;
    }
    std::string set_bits;
    for (std::size_t i = 0; i < 104; ++i) {
      if (loaded.is_set("data", i)) set_bits += (set_bits.empty() ? "" : ", ") + std::to_string(i);
    }
    CHECK(std::vector<std::string>{hex, "[" + set_bits + "]"} == peewasm::test::oracle_output("mf003.bigbitfield.bitmap"));
    check_oracle(recorder, "mf003.bigbitfield.bitmap");
  }

  TEST_CASE("bit operations on a field that is not a BigBitField name it") {
    ModelRegistry models;
    Model Post = models.define({.name = "Post", .fields = {BitField("flags")}});
    CHECK_THROWS_WITH_AS(Post.new_instance().set_bit("flags", 3),
                         "Post.flags is a BitField, not a BigBitField; bit operations need a BigBitField", ImproperlyConfigured);
  }
}
