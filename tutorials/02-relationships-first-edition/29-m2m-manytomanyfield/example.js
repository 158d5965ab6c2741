// Get all classes that "huey" is enrolled in:
const huey = Student.get(Student.name.eq('Huey'));
for (const course of huey.courses.orderBy(Course.name)) {
  print(course.name);
}

// Get all students in "English 101":
const engl101 = Course.get(Course.name.eq('English 101'));
for (const student of engl101.students) {
  print(student.name);
}

// When adding objects to a many-to-many relationship, pass a single model instance, an
// array of instances, or even a query of models:
huey.courses.add(Course.select().where(Course.name.contains('English')));

engl101.students.add(Student.get(Student.name.eq('Mickey')));
engl101.students.add([
  Student.get(Student.name.eq('Charlie')),
  Student.get(Student.name.eq('Zaizee')),
]);

// The same rules apply for removing items from a many-to-many:
huey.courses.remove(Course.select().where(Course.name.startswith('CS')));

engl101.students.remove(huey);

// .clear() removes all associated objects:
cs150.students.clear();

print([...huey.courses.orderBy(Course.name)].map((c) => c.name));
print([...engl101.students.orderBy(Student.name)].map((s) => s.name));
