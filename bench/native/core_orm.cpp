// The workloads on the peewasm C++ core, written as its README shows: models, create(),
// select().join(), related() for foreign keys, get_by_id().
#include <peewasm/peewasm.hpp>

#include <string>
#include <vector>

#include "sides.hpp"

namespace bench {
namespace {

using namespace peewasm;

constexpr std::size_t kBulkChunk = 100;  // rows per insert_many, as Peewee's docs suggest

struct Schema {
  ModelRegistry models;
  Model user, tweet, favorite;

  explicit Schema(Database& db) {
    Model base = models.define({.name = "BaseModel", .meta = {.database = &db}});
    user = models.define({.name = "User", .fields = {CharField("username")}, .extends = base});
    tweet = models.define({.name = "Tweet",
                           .fields = {ForeignKeyField("user", user).backref("tweets"), TextField("content"),
                                      DateTimeField("timestamp")},
                           .extends = base});
    favorite = models.define({.name = "Favorite",
                              .fields = {ForeignKeyField("user", user).backref("favorites"),
                                         ForeignKeyField("tweet", tweet).backref("favorites")},
                              .extends = base});
    create_tables(db, {user, tweet, favorite});
  }

  std::string counts() const {
    return table_counts(user.select().count(), tweet.select().count(), favorite.select().count());
  }
};

template <class Row, class ToValues>
void insert_chunks(const Model& model, const std::vector<Row>& rows, const std::vector<std::string>& fields,
                   ToValues to_values) {
  for (std::size_t start = 0; start < rows.size(); start += kBulkChunk) {
    std::vector<std::vector<Value>> chunk;
    for (std::size_t i = start; i < rows.size() && i < start + kBulkChunk; ++i) chunk.push_back(to_values(rows[i]));
    model.insert_many(chunk, fields).execute();
  }
}

void bulk_load(Database& db, Schema& s, const Data& data) {
  db.atomic([&] {
    insert_chunks(s.user, data.users, {"username"}, [](const UserRow& u) { return std::vector<Value>{u.username}; });
    insert_chunks(s.tweet, data.tweets, {"user", "content", "timestamp"},
                  [](const TweetRow& t) { return std::vector<Value>{t.user_id, t.content, t.timestamp}; });
    insert_chunks(s.favorite, data.favorites, {"user", "tweet"},
                  [](const FavoriteRow& f) { return std::vector<Value>{f.user_id, f.tweet_id}; });
  });
}

std::int64_t text_size(const Value& value) { return static_cast<std::int64_t>(value.as_text().size()); }

}  // namespace

struct CoreOrm::Impl {
  const Data& data;
  Database db;
  Schema schema;

  explicit Impl(const Data& d) : data(d), db(":memory:"), schema(db) { bulk_load(db, schema, data); }
};

CoreOrm::CoreOrm(const Data& data) : impl_(std::make_unique<Impl>(data)) {}
CoreOrm::~CoreOrm() = default;

Workloads CoreOrm::workloads() {
  Impl& s = *impl_;
  const Model& User = s.schema.user;
  const Model& Tweet = s.schema.tweet;
  return {
      {"W1", [&s] {
         Database fresh(":memory:");
         Schema schema(fresh);
         fresh.atomic([&] {
           for (const UserRow& u : s.data.users) schema.user.create({{"username", u.username}});
           for (const TweetRow& t : s.data.tweets) {
             schema.tweet.create({{"user", t.user_id}, {"content", t.content}, {"timestamp", t.timestamp}});
           }
           for (const FavoriteRow& f : s.data.favorites) {
             schema.favorite.create({{"user", f.user_id}, {"tweet", f.tweet_id}});
           }
         });
         return Answer{schema.counts()};
       }},
      {"W2", [Tweet] {
         Tally tally;
         for (const Instance& t : Tweet.select().execute()) {
           tally.add(t.get("id").as_int() + t.get("user").as_int() + text_size(t.get("content")) +
                     timestamp_seconds(t.get("timestamp").as_text()));
         }
         return Answer{tally.str()};
       }},
      {"W3", [Tweet, User] {
         Tally tally;
         for (const Instance& t : Tweet.select({Tweet, User}).join(User).execute()) {
           tally.add(text_size(t.get("content")) + text_size(t.related("user")->get("username")));
         }
         return Answer{tally.str()};
       }},
      {"W5", [&s, Tweet] {
         Tally tally;
         std::int64_t before = s.db.query_count();
         for (const Instance& t : Tweet.select().order_by({Tweet["id"]}).limit(s.data.sizes.lazy_loads).execute()) {
           tally.add(text_size(t.related("user")->get("username")));
         }
         return Answer{tally.str(), s.db.query_count() - before};
       }},
      {"W7", [&s, Tweet] {
         Tally tally;
         for (std::int64_t id : s.data.lookup_ids) {
           Instance t = Tweet.get_by_id(id);
           tally.add(t.get("id").as_int() + text_size(t.get("content")));
         }
         return Answer{tally.str()};
       }},
  };
}

}  // namespace bench
