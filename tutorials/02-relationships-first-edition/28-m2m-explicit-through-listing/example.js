const query = StudentCourse
  .select(StudentCourse, Student, Course)
  .join(Course)
  .switch(StudentCourse)
  .join(Student)
  .orderBy(Student.name);

for (const studentCourse of query) {
  print(studentCourse.student.name, '->', studentCourse.course.name);
}
