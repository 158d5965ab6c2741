const session = { user: huey };
const user = charlie;

for (let i = 0; i < 2; i++) {
  const [rel, created] = Relationship.getOrCreate({
    from_user: session.user, // <-- the logged-in user
    to_user: user, // <-- the user they want to follow
  });
  print(rel.id, rel.from_user_id, rel.to_user_id, created);
}
