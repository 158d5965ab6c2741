db.onQuery(({ sql, params }) => print([sql, params]));

for (const tweet of Tweet.select().where(Tweet.content.eq('meow'))) {
}
