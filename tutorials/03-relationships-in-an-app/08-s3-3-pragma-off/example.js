show();
alice.deleteInstance();
show();
dave.deleteInstance();
print(Note.select().count(), Memo.select().count());
