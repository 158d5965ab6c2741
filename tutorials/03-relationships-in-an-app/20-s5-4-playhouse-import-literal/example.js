// The seed imports ManyToManyField from playhouse.fields, where Peewee does not have it.
// In peewasm it is one of the package's exports, like every field.
print(typeof ManyToManyField);
