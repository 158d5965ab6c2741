print(huey.isFollowing(mickey));
print(mickey.isFollowing(zaizee));
