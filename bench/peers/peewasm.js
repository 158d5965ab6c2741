// peewasm, through its public JS API as a user writes it (Peewee's API in JS): models,
// create/insertMany, selects with joins, lazy foreign keys, getById. The package is
// resolved by its name through package.json's exports, as an application would import it.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Tally, tableCounts, usersWithTweetsChecksum } from '../harness/checksum.js';
import { timestampSeconds } from '../harness/data.js';
import { repository, rootPackages } from '../harness/packages.js';
import { BULK_CHUNK } from '../harness/workloads.js';

const dist = repository.path('dist');
const built = existsSync(join(dist, 'peewasm.wasm'));

async function loadPeewasm() {
  return import(pathToFileURL(rootPackages.require.resolve('peewasm')).href);
}

function defineModels(peewasm, db) {
  const { CharField, DateTimeField, ForeignKeyField, Model, TextField } = peewasm;
  class BaseModel extends Model {
    static meta = { database: db };
  }
  class User extends BaseModel {
    static fields = { username: new CharField() };
  }
  class Tweet extends BaseModel {
    static fields = {
      user: new ForeignKeyField(User, { backref: 'tweets' }),
      content: new TextField(),
      timestamp: new DateTimeField(),
    };
  }
  class Favorite extends BaseModel {
    static fields = {
      user: new ForeignKeyField(User, { backref: 'favorites' }),
      tweet: new ForeignKeyField(Tweet, { backref: 'favorites' }),
    };
  }
  db.createTables([User, Tweet, Favorite]);
  return { User, Tweet, Favorite };
}

function load(db, models, data, bulk) {
  const { User, Tweet, Favorite } = models;
  const rows = [
    [User, data.users.map((u) => ({ username: u.username }))],
    [Tweet, data.tweets.map((t) => ({ user: t.userId, content: t.content, timestamp: t.timestamp }))],
    [Favorite, data.favorites.map((f) => ({ user: f.userId, tweet: f.tweetId }))],
  ];
  db.atomic(() => {
    for (const [model, values] of rows) {
      if (bulk) {
        for (let i = 0; i < values.length; i += BULK_CHUNK) model.insertMany(values.slice(i, i + BULK_CHUNK)).execute();
      } else {
        for (const row of values) model.create(row);
      }
    }
  });
  return tableCounts(User.select().count(), Tweet.select().count(), Favorite.select().count());
}

export default {
  name: 'peewasm',
  kind: 'self',
  version: repository.version(),
  absentBecause: built ? null : 'dist/ is not built (npm run build)',
  shipped: built
    ? readdirSync(dist).filter((f) => (f.endsWith('.js') && f !== 'node.js') || f.endsWith('.wasm')).map((f) => join(dist, f))
    : [],
  async coldStart() {
    const peewasm = await loadPeewasm();
    const db = await peewasm.Database.open();
    const { User } = defineModels(peewasm, db);
    User.create({ username: 'huey' });
    return User.select().first().username;
  },
  async open(data) {
    const peewasm = await loadPeewasm();
    const { fn, JOIN, Load } = peewasm;
    const fresh = async () => {
      const db = await peewasm.Database.open();
      return { db, models: defineModels(peewasm, db) };
    };
    const inFreshDatabase = async (bulk) => {
      const { db, models } = await fresh();
      try {
        return { checksum: load(db, models, data, bulk) };
      } finally {
        db.close();
      }
    };

    const { db, models } = await fresh();
    const { User, Tweet, Favorite } = models;
    load(db, models, data, true);

    return {
      // Database.open() is the one async call; the rest of W1 is synchronous.
      W1: () => inFreshDatabase(false),
      W1b: () => inFreshDatabase(true),
      W2() {
        const tally = new Tally();
        for (const t of Tweet.select()) tally.add(t.id + t.user_id + t.content.length + timestampSeconds(t.timestamp));
        return { checksum: String(tally) };
      },
      W3() {
        const tally = new Tally();
        for (const t of Tweet.select(Tweet, User).join(User)) tally.add(t.content.length + t.user.username.length);
        return { checksum: String(tally) };
      },
      W4() {
        const tally = new Tally();
        const query = User.select(User.id, User.username, fn.COUNT(Favorite.id).alias('count'))
          .join(Tweet, JOIN.LEFT_OUTER)
          .join(Favorite, JOIN.LEFT_OUTER)
          .groupBy(User.id, User.username);
        for (const user of query) tally.add(user.id * user.count + user.count);
        return { checksum: String(tally) };
      },
      W5() {
        const before = db.queryCount;
        const tally = new Tally();
        for (const t of Tweet.select().orderBy(Tweet.id).limit(data.lazyLoads)) tally.add(t.user.username.length);
        return { checksum: String(tally), queries: db.queryCount - before };
      },
      W6() {
        // Two queries: the users, then their tweets, attached by the package (withRelated).
        const users = [...User.select().withRelated(new Load(User.tweets))];
        return { checksum: usersWithTweetsChecksum(users, (u) => u.tweets) };
      },
      W7() {
        const tally = new Tally();
        for (const id of data.lookupIds) {
          const t = Tweet.getById(id);
          tally.add(t.id + t.content.length);
        }
        return { checksum: String(tally) };
      },
      close: () => db.close(),
    };
  },
};
