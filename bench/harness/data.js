// The benchmark's data set, deterministic: the same rows for every peer and every run.
// Ids are 1-based (SQLite's rowids); row i of each table is 0-based in the formulas.

export const SIZES = {
  full: { users: 2000, tweets: 20000, favorites: 20000, lazyLoads: 500, lookups: 10000 },
  smoke: { users: 20, tweets: 200, favorites: 200, lazyLoads: 10, lookups: 100 },
};

const BASE_TIME = Date.UTC(2020, 0, 1);

// 'YYYY-MM-DD HH:MM:SS', Peewee's DateTimeField text in SQLite.
function timestampText(seconds) {
  return new Date(BASE_TIME + seconds * 1000).toISOString().slice(0, 19).replace('T', ' ');
}

export function makeData(size) {
  const users = [];
  for (let i = 0; i < size.users; i++) users.push({ id: i + 1, username: `user-${i}` });
  const tweets = [];
  for (let i = 0; i < size.tweets; i++) {
    tweets.push({ id: i + 1, userId: (i % size.users) + 1, content: `tweet-${i}`, timestamp: timestampText(i) });
  }
  const favorites = [];
  for (let i = 0; i < size.favorites; i++) {
    favorites.push({ id: i + 1, userId: ((7 * i) % size.users) + 1, tweetId: ((13 * i) % size.tweets) + 1 });
  }
  // Lookups spread over the table (7919 is prime, so consecutive ids are never asked twice in a row).
  const lookupIds = [];
  for (let i = 0; i < size.lookups; i++) lookupIds.push(((i * 7919) % size.tweets) + 1);
  return { size, users, tweets, favorites, lookupIds, lazyLoads: size.lazyLoads };
}

// The seconds field of a timestamp, whichever way a peer hands it over (text or Date).
export function timestampSeconds(value) {
  if (typeof value === 'string') return (value.charCodeAt(17) - 48) * 10 + (value.charCodeAt(18) - 48);
  return value.getSeconds();
}
