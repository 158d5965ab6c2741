// The workloads written once for drivers without an ORM (sql.js, the official SQLite wasm,
// better-sqlite3): prepared statements, row objects, relations stitched in JS, as a user of
// such a driver writes them. Each driver gives a thin adapter, loaded once (async):
//   { open() -> { exec(sql), prepare(sql) -> { all(params), get(params), run(params) }, close() } }
import { Tally, tableCounts, usersWithTweetsChecksum } from '../../harness/checksum.js';
import { timestampSeconds } from '../../harness/data.js';
import { BULK_CHUNK } from '../../harness/workloads.js';
import { COUNT, CREATE_TABLES, INSERT, SELECT, insertMany } from './schema.js';

export function rawSqlPeer({ name, kind, version, loadAdapter }) {
  return {
    name,
    kind,
    version,
    // Fresh process: load the driver, open a database, create a table, write and read a row.
    async coldStart() {
      const conn = (await loadAdapter()).open();
      conn.exec(CREATE_TABLES[0]);
      conn.prepare(INSERT.user).run(['huey']);
      return conn.prepare(SELECT.users).get([]).username;
    },
    async open(data) {
      const adapter = await loadAdapter();
      let queries = 0;
      // Statements prepared once per connection, counted each time they run.
      const statements = (conn) => {
        const cache = new Map();
        return (sql) => {
          let stmt = cache.get(sql);
          if (!stmt) {
            const prepared = conn.prepare(sql);
            stmt = {
              all: (params) => (queries++, prepared.all(params)),
              get: (params) => (queries++, prepared.get(params)),
              run: (params) => (queries++, prepared.run(params)),
            };
            cache.set(sql, stmt);
          }
          return stmt;
        };
      };
      const withConnection = (fn) => {
        const conn = adapter.open();
        const stmt = statements(conn);
        try {
          return fn(conn, stmt);
        } finally {
          conn.close();
        }
      };

      const load = (conn, stmt, bulk) => {
        for (const sql of CREATE_TABLES) conn.exec(sql);
        conn.exec('BEGIN');
        if (bulk) {
          insertChunks(stmt, 'user', data.users, (u) => [u.username]);
          insertChunks(stmt, 'tweet', data.tweets, (t) => [t.userId, t.content, t.timestamp]);
          insertChunks(stmt, 'favorite', data.favorites, (f) => [f.userId, f.tweetId]);
        } else {
          const user = stmt(INSERT.user);
          const tweet = stmt(INSERT.tweet);
          const favorite = stmt(INSERT.favorite);
          for (const u of data.users) user.run([u.username]);
          for (const t of data.tweets) tweet.run([t.userId, t.content, t.timestamp]);
          for (const f of data.favorites) favorite.run([f.userId, f.tweetId]);
        }
        conn.exec('COMMIT');
        const count = (table) => stmt(COUNT[table]).get([]).n;
        return tableCounts(count('user'), count('tweet'), count('favorite'));
      };

      const readConn = adapter.open();
      const read = statements(readConn);
      load(readConn, read, true);

      return {
        W1: () => ({ checksum: withConnection((conn, stmt) => load(conn, stmt, false)) }),
        W1b: () => ({ checksum: withConnection((conn, stmt) => load(conn, stmt, true)) }),
        W2() {
          const tally = new Tally();
          for (const t of read(SELECT.tweets).all([])) {
            tally.add(t.id + t.user_id + t.content.length + timestampSeconds(t.timestamp));
          }
          return { checksum: String(tally) };
        },
        W3() {
          const tally = new Tally();
          for (const row of read(SELECT.tweetsWithUser).all([])) tally.add(row.content.length + row.username.length);
          return { checksum: String(tally) };
        },
        W4() {
          const tally = new Tally();
          for (const row of read(SELECT.favoritesPerUser).all([])) tally.add(row.id * row.count + row.count);
          return { checksum: String(tally) };
        },
        W5() {
          const before = queries;
          const tally = new Tally();
          const userById = read(SELECT.userById);
          for (const t of read(SELECT.firstTweets).all([data.lazyLoads])) {
            tally.add(userById.get([t.user_id]).username.length);
          }
          return { checksum: String(tally), queries: queries - before };
        },
        W6() {
          const users = read(SELECT.users).all([]);
          const byId = new Map();
          for (const u of users) {
            u.tweets = [];
            byId.set(u.id, u);
          }
          for (const t of read(SELECT.tweets).all([])) byId.get(t.user_id).tweets.push(t);
          return { checksum: usersWithTweetsChecksum(users, (u) => u.tweets) };
        },
        W7() {
          const tally = new Tally();
          const tweetById = read(SELECT.tweetById);
          for (const id of data.lookupIds) {
            const t = tweetById.get([id]);
            tally.add(t.id + t.content.length);
          }
          return { checksum: String(tally) };
        },
        close() {
          readConn.close();
        },
      };
    },
  };
}

function insertChunks(stmt, table, rows, values) {
  for (let start = 0; start < rows.length; start += BULK_CHUNK) {
    const chunk = rows.slice(start, start + BULK_CHUNK);
    stmt(insertMany(table, chunk.length)).run(chunk.flatMap(values));
  }
}
