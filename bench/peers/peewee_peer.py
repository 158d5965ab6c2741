"""Peewee, the ORM peewasm ports, running the workloads in a Python subprocess.

Protocol (one JSON object per line): the first line on stdin is the data set; then each
line names a workload ({"run": "W2"}) and is answered with {"ms", "checksum", "queries"}.
Timing happens here, so the pipe is not measured. `--cold-start` instead runs one first
query and prints its result (the parent times the whole process).
"""
import json
import sys
import time

from peewee import (JOIN, CharField, DateTimeField, ForeignKeyField, Model, SqliteDatabase, TextField,
                    chunked, fn, prefetch)


class CountingDatabase(SqliteDatabase):
    queries = 0

    def execute_sql(self, sql, params=None, commit=None):
        CountingDatabase.queries += 1
        return super().execute_sql(sql, params)


db = CountingDatabase(':memory:')


class BaseModel(Model):
    class Meta:
        database = db


class User(BaseModel):
    username = CharField()


class Tweet(BaseModel):
    user = ForeignKeyField(User, backref='tweets')
    content = TextField()
    timestamp = DateTimeField()


class Favorite(BaseModel):
    user = ForeignKeyField(User, backref='favorites')
    tweet = ForeignKeyField(Tweet, backref='favorites')


MODELS = [User, Tweet, Favorite]
BULK_CHUNK = 100  # Peewee's docs insert in batches of 100


class Tally:
    def __init__(self):
        self.count = 0
        self.sum = 0

    def add(self, value):
        self.count += 1
        self.sum += value

    def __str__(self):
        return f'{self.count}/{self.sum}'


def load(data, bulk):
    db.create_tables(MODELS)
    with db.atomic():
        if bulk:
            for rows in chunked([(u['username'],) for u in data['users']], BULK_CHUNK):
                User.insert_many(rows, fields=[User.username]).execute()
            tweets = [(t['userId'], t['content'], t['timestamp']) for t in data['tweets']]
            for rows in chunked(tweets, BULK_CHUNK):
                Tweet.insert_many(rows, fields=[Tweet.user, Tweet.content, Tweet.timestamp]).execute()
            for rows in chunked([(f['userId'], f['tweetId']) for f in data['favorites']], BULK_CHUNK):
                Favorite.insert_many(rows, fields=[Favorite.user, Favorite.tweet]).execute()
        else:
            for u in data['users']:
                User.create(username=u['username'])
            for t in data['tweets']:
                Tweet.create(user=t['userId'], content=t['content'], timestamp=t['timestamp'])
            for f in data['favorites']:
                Favorite.create(user=f['userId'], tweet=f['tweetId'])
    return f'users={User.select().count()} tweets={Tweet.select().count()} favorites={Favorite.select().count()}'


def in_fresh_database(data, bulk):
    fresh = CountingDatabase(':memory:')
    with fresh.bind_ctx(MODELS):
        checksum = load(data, bulk)
    fresh.close()
    return checksum


def w2(data):
    tally = Tally()
    for t in Tweet.select():
        tally.add(t.id + t.user_id + len(t.content) + t.timestamp.second)
    return tally


def w3(data):
    tally = Tally()
    for t in Tweet.select(Tweet, User).join(User):
        tally.add(len(t.content) + len(t.user.username))
    return tally


def w4(data):
    tally = Tally()
    query = (User
             .select(User.id, User.username, fn.COUNT(Favorite.id).alias('count'))
             .join(Tweet, JOIN.LEFT_OUTER)
             .join(Favorite, JOIN.LEFT_OUTER)
             .group_by(User.id, User.username))
    for user in query:
        tally.add(user.id * user.count + user.count)
    return tally


def w5(data):
    tally = Tally()
    for t in Tweet.select().order_by(Tweet.id).limit(data['lazyLoads']):
        tally.add(len(t.user.username))
    return tally


def w6(data):
    tally = Tally()
    for user in prefetch(User.select(), Tweet.select()):
        tally.add(user.id * len(user.tweets) + sum(len(t.content) for t in user.tweets))
    return tally


def w7(data):
    tally = Tally()
    for tweet_id in data['lookupIds']:
        t = Tweet.get_by_id(tweet_id)
        tally.add(t.id + len(t.content))
    return tally


WORKLOADS = {
    'W1': lambda data: in_fresh_database(data, bulk=False),
    'W1b': lambda data: in_fresh_database(data, bulk=True),
    'W2': w2, 'W3': w3, 'W4': w4, 'W5': w5, 'W6': w6, 'W7': w7,
}


def cold_start():
    db.create_tables([User])
    User.create(username='huey')
    print(json.dumps({'first': User.select().first().username}), flush=True)


def serve():
    data = json.loads(sys.stdin.readline())
    load(data, bulk=True)
    print(json.dumps({'ready': True, 'version': __import__('peewee').__version__}), flush=True)
    for line in sys.stdin:
        name = json.loads(line)['run']
        before = CountingDatabase.queries
        start = time.perf_counter()
        checksum = WORKLOADS[name](data)
        ms = (time.perf_counter() - start) * 1000
        print(json.dumps({'ms': ms, 'checksum': str(checksum), 'queries': CountingDatabase.queries - before}),
              flush=True)


if __name__ == '__main__':
    cold_start() if '--cold-start' in sys.argv else serve()
