const courses = Course
  .select()
  .join(StudentCourse)
  .join(Student)
  .where(Student.name.eq('da vinci'));

for (const course of courses) {
  print(course.name);
}
