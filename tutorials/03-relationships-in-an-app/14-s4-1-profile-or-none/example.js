for (const u of User.select().orderBy(User.id).limit(2)) {
  const p = u.profileOrNone;
  print(u.name, p ? p.twitter : null);
}
