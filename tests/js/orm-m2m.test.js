// ManyToManyField: the through model the core generates (or one of your own), both sides of
// the relation as the core's queries, add / remove / clear with the statements Peewee sends
// (oracle case rj001.m2m.manytomanyfield), and the core's errors for the bad paths.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  DataError,
  Database,
  DeferredForeignKey,
  ForeignKeyField,
  ImproperlyConfigured,
  ManyToManyField,
  Model,
  ProgrammingError,
  TextField,
} from 'peewasm';
import { recorded } from './fixtures/twitter.js';

async function school() {
  const db = await Database.open();
  class BaseModel extends Model {
    static meta = { database: db };
  }
  class Student extends BaseModel {
    static fields = { name: new TextField() };
  }
  class Course extends BaseModel {
    static fields = { title: new TextField(), students: new ManyToManyField(Student, { backref: 'courses' }) };
  }
  const Enrollment = Course.students.getThroughModel();
  db.createTables([Student, Course, Enrollment]);
  const [alice, bob] = ['Alice', 'Bob'].map((name) => Student.create({ name }));
  const [cs101, math, discrete] = ['CS 101', 'Math 101', 'Discrete Math'].map((title) => Course.create({ title }));
  return { db, Student, Course, Enrollment, alice, bob, cs101, math, discrete };
}

const titles = (student, Course) => [...student.courses.orderBy(Course.title)].map((course) => course.title);
const names = (course, Student) => [...course.students.orderBy(Student.name)].map((student) => student.name);
const through = 'course_student_through';

describe('ManyToManyField', () => {
  it('generates the through model: name, table, a foreign key to each side, a unique pair', async () => {
    const db = await Database.open();
    class Student extends Model {
      static meta = { database: db };
      static fields = { name: new TextField() };
    }
    class Course extends Model {
      static meta = { database: db };
      static fields = { title: new TextField(), students: new ManyToManyField(Student, { backref: 'courses' }) };
    }
    const Enrollment = Course.students.getThroughModel();
    assert.equal(Course.students.getThroughModel(), Enrollment, 'generated once');
    assert.equal(Student.courses, Course.students);
    assert.equal(Enrollment.name, 'CourseStudentThrough');
    assert.equal(Enrollment.meta.tableName, through);
    const statements = recorded(db, () => db.createTables([Student, Course, Enrollment]));
    assert.deepEqual(statements.map(([sql]) => sql).slice(2), [
      `CREATE TABLE IF NOT EXISTS "${through}" ("id" INTEGER NOT NULL PRIMARY KEY, "course_id" INTEGER NOT NULL, ` +
        '"student_id" INTEGER NOT NULL, FOREIGN KEY ("course_id") REFERENCES "course" ("id"), ' +
        'FOREIGN KEY ("student_id") REFERENCES "student" ("id"))',
      `CREATE INDEX IF NOT EXISTS "coursestudentthrough_course_id" ON "${through}" ("course_id")`,
      `CREATE INDEX IF NOT EXISTS "coursestudentthrough_student_id" ON "${through}" ("student_id")`,
      `CREATE UNIQUE INDEX IF NOT EXISTS "coursestudentthrough_course_id_student_id" ON "${through}" ("course_id", "student_id")`,
    ]);
    db.close();
  });

  it('adds an instance, a list, ids or a query, from either side', async () => {
    const { db, Student, Course, alice, bob, cs101, math } = await school();
    const statements = recorded(db, () => {
      alice.courses.add(cs101);
      alice.courses.add(Course.select().where(Course.title.contains('Math')));
      cs101.students.add([bob.id]);
    });
    assert.deepEqual(statements, [
      [`INSERT INTO "${through}" ("course_id", "student_id") VALUES (?, ?)`, [1, 1]],
      [
        `INSERT INTO "${through}" ("student_id", "course_id") SELECT ?, "t1"."id" FROM "course" AS "t1" WHERE ("t1"."title" LIKE ?)`,
        [1, '%Math%'],
      ],
      [`INSERT INTO "${through}" ("course_id", "student_id") VALUES (?, ?)`, [1, 2]],
    ]);
    assert.deepEqual(titles(alice, Course), ['CS 101', 'Discrete Math', 'Math 101']);
    assert.deepEqual(names(cs101, Student), ['Alice', 'Bob']);
    math.students.add([alice, bob], true);
    assert.deepEqual(names(math, Student), ['Alice', 'Bob']);
    db.close();
  });

  it('gives the generated through model as a model class like any other', async () => {
    const { db, Student, Course, Enrollment, alice, bob, cs101, math } = await school();
    alice.courses.add([cs101, math]);
    bob.courses.add(math);
    const rows = Enrollment.select(Enrollment, Course.title).join(Course).where(Enrollment.student.eq(alice)).orderBy(Course.title);
    assert.deepEqual([...rows].map((row) => [row.course.title, row.student.name, row.student_id]), [
      ['CS 101', 'Alice', alice.id],
      ['Math 101', 'Alice', alice.id],
    ]);
    assert.equal(Enrollment.select().where(Enrollment.course.eq(math)).count(), 2);
    assert.deepEqual([...math.coursestudentthrough_set.orderBy(Enrollment.id)].map((row) => row.student_id), [alice.id, bob.id]);

    // On another database, binding the through model binds the model that declares it.
    const other = await Database.open();
    other.bind([Student, Course, Enrollment]);
    other.createTables([Enrollment, Student, Course]);
    assert.deepEqual(
      other.querySql("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name", [], { rowMode: 'array' }),
      [['course'], ['course_student_through'], ['student']],
    );
    other.close();
    db.close();
  });

  it('reads the related rows through the through table', async () => {
    const { db, Course, alice, cs101 } = await school();
    alice.courses.add(cs101);
    assert.deepEqual(alice.courses.orderBy(Course.title).sql(), [
      'SELECT "t1"."id", "t1"."title" FROM "course" AS "t1" INNER JOIN "course_student_through" AS "t2" ' +
        'ON ("t2"."course_id" = "t1"."id") INNER JOIN "student" AS "t3" ON ("t2"."student_id" = "t3"."id") ' +
        'WHERE ("t2"."student_id" = ?) ORDER BY "t1"."title"',
      [1],
    ]);
    assert.equal(alice.courses.count(), 1);
    db.close();
  });

  it('removes an instance or a query, and clears one side', async () => {
    const { db, Student, Course, alice, bob, cs101 } = await school();
    alice.courses.add(Course.select());
    bob.courses.add(cs101);
    const statements = recorded(db, () => {
      assert.equal(cs101.students.remove(alice), 1);
      assert.equal(alice.courses.remove(Course.select().where(Course.title.startswith('Math'))), 1);
      assert.equal(cs101.students.clear(), 1);
    });
    assert.deepEqual(statements, [
      [
        `DELETE FROM "${through}" WHERE (("${through}"."student_id" IN (?)) AND ("${through}"."course_id" = ?))`,
        [1, 1],
      ],
      [
        `DELETE FROM "${through}" WHERE (("${through}"."course_id" IN (SELECT "t1"."id" FROM "course" AS "t1" ` +
          `WHERE ("t1"."title" LIKE ?))) AND ("${through}"."student_id" = ?))`,
        ['Math%', 1],
      ],
      [`DELETE FROM "${through}" WHERE ("${through}"."course_id" = ?)`, [1]],
    ]);
    assert.deepEqual(titles(alice, Course), ['Discrete Math']);
    assert.deepEqual(names(cs101, Student), []);
    db.close();
  });

  it('rejects rows of the wrong model and unsaved rows with the core\'s errors', async () => {
    const { db, Student, alice, bob, cs101 } = await school();
    assert.throws(() => alice.courses.add(bob), (error) => {
      assert.ok(error instanceof DataError);
      assert.equal(error.message, 'Student.courses.add() takes Course instances, not a Student');
      return true;
    });
    assert.throws(() => alice.courses.remove([bob]), /^DataError: Student\.courses\.remove\(\) takes Course instances, not a Student$/);
    assert.throws(
      () => alice.courses.add(cs101.students.orderBy(Student.name)),
      /^DataError: Student\.courses\.add\(\) takes a query of Course, not of Student$/,
    );
    const unsaved = new (cs101.constructor)({ title: 'unsaved' });
    assert.throws(() => alice.courses.add(unsaved), (error) => {
      assert.ok(error instanceof ProgrammingError);
      assert.equal(error.message, 'Student.courses.add(): a Course is not saved yet (no id); save() it first');
      return true;
    });
    assert.throws(() => new Student({ name: 'new' }).courses.clear(), /Student\.courses: this Student is not saved yet/);
    assert.throws(() => new ManyToManyField('Course'), /the target must be a model class/);
    db.close();
  });

  it('uses a through model of your own, and reports a relation the core cannot define', async () => {
    const db = await Database.open();
    class BaseModel extends Model {
      static meta = { database: db };
    }
    class Student extends BaseModel {
      static fields = { name: new TextField() };
    }
    class Enrollment extends BaseModel {
      static fields = { course: new DeferredForeignKey('Course'), student: new ForeignKeyField(Student) };
    }
    class Course extends BaseModel {
      static fields = {
        title: new TextField(),
        students: new ManyToManyField(Student, { backref: 'courses', throughModel: Enrollment }),
      };
    }
    assert.equal(Course.students.getThroughModel(), Enrollment);
    db.createTables([Student, Course, Enrollment]);
    const alice = Student.create({ name: 'Alice' });
    const cs101 = Course.create({ title: 'CS 101' });
    const statements = recorded(db, () => cs101.students.add(alice));
    assert.deepEqual(statements, [['INSERT INTO "enrollment" ("course_id", "student_id") VALUES (?, ?)', [1, 1]]]);
    assert.deepEqual(titles(alice, Course), ['CS 101']);

    class Tag extends BaseModel {
      static fields = { name: new TextField() };
    }
    class Post extends BaseModel {
      static fields = { tags: new ManyToManyField(Tag, { backref: 'name' }) };
    }
    assert.throws(() => Post.tags.getThroughModel(), (error) => {
      assert.ok(error instanceof ImproperlyConfigured);
      assert.equal(
        error.message,
        "ManyToManyField Post.tags: Tag already has a field or relation named 'name'; pass .backref() another name, or \"+\" for none",
      );
      return true;
    });
    db.close();
  });
});
