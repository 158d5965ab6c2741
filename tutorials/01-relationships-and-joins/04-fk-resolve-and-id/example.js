const tweet = Tweet.get(Tweet.content.eq('alice-1'));

// Accessing .user resolves the foreign key: a SELECT fetches the related User row.
print(tweet.user.username); // 'alice'

// Accessing .user_id returns the raw integer stored in the column, without a query.
print(tweet.user_id); // 1
