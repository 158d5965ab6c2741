const huey = User.get(User.username.eq('huey'));
print(huey.tweets.constructor.name);
print(huey.tweets.sql());
