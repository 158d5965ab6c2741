const profile = Profile.get(Profile.user.eq(alice));
print(profile.user.name); // => User instance

const alice_ = User.get(User.name.eq('Alice'));
const bob_ = User.get(User.name.eq('Bob'));
print(alice_.profile.get().twitter);
print(alice_.profile.first().bio);
try {
  bob_.profile.get(); // throws DoesNotExist if missing
} catch (exc) {
  if (!(exc instanceof DoesNotExist)) throw exc;
  print('DoesNotExist:', exc.message);
}
print(bob_.profile.first()); // null if missing: usually what you want
