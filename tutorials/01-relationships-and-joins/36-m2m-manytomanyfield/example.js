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

// The generated through model, for direct access.
const Enrollment = Course.students.getThroughModel();

db.createTables([Student, Course, Enrollment]);

const alice = Student.create({ name: 'Alice' });
const cs101 = Course.create({ title: 'CS 101' });

// Adding and removing relationships:
alice.courses.add(cs101);
alice.courses.add(Course.select().where(Course.title.contains('Math')));

cs101.students.remove(alice);
cs101.students.clear(); // Removes all students from this course.

// Querying through the field:
for (const course of alice.courses.orderBy(Course.title)) {
  print(course.title);
}
