print(huey.gravatarUrl());
print(mickey.gravatarUrl(40));
