#pragma once
// The "latest tweet per user" example that seeds 000 and 001 share: Tweet joined to a grouped
// alias of itself, as a subquery or as a CTE, printing "<username> -> <content>".

#include <string>
#include <vector>

#include "peewasm/peewasm.hpp"
#include "support/output_check.hpp"

namespace peewasm::test {

enum class LatestVia { Subquery, Cte };

// Seed: a fixture with Tweet (user, timestamp, content) and User (username) models.
template <class Seed>
std::vector<std::string> latest_tweet_lines(const Seed& s, LatestVia via) {
  Model Latest = s.Tweet.alias();
  auto latest = Latest.select({Latest["user"], fn("MAX", Latest["timestamp"]).alias("max_ts")}).group_by({Latest["user"]});
  ModelSelect query = s.Tweet.select({s.Tweet, s.User});
  if (via == LatestVia::Subquery) {
    auto latest_query = latest.alias("latest_query");
    auto predicate = (s.Tweet["user"] == latest_query.c("user_id")) && (s.Tweet["timestamp"] == latest_query.c("max_ts"));
    query = query.join_from(s.Tweet, latest_query, JoinType::Inner, predicate).join_from(s.Tweet, s.User);
  } else {
    Cte cte = latest.cte("latest");
    auto predicate = (s.Tweet["user"] == cte.c("user_id")) && (s.Tweet["timestamp"] == cte.c("max_ts"));
    query = query.join(cte, JoinType::Inner, predicate).join_from(s.Tweet, s.User).with_cte({cte});
  }
  std::vector<std::string> lines;
  for (const Instance& tweet : query.execute()) lines.push_back(words({related(tweet, "user", "username"), "->", str(tweet.get("content"))}));
  return lines;
}

}  // namespace peewasm::test
