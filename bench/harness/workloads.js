// The workloads, in the order they run and print, and the answer each must give (computed
// here from the data, independently of any database).
import { Tally, tableCounts } from './checksum.js';
import { timestampSeconds } from './data.js';

// Rows per statement in the bulk-insert workload (W1b), for every peer: Peewee's docs insert
// in batches of 100, and one statement of all 20,000 rows would pass SQLite's parameter limit.
export const BULK_CHUNK = 100;

export const WORKLOADS = [
  { id: 'W1', title: 'create tables + insert every row (create API, one transaction)' },
  { id: 'W1b', title: 'create tables + insert every row (bulk insert API)' },
  { id: 'W2', title: 'select all tweets as objects, read every field' },
  { id: 'W3', title: 'tweets joined with their user (tweet.content, tweet.user.username)' },
  { id: 'W4', title: 'favorites received per user (LEFT OUTER joins + GROUP BY)' },
  { id: 'W5', title: 'N+1: lazy tweet.user loads' },
  { id: 'W6', title: 'all users with their tweets, eagerly' },
  { id: 'W7', title: 'get-by-id lookups' },
];

export function expectedChecksums(data) {
  const usersById = new Map(data.users.map((u) => [u.id, u]));
  const tweetsById = new Map(data.tweets.map((t) => [t.id, t]));
  const loaded = tableCounts(data.users.length, data.tweets.length, data.favorites.length);

  const w2 = new Tally();
  const w3 = new Tally();
  for (const t of data.tweets) {
    w2.add(t.id + t.userId + t.content.length + timestampSeconds(t.timestamp));
    w3.add(t.content.length + usersById.get(t.userId).username.length);
  }

  const received = new Map(data.users.map((u) => [u.id, 0]));
  for (const f of data.favorites) {
    const author = tweetsById.get(f.tweetId).userId;
    received.set(author, received.get(author) + 1);
  }
  const w4 = new Tally();
  for (const [id, count] of received) w4.add(id * count + count);

  const w5 = new Tally();
  for (const t of data.tweets.slice(0, data.lazyLoads)) w5.add(usersById.get(t.userId).username.length);

  const contentByUser = new Map(data.users.map((u) => [u.id, { tweets: 0, chars: 0 }]));
  for (const t of data.tweets) {
    const entry = contentByUser.get(t.userId);
    entry.tweets += 1;
    entry.chars += t.content.length;
  }
  const w6 = new Tally();
  for (const [id, { tweets, chars }] of contentByUser) w6.add(id * tweets + chars);

  const w7 = new Tally();
  for (const id of data.lookupIds) w7.add(id + tweetsById.get(id).content.length);

  return {
    W1: loaded,
    W1b: loaded,
    W2: String(w2),
    W3: String(w3),
    W4: String(w4),
    W5: String(w5),
    W6: String(w6),
    W7: String(w7),
  };
}
