class Student extends BaseModel {
  static fields = {
    name: new TextField(),
  };
}

class Course extends BaseModel {
  static fields = {
    title: new TextField(),
    students: new ManyToManyField(Student, { backref: 'courses' }),
  };
}

const Enrollment = Course.students.getThroughModel();
// Its fields: an id (added, as on every model) and a foreign key to each side.
print(Enrollment.name, Enrollment.meta.tableName, ['id', ...Object.keys(Enrollment.fields)].sort());
db.createTables([Student, Course, Enrollment]);

const alice = Student.create({ name: 'Alice' });
const bob = Student.create({ name: 'Bob' });
const cs101 = Course.create({ title: 'CS 101' });
Course.create({ title: 'Math 101' });
Course.create({ title: 'Discrete Math' });

function show(label) {
  print(
    label,
    [...alice.courses.orderBy(Course.title)].map((c) => c.title),
    [...cs101.students.orderBy(Student.name)].map((s) => s.name),
  );
}

alice.courses.add(cs101);
show('add cs101:');
alice.courses.add(Course.select().where(Course.title.contains('Math')));
show('add Math query:');
cs101.students.add(bob);
show('add bob:');
cs101.students.remove(alice);
show('remove alice:');
cs101.students.clear();
show('clear:');
for (const course of alice.courses.orderBy(Course.title)) {
  print(course.title);
}
