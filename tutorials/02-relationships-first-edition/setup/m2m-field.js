// The seed opens 'school.db'; each lesson run starts from a fresh in-memory database.
const db = await Database.open(':memory:');

class BaseModel extends Model {
  static meta = { database: db };
}

class Student extends BaseModel {
  static fields = {
    name: new CharField(),
  };
}

class Course extends BaseModel {
  static fields = {
    name: new CharField(),
    students: new ManyToManyField(Student, { backref: 'courses' }),
  };
}

const StudentCourse = Course.students.getThroughModel();

db.createTables([Student, Course, StudentCourse]);

// Data for the seed's queries (the seed never creates it).
for (const name of ['Huey', 'Mickey', 'Charlie', 'Zaizee']) Student.create({ name });
for (const name of ['CS 101', 'CS 150', 'English 101', 'English 151', 'Math 101']) Course.create({ name });
Student.get(Student.name.eq('Huey')).courses.add(Course.select().where(Course.name.in(['CS 101', 'CS 150'])));
Student.get(Student.name.eq('Zaizee')).courses.add(Course.get(Course.name.eq('CS 150')));
Student.get(Student.name.eq('Charlie')).courses.add(Course.get(Course.name.eq('Math 101')));
const cs150 = Course.get(Course.name.eq('CS 150'));
