const db = await Database.open(':memory:');

class Student extends Model {
  static fields = {
    name: new CharField(),
  };
}

class Course extends Model {
  static fields = {
    name: new CharField(),
  };
}

class StudentCourse extends Model {
  static fields = {
    student: new ForeignKeyField(Student),
    course: new ForeignKeyField(Course),
  };
}

// The seed's models have no database: bind them, and add data.
db.bind([Student, Course, StudentCourse]);
db.createTables([Student, Course, StudentCourse]);
const students = {};
for (const name of ['da vinci', 'huey', 'mickey']) students[name] = Student.create({ name });
const courses = {};
for (const name of ['math', 'art', 'physics']) courses[name] = Course.create({ name });
for (const [s, c] of [
  ['da vinci', 'math'],
  ['da vinci', 'art'],
  ['da vinci', 'physics'],
  ['huey', 'math'],
  ['mickey', 'art'],
]) {
  StudentCourse.create({ student: students[s], course: courses[c] });
}
