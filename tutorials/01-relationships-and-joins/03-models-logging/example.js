db.onQuery(({ sql, params }) => print([sql, params]));

const tweet = Tweet.get(Tweet.content.eq('alice-1'));
