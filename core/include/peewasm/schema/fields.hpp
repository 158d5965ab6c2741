#pragma once
// Field declarations with Peewee's names: CharField("username").unique(),
// ForeignKeyField("user", User).backref("tweets").

#include <string>

#include "peewasm/schema/field.hpp"

namespace peewasm {

class Model;

Field AutoField(std::string name);
Field BigAutoField(std::string name);
Field IdentityField(std::string name);
Field IntegerField(std::string name);
Field BigIntegerField(std::string name);
Field SmallIntegerField(std::string name);
Field FloatField(std::string name);
Field DoubleField(std::string name);
Field DecimalField(std::string name, int max_digits = 10, int decimal_places = 5);
Field CharField(std::string name, int max_length = 255);
Field FixedCharField(std::string name, int max_length = 255);
Field TextField(std::string name);
Field BlobField(std::string name);
Field UUIDField(std::string name);
Field BinaryUUIDField(std::string name);
Field DateTimeField(std::string name);
Field DateField(std::string name);
Field TimeField(std::string name);
Field TimestampField(std::string name);
Field IPField(std::string name);
Field BooleanField(std::string name);
Field BitField(std::string name);
Field BigBitField(std::string name);
Field BareField(std::string name);
// A JSON document in a TEXT column (Peewee 4's JSONField). Values are JSON text ('{"beds": 3}');
// numbers and booleans are stored as the JSON they write. Reads give the text SQLite keeps.
Field JSONField(std::string name);
// A field with its own column type label and conversions ("Creating a custom field").
Field CustomField(std::string name, std::string field_type, FieldAdapter adapter = {});

// target: a defined model, or the name of one ("self" for a self-reference).
Field ForeignKeyField(std::string name, const Model& target);
Field ForeignKeyField(std::string name, std::string target);
// A foreign key to a model defined later; no constraint is created with the table.
Field DeferredForeignKey(std::string name, std::string target);
// A many-to-many relation (Peewee's ManyToManyField); it adds no column. Defining the model
// also defines the through model ("<Model><Target>Through", table "<model>_<target>_through")
// and the accessor on the target, named by .backref() or "<model>s":
//   Course = models.define({.name = "Course", .fields = {CharField("name"),
//                           ManyToManyField("students", Student).backref("courses")}, ...});
//   Model StudentCourse = Course.get_through_model("students");
//   student.many_to_many("courses").add(course);   // see ManyToManyQuery
// .on_delete()/.on_update() apply to the through model's two foreign keys; .through_model("Name")
// uses a model you defined instead of generating one.
Field ManyToManyField(std::string name, const Model& target);
Field ManyToManyField(std::string name, std::string target);

}  // namespace peewasm
