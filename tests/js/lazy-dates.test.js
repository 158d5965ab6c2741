// Loaded datetimes become Dates on the field's first read (model.ts, rawBit), not while a
// result is decoded. What users see must not change: these pin it down.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, it } from 'node:test';

import { Database, DateTimeField, IntegerField, JOIN, Load, Model, TimestampField } from 'peewasm';
import { recorded, twitter } from './fixtures/twitter.js';

const first = new Date(2024, 0, 1, 0, 0).getTime();

describe('loaded datetimes', () => {
  it('a Date read twice is the same object, and reading it dirties nothing', async () => {
    const { db, Tweet } = await twitter();
    const tweet = Tweet.select().orderBy(Tweet.id).first();
    const date = tweet.timestamp;
    assert.ok(date instanceof Date);
    assert.equal(date.getTime(), first);
    assert.equal(tweet.timestamp, date);
    assert.deepEqual(tweet.dirtyFields, []);
    db.close();
  });

  it('assigning the field replaces the stored value and marks it dirty', async () => {
    const { db, Tweet } = await twitter();
    const [a, b] = Tweet.select().orderBy(Tweet.id).limit(2);
    a.timestamp = '2030-05-06 07:08:09';
    assert.equal(a.timestamp, '2030-05-06 07:08:09');
    const when = new Date(2031, 1, 2, 3, 4, 5);
    b.timestamp = when;
    assert.equal(b.timestamp, when);
    assert.deepEqual(b.dirtyFields, ['timestamp']);
    db.close();
  });

  it('dicts(), tuples(), objects(), toJSON() and joined instances give Dates', async () => {
    const { db, User, Tweet, Favorite } = await twitter();
    const query = () => Tweet.select(Tweet.id, Tweet.timestamp).orderBy(Tweet.id).limit(1);
    assert.equal([...query().dicts()][0].timestamp.getTime(), first);
    assert.equal([...query().tuples()][0][1].getTime(), first);
    assert.equal([...query().objects()][0].timestamp.getTime(), first);
    assert.equal(query().first().toJSON().timestamp.getTime(), first);
    const favorite = Favorite.select(Favorite, Tweet).join(Tweet).orderBy(Favorite.id).first();
    assert.ok(favorite.tweet.timestamp instanceof Date);
    const outer = User.select(User, Tweet).join(Tweet, JOIN.LEFT_OUTER).orderBy(User.id).first();
    assert.ok(outer.tweet.timestamp instanceof Date);
    const [huey] = [...User.select().orderBy(User.id).withRelated(new Load(User.tweets))];
    assert.equal(huey.tweets[0].timestamp.getTime(), first);
    assert.equal(huey.tweets[0].timestamp, huey.tweets[0].timestamp);
    db.close();
  });

  it('save() of an unread loaded datetime writes what the Date gives, as before', async () => {
    const { db, Tweet } = await twitter();
    db.executeSql("UPDATE tweet SET timestamp = '2024-03-04 05:06:07.123456' WHERE id = 1");
    const tweet = Tweet.getById(1);
    const statements = recorded(db, () => tweet.save());
    assert.deepEqual(statements[0][1], ['meow', '2024-03-04 05:06:07.123000', 1, 1]);
    assert.equal(tweet.timestamp.getMilliseconds(), 123);
    db.close();
  });

  it('stored text that is no datetime stays text; other formats still parse', async () => {
    const { db, Tweet } = await twitter();
    db.executeSql("UPDATE tweet SET timestamp = 'not a date' WHERE id = 1");
    db.executeSql("UPDATE tweet SET timestamp = '2024-01-02T03:04' WHERE id = 2");
    db.executeSql("UPDATE tweet SET timestamp = '2024-01-02 03:04:5x' WHERE id = 3");
    const [a, b, c] = Tweet.select().orderBy(Tweet.id).limit(3);
    assert.equal(a.timestamp, 'not a date');
    assert.equal(a.toJSON().timestamp, 'not a date');
    assert.equal(b.timestamp.getTime(), new Date(2024, 0, 2, 3, 4).getTime());
    assert.equal(c.timestamp, '2024-01-02 03:04:5x');
    db.close();
  });

  it('a TimestampField, and a datetime past the 31st field, read as Dates', async () => {
    const db = await Database.open();
    const wide = Object.fromEntries(Array.from({ length: 32 }, (_, i) => [`n${i}`, new IntegerField({ default: i })]));
    class Event extends Model {
      static meta = { database: db };
      static fields = { ...wide, at: new DateTimeField(), stamp: new TimestampField() };
    }
    db.createTables([Event]);
    const when = new Date(2024, 5, 6, 7, 8, 9);
    Event.create({ at: when, stamp: when });
    const event = Event.select().first();
    assert.equal(event.at.getTime(), when.getTime());
    assert.equal(event.stamp.getTime(), when.getTime());
    assert.equal(event.stamp, event.stamp);
    db.close();
  });

  // values.ts keeps the start of the last local hour; these zones have clock changes of an
  // hour (New York) and of half an hour (Lord Howe) on these days.
  for (const [zone, days] of [
    ['America/New_York', ['2024-03-10', '2024-11-03']],
    ['Australia/Lord_Howe', ['2024-04-07', '2024-10-06']],
  ]) {
    it(`datetimes around ${zone}'s clock changes read as the Date of their fields`, () => {
      const script = `
        import { Database, DateTimeField, Model } from 'peewasm';
        const db = await Database.open();
        class Event extends Model {
          static meta = { database: db };
          static fields = { at: new DateTimeField() };
        }
        db.createTables([Event]);
        const texts = [];
        for (const day of ${JSON.stringify(days)})
          for (let second = 0; second < 86400; second += 397) {
            const [h, m, s] = [second / 3600, (second / 60) % 60, second % 60].map((n) => String(Math.floor(n)).padStart(2, '0'));
            texts.push(day + ' ' + h + ':' + m + ':' + s);
          }
        Event.insertMany(texts.map((at) => ({ at }))).execute();
        const wrong = [];
        for (const event of Event.select().orderBy(Event.id)) {
          const [date, time] = texts[event.id - 1].split(' ');
          const [y, mo, d] = date.split('-').map(Number);
          const [h, mi, s] = time.split(':').map(Number);
          const expected = new Date(y, mo - 1, d, h, mi, s).getTime();
          if (event.at.getTime() !== expected) wrong.push(texts[event.id - 1]);
        }
        console.log(JSON.stringify({ count: texts.length, wrong }));
      `;
      const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
        env: { ...process.env, TZ: zone },
        encoding: 'utf8',
      });
      const { count, wrong } = JSON.parse(out);
      assert.equal(count, 2 * Math.ceil(86400 / 397));
      assert.deepEqual(wrong, []);
    });
  }
});

