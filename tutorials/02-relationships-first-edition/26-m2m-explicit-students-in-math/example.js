const query = Student
  .select()
  .join(StudentCourse)
  .join(Course)
  .where(Course.name.eq('math'));
for (const student of query) {
  print(student.name);
}
