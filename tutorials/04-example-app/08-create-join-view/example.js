function flash(message) {
  print('flash:', message);
}

function joinView(requestForm) {
  let user;
  try {
    user = User.get(User.username.eq(requestForm.username));
    flash('That username is already taken');
  } catch (exc) {
    if (!(exc instanceof DoesNotExist)) throw exc;
    user = User.create({
      username: requestForm.username,
      password: md5(requestForm.password),
      email: requestForm.email,
      join_date: now(),
    });
  }
  return user;
}

for (const form of [
  { username: 'newbie', password: 'secret', email: 'newbie@example.com' },
  { username: 'newbie', password: 'other', email: 'other@example.com' },
]) {
  const user = joinView(form);
  print(user.id, user.username, user.password, user.join_date);
}
