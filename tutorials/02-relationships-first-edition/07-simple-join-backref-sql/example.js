const huey = User.get(User.username.eq('huey'));
print(huey.tweets instanceof ModelSelect);
print(huey.tweets.sql());
