#pragma once
// The benchmark's data set and checksums, as bench/harness/data.js and checksum.js define
// them (same formulas, so the checksums here equal the JS harness's expected ones).

#include <cstdint>
#include <ctime>
#include <string>
#include <vector>

namespace bench {

struct Sizes {
  int users, tweets, favorites, lazy_loads, lookups;
};
inline constexpr Sizes kFull{2000, 20000, 20000, 500, 10000};
inline constexpr Sizes kSmoke{20, 200, 200, 10, 100};

struct UserRow {
  std::int64_t id;
  std::string username;
};
struct TweetRow {
  std::int64_t id;
  std::int64_t user_id;
  std::string content;
  std::string timestamp;
};
struct FavoriteRow {
  std::int64_t id, user_id, tweet_id;
};

struct Data {
  Sizes sizes;
  std::vector<UserRow> users;
  std::vector<TweetRow> tweets;
  std::vector<FavoriteRow> favorites;
  std::vector<std::int64_t> lookup_ids;
};

inline std::string timestamp_text(std::int64_t seconds) {
  std::time_t t = 1577836800 + seconds;  // 2020-01-01 00:00:00 UTC
  std::tm tm{};
  gmtime_r(&t, &tm);
  char text[20];
  std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S", &tm);
  return text;
}

inline Data make_data(Sizes s) {
  Data d{s, {}, {}, {}, {}};
  for (int i = 0; i < s.users; ++i) d.users.push_back({i + 1, "user-" + std::to_string(i)});
  for (int i = 0; i < s.tweets; ++i) {
    d.tweets.push_back({i + 1, i % s.users + 1, "tweet-" + std::to_string(i), timestamp_text(i)});
  }
  for (int i = 0; i < s.favorites; ++i) {
    d.favorites.push_back({i + 1, (7 * i) % s.users + 1, (13 * i) % s.tweets + 1});
  }
  for (int i = 0; i < s.lookups; ++i) d.lookup_ids.push_back(static_cast<std::int64_t>(i) * 7919 % s.tweets + 1);
  return d;
}

inline std::int64_t timestamp_seconds(const std::string& text) { return (text[17] - '0') * 10 + (text[18] - '0'); }

struct Tally {
  std::int64_t count = 0;
  std::int64_t sum = 0;
  void add(std::int64_t value) {
    ++count;
    sum += value;
  }
  std::string str() const { return std::to_string(count) + "/" + std::to_string(sum); }
};

inline std::string table_counts(std::int64_t users, std::int64_t tweets, std::int64_t favorites) {
  return "users=" + std::to_string(users) + " tweets=" + std::to_string(tweets) +
         " favorites=" + std::to_string(favorites);
}

// What a workload answered: its checksum, and the queries it ran where that is the point (W5).
struct Answer {
  std::string checksum;
  std::int64_t queries = -1;
};

}  // namespace bench
