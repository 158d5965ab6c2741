// Field::db_value and Field::python_value for every field type (Peewee's conversions). Most
// fields here are not bound to a model, so messages name them "?.<name>"; the last cases bind
// fields to models for qualified names and foreign keys.

#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "peewasm/errors.hpp"
#include "peewasm/schema/field.hpp"
#include "peewasm/schema/fields.hpp"
#include "peewasm/schema/metadata.hpp"
#include "peewasm/schema/model.hpp"
#include "peewasm/schema/registry.hpp"
#include "peewasm/value.hpp"

using peewasm::Blob;
using peewasm::Field;
using peewasm::FieldAdapter;
using peewasm::FieldType;
using peewasm::Null;
using peewasm::Value;
using peewasm::ValueType;

namespace {

Blob bytes(std::string_view text) { return Blob(text.begin(), text.end()); }

// Value's == is SQL's (1 == 1.0 == true); these tests also care about the type.
void check_same(const Value& actual, const Value& expected) {
  CAPTURE(actual.to_string());
  CAPTURE(expected.to_string());
  CHECK(actual.type() == expected.type());
  CHECK(actual == expected);
}

}  // namespace

TEST_SUITE("schema") {
  TEST_CASE("null converts to null for every field type in both directions") {
    for (int type = 0; type <= static_cast<int>(FieldType::Custom); ++type) {
      if (static_cast<FieldType>(type) == FieldType::ForeignKey) continue;  // needs a bound model
      const Field field("f", static_cast<FieldType>(type));
      CAPTURE(type);
      check_same(field.db_value(Null{}), Null{});
      check_same(field.python_value(Null{}), Null{});
    }
  }

  TEST_CASE("integer fields store integers and refuse what is not one") {
    FieldType type = FieldType::Integer;
    SUBCASE("IntegerField") { type = FieldType::Integer; }
    SUBCASE("BigIntegerField") { type = FieldType::BigInteger; }
    SUBCASE("SmallIntegerField") { type = FieldType::SmallInteger; }
    SUBCASE("AutoField") { type = FieldType::Auto; }
    SUBCASE("BigAutoField") { type = FieldType::BigAuto; }
    SUBCASE("IdentityField") { type = FieldType::Identity; }
    SUBCASE("BitField") { type = FieldType::Bit; }
    const Field field("likes", type);

    check_same(field.db_value(42), 42);
    check_same(field.db_value(std::numeric_limits<long long>::min()), std::numeric_limits<long long>::min());
    check_same(field.db_value(true), 1);
    check_same(field.db_value(false), 0);
    check_same(field.db_value(3.0), 3);
    check_same(field.db_value(-2.0), -2);
    check_same(field.db_value("17"), 17);
    check_same(field.db_value(" -17 "), -17);
    check_same(field.db_value("+5"), 5);

    CHECK_THROWS_AS(field.db_value(3.5), peewasm::DataError);
    CHECK_THROWS_AS(field.db_value(std::nan("")), peewasm::DataError);
    CHECK_THROWS_AS(field.db_value(1e19), peewasm::DataError);
    CHECK_THROWS_AS(field.db_value("4.0"), peewasm::DataError);
    CHECK_THROWS_AS(field.db_value("99999999999999999999"), peewasm::DataError);
    CHECK_THROWS_AS(field.db_value(""), peewasm::DataError);
    CHECK_THROWS_AS(field.db_value(Blob{1}), peewasm::DataError);
  }

  TEST_CASE("a value an integer field refuses names the field, the value and the fix") {
    const Field field("likes", FieldType::Integer);
    CHECK_THROWS_WITH_AS(field.db_value("abc"),
                         "IntegerField ?.likes: cannot store 'abc' (text); pass an integer",
                         peewasm::DataError);
    CHECK_THROWS_WITH_AS(field.db_value(2.5), "IntegerField ?.likes: cannot store 2.5 (real); pass an integer",
                         peewasm::DataError);
    CHECK_THROWS_WITH_AS(field.db_value(Value(bytes("x"))),
                         "IntegerField ?.likes: cannot store b'x' (blob); pass an integer", peewasm::DataError);
    SUBCASE("text with a single quote is quoted as Python's repr quotes it") {
      CHECK_THROWS_WITH_AS(field.db_value("it's"),
                           "IntegerField ?.likes: cannot store \"it's\" (text); pass an integer",
                           peewasm::DataError);
    }
  }

  TEST_CASE("integer fields read integers and leave other values as SQLite returns them") {
    const Field field("likes", FieldType::BigInteger);
    check_same(field.python_value(7), 7);
    check_same(field.python_value(7.0), 7);
    check_same(field.python_value(true), 1);
    check_same(field.python_value("8"), 8);
    check_same(field.python_value(7.5), 7.5);
    check_same(field.python_value("abc"), "abc");
  }

  TEST_CASE("float fields store reals") {
    FieldType type = FieldType::Float;
    SUBCASE("FloatField") { type = FieldType::Float; }
    SUBCASE("DoubleField") { type = FieldType::Double; }
    const Field field("ratio", type);

    check_same(field.db_value(1.5), 1.5);
    check_same(field.db_value(2), 2.0);
    check_same(field.db_value(true), 1.0);
    check_same(field.db_value("2.5"), 2.5);
    check_same(field.db_value(" -1e3 "), -1000.0);
    check_same(field.db_value(".5"), 0.5);
    check_same(field.db_value("7"), 7.0);
    CHECK(std::isinf(field.db_value("-inf").as_real()));
    CHECK(std::isnan(field.db_value("nan").as_real()));

    CHECK_THROWS_WITH_AS(field.db_value("abc"),
                         (std::string(peewasm::field_class_name(type)) +
                          " ?.ratio: cannot store 'abc' (text); pass a number")
                             .c_str(),
                         peewasm::DataError);
    CHECK_THROWS_AS(field.db_value("0x1p3"), peewasm::DataError);
    CHECK_THROWS_AS(field.db_value("1e"), peewasm::DataError);
    CHECK_THROWS_AS(field.db_value("."), peewasm::DataError);
    CHECK_THROWS_AS(field.db_value(Value(bytes("1"))), peewasm::DataError);
  }

  TEST_CASE("float fields read back what SQLite returns") {
    const Field field("ratio", FieldType::Float);
    check_same(field.python_value(1.5), 1.5);
    check_same(field.python_value(3), 3);
  }

  TEST_CASE("decimal fields store numbers and decimal text") {
    Field field("price", FieldType::Decimal);
    field.max_digits(10).decimal_places(2);

    SUBCASE("numbers and text pass through unchanged") {
      check_same(field.db_value(10), 10);
      check_same(field.db_value(3.14159), 3.14159);
      check_same(field.db_value("3.14159"), "3.14159");
      check_same(field.db_value(" -1.5e3 "), " -1.5e3 ");
      check_same(field.db_value(true), 1);
    }
    SUBCASE("a falsy value stores zero, as Peewee's Decimal(0)") {
      check_same(field.db_value(0), 0);
      check_same(field.db_value(0.0), 0);
      check_same(field.db_value(-0.0), 0);
      check_same(field.db_value(false), 0);
      check_same(field.db_value(""), 0);
    }
    SUBCASE("text that is not a decimal number is refused") {
      CHECK_THROWS_WITH_AS(field.db_value("12abc"),
                           "DecimalField ?.price: cannot store '12abc' (text); pass a number or decimal "
                           "text such as '3.14'",
                           peewasm::DataError);
      CHECK_THROWS_AS(field.db_value("Infinity"), peewasm::DataError);
      CHECK_THROWS_AS(field.db_value("1.2.3"), peewasm::DataError);
      CHECK_THROWS_AS(field.db_value(Value(bytes("1"))), peewasm::DataError);
    }
  }

  TEST_CASE("auto_round quantizes to decimal_places with round-half-even") {
    Field field("price", FieldType::Decimal);
    field.auto_round();
    Value input;
    Value expected;
    SUBCASE("text rounds down") {
      field.decimal_places(2);
      input = "3.14159";
      expected = "3.14";
    }
    SUBCASE("text rounds up") {
      field.decimal_places(2);
      input = "2.675";
      expected = "2.68";
    }
    SUBCASE("a half goes to the even neighbour") {
      field.decimal_places(0);
      input = 2.5;
      expected = "2";
      SUBCASE("upwards when the kept digit is odd") {
        input = 3.5;
        expected = "4";
      }
      SUBCASE("negative") {
        input = "-2.5";
        expected = "-2";
      }
    }
    SUBCASE("the real's shortest repr is what gets rounded") {
      field.decimal_places(2);
      input = 2.675;  // repr "2.675", though the double is slightly below it
      expected = "2.68";
    }
    SUBCASE("carry adds a digit") {
      field.decimal_places(2);
      input = "9.999";
      expected = "10.00";
    }
    SUBCASE("integers gain zeros") {
      field.decimal_places(2);
      input = 10;
      expected = "10.00";
    }
    SUBCASE("negative values that round to zero keep their sign, as Decimal does") {
      field.decimal_places(2);
      input = "-0.001";
      expected = "-0.00";
    }
    SUBCASE("exponent forms") {
      field.decimal_places(1);
      input = "1.25e2";
      expected = "125.0";
    }
    SUBCASE("tiny values round to zero") {
      field.decimal_places(2);
      input = 1e-10;
      expected = "0.00";
    }
    SUBCASE("the default is five places") {
      input = "1.5";
      expected = "1.50000";
    }
    check_same(field.db_value(input), expected);
  }

  TEST_CASE("auto_round refuses what Decimal cannot quantize") {
    Field field("price", FieldType::Decimal);
    field.auto_round().decimal_places(2);
    CHECK_THROWS_AS(field.db_value(std::numeric_limits<double>::infinity()), peewasm::DataError);
    CHECK_THROWS_WITH_AS(field.db_value("1e40"),
                         "DecimalField ?.price: cannot store '1e40' (text); pass a number with at most 28 "
                         "digits at 2 decimal places",
                         peewasm::DataError);
  }

  TEST_CASE("decimal fields read values back as Decimal text") {
    const Field field("price", FieldType::Decimal);
    check_same(field.python_value(10), "10");
    check_same(field.python_value(-3), "-3");
    check_same(field.python_value(3.14), "3.14");
    check_same(field.python_value(0.1 + 0.2), "0.30000000000000004");
    check_same(field.python_value(100.0), "100.0");
    check_same(field.python_value(1e-05), "0.00001");
    check_same(field.python_value(1e-07), "1E-7");
    check_same(field.python_value(1e16), "1E+16");
    check_same(field.python_value(std::nan("")), "NaN");
    check_same(field.python_value(-std::numeric_limits<double>::infinity()), "-Infinity");
    check_same(field.python_value("3.140"), "3.140");
  }

  TEST_CASE("string fields store text and print numbers as Python's str does") {
    FieldType type = FieldType::Char;
    SUBCASE("CharField") { type = FieldType::Char; }
    SUBCASE("FixedCharField") { type = FieldType::FixedChar; }
    SUBCASE("TextField") { type = FieldType::Text; }
    const Field field("name", type);

    check_same(field.db_value("huey"), "huey");
    check_same(field.db_value(""), "");
    check_same(field.db_value(42), "42");
    check_same(field.db_value(1.5), "1.5");
    check_same(field.db_value(2.0), "2.0");
    check_same(field.db_value(true), "True");
    CHECK_THROWS_WITH_AS(field.db_value(Value(bytes("a"))),
                         (std::string(peewasm::field_class_name(type)) +
                          " ?.name: cannot store b'a' (blob); pass text")
                             .c_str(),
                         peewasm::DataError);

    check_same(field.python_value("huey"), "huey");
    check_same(field.python_value(42), "42");
    check_same(field.python_value(Value(bytes("zaizee"))), "zaizee");
  }

  TEST_CASE("fixed char fields strip the padding when read") {
    const Field fixed("code", FieldType::FixedChar);
    check_same(fixed.python_value("ab   "), "ab");
    check_same(fixed.python_value(" ab\t"), "ab");  // Peewee's str.strip(): both ends
    check_same(fixed.python_value(""), "");
    check_same(fixed.db_value("ab   "), "ab   ");
    SUBCASE("other string fields keep spaces") {
      const Field text("body", FieldType::Char);
      check_same(text.python_value("ab   "), "ab   ");
    }
  }

  TEST_CASE("blob fields store bytes") {
    FieldType type = FieldType::Blob;
    SUBCASE("BlobField") { type = FieldType::Blob; }
    SUBCASE("BigBitField") { type = FieldType::BigBit; }
    const Field field("data", type);

    check_same(field.db_value(Value(bytes("\x01\x02"))), Value(bytes("\x01\x02")));
    check_same(field.db_value(Value(Blob{})), Value(Blob{}));
    check_same(field.db_value("abc"), Value(bytes("abc")));
    check_same(field.python_value(Value(bytes("abc"))), Value(bytes("abc")));
    check_same(field.python_value("abc"), Value(bytes("abc")));
  }

  TEST_CASE("a blob field passes other values through and a big bit field refuses them") {
    check_same(Field("data", FieldType::Blob).db_value(5), 5);
    CHECK_THROWS_WITH_AS(Field("bits", FieldType::BigBit).db_value(5),
                         "BigBitField ?.bits: cannot store 5 (integer); pass bytes or text", peewasm::DataError);
  }

  TEST_CASE("UUID fields store 32 hex digits and read the dashed form") {
    const Field field("id", FieldType::UUID);
    const std::string dashed = "00000000-0000-4000-8000-000000000001";
    const std::string hex = "00000000000040008000000000000001";

    SUBCASE("db_value") {
      check_same(field.db_value(dashed), hex);
      check_same(field.db_value(hex), hex);
      check_same(field.db_value("6F9619FF-8B86-D011-B42D-00C04FC964FF"), "6f9619ff8b86d011b42d00c04fc964ff");
      check_same(field.db_value("{6f9619ff-8b86-d011-b42d-00c04fc964ff}"), "6f9619ff8b86d011b42d00c04fc964ff");
      check_same(field.db_value("urn:uuid:6f9619ff-8b86-d011-b42d-00c04fc964ff"),
                 "6f9619ff8b86d011b42d00c04fc964ff");
      Blob raw(16, 0);
      raw[15] = 1;
      raw[6] = 0x40;
      raw[8] = 0x80;
      check_same(field.db_value(Value(raw)), hex);
    }
    SUBCASE("32 hex digits pass exactly as given") {
      check_same(field.db_value("6F9619FF8B86D011B42D00C04FC964FF"), "6F9619FF8B86D011B42D00C04FC964FF");
    }
    SUBCASE("anything else is refused") {
      CHECK_THROWS_WITH_AS(field.db_value("not-a-uuid"),
                           "UUIDField ?.id: cannot store 'not-a-uuid' (text); pass a UUID such as "
                           "'00000000-0000-4000-8000-000000000001' or its 32 hex digits",
                           peewasm::DataError);
      CHECK_THROWS_AS(field.db_value("0000000000004000800000000000000g"), peewasm::DataError);
      CHECK_THROWS_AS(field.db_value(1), peewasm::DataError);
      CHECK_THROWS_AS(field.db_value(Value(Blob(15, 0))), peewasm::DataError);
    }
    SUBCASE("python_value") {
      check_same(field.python_value(hex), dashed);
      check_same(field.python_value(dashed), dashed);
      check_same(field.python_value("6F9619FF8B86D011B42D00C04FC964FF"), "6f9619ff-8b86-d011-b42d-00c04fc964ff");
      CHECK_THROWS_WITH_AS(field.python_value("zz"), "UUIDField ?.id: cannot read 'zz' (text) as a UUID",
                           peewasm::DataError);
    }
  }

  TEST_CASE("binary UUID fields store 16 bytes") {
    const Field field("id", FieldType::BinaryUUID);
    const std::string dashed = "6f9619ff-8b86-d011-b42d-00c04fc964ff";
    const Blob raw = {0x6f, 0x96, 0x19, 0xff, 0x8b, 0x86, 0xd0, 0x11,
                      0xb4, 0x2d, 0x00, 0xc0, 0x4f, 0xc9, 0x64, 0xff};

    check_same(field.db_value(dashed), Value(raw));
    check_same(field.db_value("6f9619ff8b86d011b42d00c04fc964ff"), Value(raw));
    check_same(field.db_value(Value(raw)), Value(raw));
    CHECK_THROWS_AS(field.db_value(Value(Blob(4, 0))), peewasm::DataError);
    CHECK_THROWS_AS(field.db_value("nope"), peewasm::DataError);
    CHECK_THROWS_AS(field.db_value(7), peewasm::DataError);

    check_same(field.python_value(Value(raw)), dashed);
    CHECK_THROWS_WITH_AS(field.python_value(Value(Blob(3, 0))),
                         R"(BinaryUUIDField ?.id: cannot read b'\x00\x00\x00' (blob) as a UUID)",
                         peewasm::DataError);
  }

  TEST_CASE("date and time fields store text as given and refuse numbers") {
    FieldType type = FieldType::DateTime;
    std::string message;
    SUBCASE("DateTimeField") {
      type = FieldType::DateTime;
      message = "DateTimeField ?.when: cannot store 5 (integer); pass text such as '2024-01-02 03:04:05'";
    }
    SUBCASE("DateField") {
      type = FieldType::Date;
      message = "DateField ?.when: cannot store 5 (integer); pass text such as '2024-01-02'";
    }
    SUBCASE("TimeField") {
      type = FieldType::Time;
      message = "TimeField ?.when: cannot store 5 (integer); pass text such as '03:04:05'";
    }
    const Field field("when", type);
    check_same(field.db_value("2023-12-25"), "2023-12-25");
    check_same(field.db_value("whenever"), "whenever");
    CHECK_THROWS_WITH_AS(field.db_value(5), message.c_str(), peewasm::DataError);
    CHECK_THROWS_AS(field.db_value(1.5), peewasm::DataError);
    CHECK_THROWS_AS(field.db_value(true), peewasm::DataError);
  }

  TEST_CASE("datetime fields read text in the default formats as str(datetime)") {
    const Field field("created", FieldType::DateTime);
    std::string input;
    std::string expected;
    SUBCASE("seconds") {
      input = "2024-01-02 03:04:05";
      expected = "2024-01-02 03:04:05";
    }
    SUBCASE("microseconds") {
      input = "2024-01-02 03:04:05.678";
      expected = "2024-01-02 03:04:05.678000";
    }
    SUBCASE("zero microseconds are not printed") {
      input = "2024-01-02 03:04:05.000000";
      expected = "2024-01-02 03:04:05";
    }
    SUBCASE("a date alone is midnight") {
      input = "2024-01-02";
      expected = "2024-01-02 00:00:00";
    }
    SUBCASE("one-digit fields, as strptime allows") {
      input = "2024-1-2 3:4:5";
      expected = "2024-01-02 03:04:05";
    }
    SUBCASE("a leap day") {
      input = "2024-02-29 23:59:59";
      expected = "2024-02-29 23:59:59";
    }
    SUBCASE("text that matches no format is returned unchanged") {
      SUBCASE("ISO T separator") { input = "2024-01-02T03:04:05"; }
      SUBCASE("no leap day") { input = "2023-02-29"; }
      SUBCASE("hour 24") { input = "2024-01-02 24:00:00"; }
      SUBCASE("second 60") { input = "2024-01-02 23:59:60"; }
      SUBCASE("leftovers") { input = "2024-01-02 03:04:05.1234567"; }
      SUBCASE("empty") { input = ""; }
      SUBCASE("year 0") { input = "0000-01-01"; }
      expected = input;
    }
    check_same(field.python_value(input), expected);
    SUBCASE("numbers are left alone") { check_same(field.python_value(5), 5); }
  }

  TEST_CASE("date fields read the date part") {
    const Field field("day", FieldType::Date);
    check_same(field.python_value("2024-01-02"), "2024-01-02");
    check_same(field.python_value("2024-01-02 03:04:05"), "2024-01-02");
    check_same(field.python_value("2024-01-02 03:04:05.5"), "2024-01-02");
    check_same(field.python_value("0001-01-01"), "0001-01-01");
    check_same(field.python_value("03:04"), "03:04");
  }

  TEST_CASE("time fields read the time part") {
    const Field field("at", FieldType::Time);
    check_same(field.python_value("03:04:05"), "03:04:05");
    check_same(field.python_value("03:04:05.25"), "03:04:05.250000");
    check_same(field.python_value("03:04"), "03:04:00");
    check_same(field.python_value("2024-01-02 03:04:05"), "03:04:05");
    check_same(field.python_value("2024-01-02 03:04:05.000001"), "03:04:05.000001");
    check_same(field.python_value("2024-01-02"), "2024-01-02");
  }

  TEST_CASE("python_value_keeps only where python_value returns the stored value unchanged") {
    const std::vector<Value> stored = {Value(5),      Value(2.0),          Value(1.5),
                                       Value("abc"),  Value(" padded "),   Value("12"),
                                       Value("2024-01-02 03:04:05"),       Value("2024-01-02"),
                                       Value("03:04:05"),                  Value("2024-01-02T03:04:05"),
                                       Value(bytes("raw")),                Value(bytes("0123456789abcdef"))};
    for (int type = 0; type <= static_cast<int>(FieldType::Custom); ++type) {
      if (static_cast<FieldType>(type) == FieldType::ForeignKey) continue;  // needs a bound model
      const Field field("f", static_cast<FieldType>(type));
      for (const Value& value : stored) {
        const std::string_view text = value.is_text() ? std::string_view(value.as_text())
                                      : value.is_blob() ? std::string_view(reinterpret_cast<const char*>(value.as_blob().data()), value.as_blob().size())
                                                        : std::string_view();
        if (!field.python_value_keeps(value.type(), text)) continue;
        CAPTURE(type);
        check_same(field.python_value(value), value);
      }
    }
    CHECK(Field("f", FieldType::Integer).python_value_keeps(ValueType::Integer, {}));
    CHECK(Field("f", FieldType::Text).python_value_keeps(ValueType::Text, "abc"));
    CHECK(Field("f", FieldType::DateTime).python_value_keeps(ValueType::Text, "2024-01-02 03:04:05"));
    CHECK(Field("f", FieldType::Text).python_value_keeps(ValueType::Null, {}));
    CHECK_FALSE(Field("f", FieldType::DateTime).python_value_keeps(ValueType::Text, "2024-01-02T03:04:05"));
    CHECK_FALSE(Field("f", FieldType::FixedChar).python_value_keeps(ValueType::Text, " padded "));
    CHECK_FALSE(Field("f", FieldType::Text).python_value_keeps(ValueType::Integer, {}));
    Field formatted("when", FieldType::DateTime);
    formatted.formats({"%d/%m/%Y"});
    CHECK_FALSE(formatted.python_value_keeps(ValueType::Text, "2024-01-02 03:04:05"));
  }

  TEST_CASE("custom formats replace the defaults") {
    Field field("when", FieldType::DateTime);
    SUBCASE("the first format that parses wins") {
      field.formats({"%d/%m/%Y", "%d/%m/%Y %H:%M"});
      check_same(field.python_value("02/01/2024"), "2024-01-02 00:00:00");
      check_same(field.python_value("02/01/2024 13:30"), "2024-01-02 13:30:00");
      check_same(field.python_value("2024-01-02"), "2024-01-02");  // defaults no longer apply
    }
    SUBCASE("whitespace in a format matches any run of whitespace") {
      field.formats({"%Y-%m-%d %H:%M"});
      check_same(field.python_value("2024-01-02 \t 13:30"), "2024-01-02 13:30:00");
    }
    SUBCASE("literals compare case-insensitively and %% is a percent sign") {
      field.formats({"%Y-%m-%dT%H:%M:%S", "%%%Y"});
      check_same(field.python_value("2024-01-02t03:04:05"), "2024-01-02 03:04:05");
      check_same(field.python_value("%2024"), "2024-01-01 00:00:00");
    }
    SUBCASE("a time-only format gets strptime's 1900-01-01") {
      field.formats({"%H:%M"});
      check_same(field.python_value("13:30"), "1900-01-01 13:30:00");
    }
    SUBCASE("an unsupported directive is a configuration error naming the field") {
      field.formats({"%b %d %Y"});
      CHECK_THROWS_WITH_AS(field.python_value("Jan 02 2024"),
                           "DateTimeField ?.when: format '%b %d %Y' uses %b, which peewasm does not "
                           "support; use %Y %m %d %H %M %S %f and %%",
                           peewasm::ImproperlyConfigured);
    }
  }

  TEST_CASE("timestamp fields store ticks since the epoch in UTC") {
    Field field("ts", FieldType::Timestamp);
    Value input;
    long long expected = 0;
    SUBCASE("a datetime in seconds") {
      input = "2024-01-01 00:00:00";
      expected = 1704067200;
    }
    SUBCASE("a date alone is midnight") {
      input = "2024-01-02";
      expected = 1704153600;
    }
    SUBCASE("resolution 1 drops microseconds") {
      input = "2024-01-02 03:04:05.999999";
      expected = 1704164645;
    }
    SUBCASE("milliseconds keep the fraction") {
      field.resolution(1000);
      input = "2024-01-02 03:04:05.678000";
      expected = 1704164645678;
    }
    SUBCASE("microseconds") {
      field.resolution(1000000);
      input = "2024-01-02 03:04:05.000001";
      expected = 1704164645000001;
    }
    SUBCASE("a fraction between ticks rounds half to even") {
      field.resolution(10);
      input = "2024-01-02 03:04:05.250000";
      expected = 17041646452;
      SUBCASE("odd") {
        input = "2024-01-02 03:04:05.350000";
        expected = 17041646454;
      }
    }
    SUBCASE("Peewee's shorthand: resolution 3 means 1000") {
      field.resolution(3);
      input = "1970-01-01 00:00:01.5";
      expected = 1500;
    }
    SUBCASE("before the epoch") {
      input = "1969-12-31 23:59:59";
      expected = -1;
    }
    SUBCASE("integers are seconds, scaled by the resolution as Peewee does") {
      field.resolution(1000);
      input = 1704067200;
      expected = 1704067200000;
    }
    SUBCASE("reals are seconds, rounded half to even") {
      field.resolution(1000);
      input = 1.0005;  // 1000.4999... ticks
      expected = 1000;
      SUBCASE("seconds") {
        field.resolution(1);
        input = 2.5;
        expected = 2;
      }
    }
    check_same(field.db_value(input), expected);
  }

  TEST_CASE("timestamp fields refuse what is not a moment") {
    Field field("ts", FieldType::Timestamp);
    CHECK_THROWS_WITH_AS(field.db_value("yesterday"),
                         "TimestampField ?.ts: cannot store 'yesterday' (text); pass a datetime such as "
                         "'2024-01-02 03:04:05' or seconds since the epoch",
                         peewasm::DataError);
    CHECK_THROWS_AS(field.db_value(true), peewasm::DataError);
    CHECK_THROWS_AS(field.db_value(std::nan("")), peewasm::DataError);
    field.resolution(1000);
    CHECK_THROWS_AS(field.db_value(std::numeric_limits<long long>::max()), peewasm::DataError);
  }

  TEST_CASE("timestamp fields read ticks back as str(datetime) in UTC") {
    Field field("ts", FieldType::Timestamp);
    Value input;
    std::string expected;
    SUBCASE("seconds") {
      input = 1704067200;
      expected = "2024-01-01 00:00:00";
    }
    SUBCASE("the epoch") {
      input = 0;
      expected = "1970-01-01 00:00:00";
    }
    SUBCASE("milliseconds") {
      field.resolution(1000);
      input = 1704164645678;
      expected = "2024-01-02 03:04:05.678000";
    }
    SUBCASE("negative ticks count back from the epoch") {
      field.resolution(1000);
      input = -1;
      expected = "1969-12-31 23:59:59.999000";
    }
    SUBCASE("reals keep their fraction") {
      input = 1.25;
      expected = "1970-01-01 00:00:01.250000";
    }
    SUBCASE("far dates") {
      input = 253402300799;
      expected = "9999-12-31 23:59:59";
      SUBCASE("first") {
        input = -62135596800;
        expected = "0001-01-01 00:00:00";
      }
    }
    check_same(field.python_value(input), expected);
  }

  TEST_CASE("timestamp conversions round-trip") {
    Field field("ts", FieldType::Timestamp);
    field.resolution(1000000);
    for (const char* text : {"2024-01-02 03:04:05.678901", "1999-12-31 23:59:59", "2000-02-29 12:00:00.000001",
                             "1900-03-01 00:00:00", "2100-02-28 23:59:59.5"}) {
      CAPTURE(text);
      const Value stored = field.db_value(text);
      const Value read = field.python_value(stored);
      check_same(field.db_value(read), stored);
    }
  }

  TEST_CASE("a timestamp outside Python's years or with a bad resolution is an error") {
    Field field("ts", FieldType::Timestamp);
    CHECK_THROWS_WITH_AS(field.python_value(253402300800),
                         "TimestampField ?.ts: cannot read 253402300800 (integer) as a datetime between the "
                         "years 1 and 9999",
                         peewasm::DataError);
    field.resolution(7);
    CHECK_THROWS_WITH_AS(field.db_value(1),
                         "TimestampField ?.ts: resolution 7 is not one of 1, 10, 100, 1000, 10000, 100000, 1000000",
                         peewasm::ImproperlyConfigured);
  }

  TEST_CASE("IP fields store IPv4 addresses as unsigned 32-bit integers") {
    const Field field("address", FieldType::IP);
    check_same(field.db_value("192.168.0.1"), 3232235521LL);
    check_same(field.db_value("0.0.0.0"), 0);
    check_same(field.db_value("255.255.255.255"), 4294967295LL);
    check_same(field.db_value(3232235521LL), 3232235521LL);

    for (const char* bad : {"256.0.0.1", "1.2.3", "1.2.3.4.5", "01.2.3.4", "1..2.3", "a.b.c.d", " 1.2.3.4", ""}) {
      CAPTURE(bad);
      CHECK_THROWS_AS(field.db_value(bad), peewasm::DataError);
    }
    CHECK_THROWS_WITH_AS(field.db_value("1.2.3"),
                         "IPField ?.address: cannot store '1.2.3' (text); pass a dotted IPv4 address such as "
                         "'192.168.0.1'",
                         peewasm::DataError);
    CHECK_THROWS_AS(field.db_value(-1), peewasm::DataError);
    CHECK_THROWS_AS(field.db_value(4294967296LL), peewasm::DataError);

    check_same(field.python_value(3232235521LL), "192.168.0.1");
    check_same(field.python_value(0), "0.0.0.0");
    check_same(field.python_value(4294967295LL), "255.255.255.255");
    CHECK_THROWS_AS(field.python_value(4294967296LL), peewasm::DataError);
  }

  TEST_CASE("boolean fields store booleans") {
    const Field field("active", FieldType::Boolean);
    check_same(field.db_value(true), true);
    check_same(field.db_value(false), false);
    check_same(field.db_value(1), true);
    check_same(field.db_value(0), false);
    check_same(field.db_value(-3), true);
    CHECK_THROWS_WITH_AS(field.db_value("yes"),
                         "BooleanField ?.active: cannot store 'yes' (text); pass true or false",
                         peewasm::DataError);
    CHECK_THROWS_AS(field.db_value(1.0), peewasm::DataError);

    check_same(field.python_value(1), true);
    check_same(field.python_value(0), false);
    check_same(field.python_value(0.0), false);
    check_same(field.python_value("x"), "x");
  }

  TEST_CASE("bare fields pass every value through") {
    const Field field("anything", FieldType::Bare);
    for (const Value& value : {Value(1), Value(1.5), Value("text"), Value(bytes("b")), Value(true)}) {
      check_same(field.db_value(value), value);
      check_same(field.python_value(value), value);
    }
  }

  TEST_CASE("custom fields use their adapter when it is set") {
    Field field("tags", FieldType::Custom);
    SUBCASE("without an adapter values pass through") {
      check_same(field.db_value("a,b"), "a,b");
      check_same(field.python_value(3), 3);
    }
    SUBCASE("with one, each direction calls its function") {
      field.adapter(FieldAdapter{
          [](const Value& value) { return Value(value.as_text() + "|db"); },
          [](const Value& value) { return Value(value.as_text() + "|py"); },
      });
      check_same(field.db_value("a"), "a|db");
      check_same(field.python_value("a"), "a|py");
      check_same(field.db_value(Null{}), Null{});  // null never reaches the adapter
    }
    SUBCASE("a direction without a function passes through") {
      field.adapter(FieldAdapter{[](const Value&) { return Value(1); }, nullptr});
      check_same(field.db_value("a"), 1);
      check_same(field.python_value("a"), "a");
    }
  }

  TEST_CASE("a bound field's message names its model") {
    peewasm::ModelRegistry models;
    const peewasm::Model Tweet = models.define({.name = "Tweet", .fields = {peewasm::IntegerField("likes")}});
    CHECK_THROWS_WITH_AS(Tweet.meta().field("likes").db_value("abc"),
                         "IntegerField Tweet.likes: cannot store 'abc' (text); pass an integer", peewasm::DataError);
  }

  TEST_CASE("a foreign key converts as the field it points at") {
    peewasm::ModelRegistry models;
    const peewasm::Model User = models.define({.name = "User", .fields = {peewasm::CharField("username")}});
    const peewasm::Model Token =
        models.define({.name = "Token", .fields = {peewasm::UUIDField("id").primary_key()}});
    const peewasm::Model Tweet = models.define(
        {.name = "Tweet", .fields = {peewasm::ForeignKeyField("user", User), peewasm::ForeignKeyField("token", Token)}});
    const Field& user = Tweet.meta().field("user");
    const Field& token = Tweet.meta().field("token");

    SUBCASE("an auto-increment key") {
      check_same(user.db_value("3"), 3);
      check_same(user.db_value(3.0), 3);
      check_same(user.python_value(3), 3);
      check_same(user.db_value(Null{}), Null{});
    }
    SUBCASE("a UUID key") {
      check_same(token.db_value("00000000-0000-4000-8000-000000000001"), "00000000000040008000000000000001");
      check_same(token.python_value("00000000000040008000000000000001"), "00000000-0000-4000-8000-000000000001");
    }
    SUBCASE("messages name the foreign key that was used") {
      CHECK_THROWS_WITH_AS(user.db_value("huey"),
                           "ForeignKeyField Tweet.user: cannot store 'huey' (text); pass an integer",
                           peewasm::DataError);
    }
  }
}
