// drizzle-orm over sql.js: typed tables, the query builder, results as plain objects.
// Relational findMany({ with }) loses its result mapper on the sql.js driver (drizzle-orm
// #2189), so W6 is two plain queries grouped in JS, as its users do.
import { count, eq, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/sql-js';
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { Tally, tableCounts, usersWithTweetsChecksum } from '../harness/checksum.js';
import { timestampSeconds } from '../harness/data.js';
import { rootPackages } from '../harness/packages.js';
import { BULK_CHUNK } from '../harness/workloads.js';
import { CREATE_TABLES } from './raw/schema.js';

const users = sqliteTable('user', {
  id: integer('id').primaryKey(),
  username: text('username').notNull(),
});
const tweets = sqliteTable('tweet', {
  id: integer('id').primaryKey(),
  userId: integer('user_id').notNull().references(() => users.id),
  content: text('content').notNull(),
  timestamp: text('timestamp').notNull(),
});
const favorites = sqliteTable('favorite', {
  id: integer('id').primaryKey(),
  userId: integer('user_id').notNull().references(() => users.id),
  tweetId: integer('tweet_id').notNull().references(() => tweets.id),
});

export default {
  name: 'drizzle',
  kind: 'wasm',
  version: `${rootPackages.version('drizzle-orm')} (sql.js ${rootPackages.version('sql.js')})`,
  async coldStart() {
    const SQL = await rootPackages.require('sql.js')();
    const db = drizzle(new SQL.Database());
    db.run(sql.raw(CREATE_TABLES[0]));
    db.insert(users).values({ username: 'huey' }).run();
    return db.select().from(users).get().username;
  },
  async open(data) {
    const SQL = await rootPackages.require('sql.js')();
    let queries = 0;
    const logger = { logQuery: () => queries++ };
    const connect = () => {
      const client = new SQL.Database();
      return { client, db: drizzle(client, { logger }) };
    };

    const load = (db, bulk) => {
      for (const ddl of CREATE_TABLES) db.run(sql.raw(ddl));
      db.transaction((tx) => {
        const userRows = data.users.map((u) => ({ username: u.username }));
        const tweetRows = data.tweets.map((t) => ({ userId: t.userId, content: t.content, timestamp: t.timestamp }));
        const favoriteRows = data.favorites.map((f) => ({ userId: f.userId, tweetId: f.tweetId }));
        for (const [table, rows] of [[users, userRows], [tweets, tweetRows], [favorites, favoriteRows]]) {
          if (bulk) {
            for (let i = 0; i < rows.length; i += BULK_CHUNK) tx.insert(table).values(rows.slice(i, i + BULK_CHUNK)).run();
          } else {
            for (const row of rows) tx.insert(table).values(row).run();
          }
        }
      });
      const total = (table) => db.select({ n: count() }).from(table).get().n;
      return tableCounts(total(users), total(tweets), total(favorites));
    };
    const fresh = (bulk) => {
      const { client, db } = connect();
      try {
        return load(db, bulk);
      } finally {
        client.close();
      }
    };

    const { client, db } = connect();
    load(db, true);

    return {
      W1: () => ({ checksum: fresh(false) }),
      W1b: () => ({ checksum: fresh(true) }),
      W2() {
        const tally = new Tally();
        for (const t of db.select().from(tweets).all()) {
          tally.add(t.id + t.userId + t.content.length + timestampSeconds(t.timestamp));
        }
        return { checksum: String(tally) };
      },
      W3() {
        const tally = new Tally();
        const rows = db.select({ tweet: tweets, user: users }).from(tweets).innerJoin(users, eq(tweets.userId, users.id)).all();
        for (const row of rows) tally.add(row.tweet.content.length + row.user.username.length);
        return { checksum: String(tally) };
      },
      W4() {
        const tally = new Tally();
        const rows = db
          .select({ id: users.id, username: users.username, count: count(favorites.id) })
          .from(users)
          .leftJoin(tweets, eq(tweets.userId, users.id))
          .leftJoin(favorites, eq(favorites.tweetId, tweets.id))
          .groupBy(users.id, users.username)
          .all();
        for (const row of rows) tally.add(row.id * row.count + row.count);
        return { checksum: String(tally) };
      },
      W5() {
        const before = queries;
        const tally = new Tally();
        for (const t of db.select().from(tweets).orderBy(tweets.id).limit(data.lazyLoads).all()) {
          const user = db.select().from(users).where(eq(users.id, t.userId)).get();
          tally.add(user.username.length);
        }
        return { checksum: String(tally), queries: queries - before };
      },
      W6() {
        const all = db.select().from(users).all().map((u) => ({ ...u, tweets: [] }));
        const byId = new Map(all.map((u) => [u.id, u]));
        for (const t of db.select().from(tweets).all()) byId.get(t.userId).tweets.push(t);
        return { checksum: usersWithTweetsChecksum(all, (u) => u.tweets) };
      },
      W7() {
        const tally = new Tally();
        for (const id of data.lookupIds) {
          const t = db.select().from(tweets).where(eq(tweets.id, id)).get();
          tally.add(t.id + t.content.length);
        }
        return { checksum: String(tally) };
      },
      close: () => client.close(),
    };
  },
};
