try {
  dave.deleteInstance();
} catch (exc) {
  if (!(exc instanceof IntegrityError)) throw exc;
  print('IntegrityError:', exc.message);
}
print(User.select().where(User.name.eq('Dave')).count());
