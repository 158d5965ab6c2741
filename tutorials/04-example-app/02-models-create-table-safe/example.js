User.createTable({ safe: true });
print(User.select().count());
