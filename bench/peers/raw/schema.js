// The schema and the SQL of every workload, written as Peewee generates them, for the peers
// that speak SQL directly. The ORM peers define the same tables through their own APIs.

export const CREATE_TABLES = [
  'CREATE TABLE IF NOT EXISTS "user" ("id" INTEGER NOT NULL PRIMARY KEY, "username" VARCHAR(255) NOT NULL)',
  'CREATE TABLE IF NOT EXISTS "tweet" ("id" INTEGER NOT NULL PRIMARY KEY, "user_id" INTEGER NOT NULL, ' +
    '"content" TEXT NOT NULL, "timestamp" DATETIME NOT NULL, FOREIGN KEY ("user_id") REFERENCES "user" ("id"))',
  'CREATE INDEX IF NOT EXISTS "tweet_user_id" ON "tweet" ("user_id")',
  'CREATE TABLE IF NOT EXISTS "favorite" ("id" INTEGER NOT NULL PRIMARY KEY, "user_id" INTEGER NOT NULL, ' +
    '"tweet_id" INTEGER NOT NULL, FOREIGN KEY ("user_id") REFERENCES "user" ("id"), ' +
    'FOREIGN KEY ("tweet_id") REFERENCES "tweet" ("id"))',
  'CREATE INDEX IF NOT EXISTS "favorite_user_id" ON "favorite" ("user_id")',
  'CREATE INDEX IF NOT EXISTS "favorite_tweet_id" ON "favorite" ("tweet_id")',
];

export const INSERT = {
  user: 'INSERT INTO "user" ("username") VALUES (?)',
  tweet: 'INSERT INTO "tweet" ("user_id", "content", "timestamp") VALUES (?, ?, ?)',
  favorite: 'INSERT INTO "favorite" ("user_id", "tweet_id") VALUES (?, ?)',
};

// Multi-row INSERT of `rows` rows, the bulk path of a driver without an ORM.
export function insertMany(table, rows) {
  const [head, tuple] = INSERT[table].split(' VALUES ');
  return `${head} VALUES ${Array(rows).fill(tuple).join(', ')}`;
}

export const COUNT = {
  user: 'SELECT COUNT(*) AS "n" FROM "user"',
  tweet: 'SELECT COUNT(*) AS "n" FROM "tweet"',
  favorite: 'SELECT COUNT(*) AS "n" FROM "favorite"',
};

export const SELECT = {
  tweets: 'SELECT "id", "user_id", "content", "timestamp" FROM "tweet"',
  tweetsWithUser:
    'SELECT "t1"."id", "t1"."user_id", "t1"."content", "t1"."timestamp", "t2"."id" AS "user_pk", "t2"."username" ' +
    'FROM "tweet" AS "t1" INNER JOIN "user" AS "t2" ON ("t1"."user_id" = "t2"."id")',
  favoritesPerUser:
    'SELECT "t1"."id", "t1"."username", COUNT("t2"."id") AS "count" FROM "user" AS "t1" ' +
    'LEFT OUTER JOIN "tweet" AS "t3" ON ("t3"."user_id" = "t1"."id") ' +
    'LEFT OUTER JOIN "favorite" AS "t2" ON ("t2"."tweet_id" = "t3"."id") GROUP BY "t1"."id", "t1"."username"',
  firstTweets: 'SELECT "id", "user_id", "content", "timestamp" FROM "tweet" ORDER BY "id" LIMIT ?',
  userById: 'SELECT "id", "username" FROM "user" WHERE ("id" = ?) LIMIT 1',
  users: 'SELECT "id", "username" FROM "user"',
  tweetById: 'SELECT "id", "user_id", "content", "timestamp" FROM "tweet" WHERE ("id" = ?) LIMIT 1',
};
