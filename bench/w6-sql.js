// Why W6 costs peewasm more than the raw peers before any row reaches JS: the SQL. Peewee (and
// so peewasm) loads the tweets with `user_id IN (SELECT id FROM user)`, which SQLite answers
// through the foreign key's index, one table lookup per tweet; the raw peers stitch the result
// of a plain scan. This times both statements in better-sqlite3 on the bench's data.
//   node bench/w6-sql.js [rounds]
import { makeData, SIZES } from './harness/data.js';
import { benchPackages } from './harness/packages.js';
import { median } from './harness/stats.js';
import { CREATE_TABLES, INSERT, SELECT } from './peers/raw/schema.js';

// What peewasm's query log shows for User.select().withRelated(new Load(User.tweets)).
const PEEWEE_LOAD =
  'SELECT "t1"."id", "t1"."user_id", "t1"."content", "t1"."timestamp" FROM "tweet" AS "t1" ' +
  'WHERE ("t1"."user_id" IN (SELECT "t2"."id" FROM "user" AS "t2"))';

const rounds = Number(process.argv[2] ?? 15);
const Database = benchPackages.require('better-sqlite3');
const db = new Database(':memory:');
for (const sql of CREATE_TABLES) db.exec(sql);
const data = makeData(SIZES.full);
db.transaction(() => {
  const user = db.prepare(INSERT.user);
  for (const u of data.users) user.run(u.username);
  const tweet = db.prepare(INSERT.tweet);
  for (const t of data.tweets) tweet.run(t.userId, t.content, t.timestamp);
})();

const statements = { 'raw peers (plain scan)': SELECT.tweets, 'Peewee / peewasm': PEEWEE_LOAD };
const times = Object.fromEntries(Object.keys(statements).map((name) => [name, []]));
for (let round = 0; round <= rounds; round++) {
  for (const [name, sql] of Object.entries(statements)) {
    // Raw rows: the time is SQLite's and the driver's, no row objects.
    const stmt = db.prepare(sql).raw();
    const start = performance.now();
    const count = stmt.all().length;
    if (round > 0) times[name].push(performance.now() - start);
    if (count !== data.tweets.length) throw new Error(`${name}: ${count} rows`);
  }
}
for (const [name, sql] of Object.entries(statements)) {
  const plan = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all().map((row) => row.detail).join('; ');
  console.log(`${name.padEnd(24)} ${median(times[name]).toFixed(2).padStart(7)} ms  ${plan}`);
}
