#include "peewasm/value.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <limits>
#include <unordered_map>
#include <vector>

#include "peewasm/errors.hpp"

using peewasm::Blob;
using peewasm::Null;
using peewasm::Value;
using peewasm::ValueType;

TEST_SUITE("value") {
  TEST_CASE("to_string renders a value as Python's print does") {
    Value value;
    std::string expected;
    SUBCASE("null is None") { expected = "None"; }
    SUBCASE("booleans are True and False") {
      value = true;
      expected = "True";
      SUBCASE("false") {
        value = false;
        expected = "False";
      }
    }
    SUBCASE("integers") {
      value = -42;
      expected = "-42";
      SUBCASE("int64 extremes") {
        value = std::numeric_limits<long long>::min();
        expected = "-9223372036854775808";
      }
    }
    SUBCASE("text as is") {
      value = "it's";
      expected = "it's";
    }
    CHECK(value.to_string() == expected);
  }

  TEST_CASE("reals print as Python's repr of a float") {
    const std::vector<std::pair<double, std::string>> cases = {
        {1.5, "1.5"},
        {2.0, "2.0"},
        {0.1, "0.1"},
        {0.1 + 0.2, "0.30000000000000004"},
        {-0.0, "-0.0"},
        {100.0, "100.0"},
        {1234.5678, "1234.5678"},
        {1e15, "1000000000000000.0"},
        {1e16, "1e+16"},
        {1.5e300, "1.5e+300"},
        {0.0001, "0.0001"},
        {0.00001, "1e-05"},
        {-1.5e-7, "-1.5e-07"},
        {5e-324, "5e-324"},
        {1.7976931348623157e308, "1.7976931348623157e+308"},
        {std::numeric_limits<double>::infinity(), "inf"},
        {-std::numeric_limits<double>::infinity(), "-inf"},
        {std::numeric_limits<double>::quiet_NaN(), "nan"},
    };
    for (const auto& [real, expected] : cases) {
      CAPTURE(expected);
      CHECK(Value(real).to_string() == expected);
    }
  }

  TEST_CASE("blobs print as Python's repr of bytes") {
    const auto bytes = [](std::string_view text) { return Value(Blob(text.begin(), text.end())); };
    CHECK(bytes("").to_string() == "b''");
    CHECK(bytes("abc").to_string() == "b'abc'");
    CHECK(bytes(std::string_view("\x00\x01\x7f\xff", 4)).to_string() == R"(b'\x00\x01\x7f\xff')");
    CHECK(bytes("\t\n\r\\").to_string() == R"(b'\t\n\r\\')");
    SUBCASE("the quote switches to double when only single quotes appear") {
      CHECK(bytes("it's").to_string() == R"(b"it's")");
      CHECK(bytes("'\"").to_string() == R"(b'\'"')");
    }
  }

  TEST_CASE("to_sql_literal writes SQL literals for display") {
    CHECK(Value().to_sql_literal() == "NULL");
    CHECK(Value(7).to_sql_literal() == "7");
    CHECK(Value(2.5).to_sql_literal() == "2.5");
    CHECK(Value(true).to_sql_literal() == "1");
    CHECK(Value(false).to_sql_literal() == "0");
    CHECK(Value("it's").to_sql_literal() == "'it''s'");
    CHECK(Value(Blob{0x00, 0xab}).to_sql_literal() == "X'00AB'");
    CHECK(Value(std::numeric_limits<double>::quiet_NaN()).to_sql_literal() == "NULL");
  }

  TEST_CASE("checked accessors widen numbers and reject other types") {
    CHECK(Value(3).as_real() == 3.0);
    CHECK(Value(true).as_int() == 1);
    CHECK(Value(2).as_bool());
    CHECK_FALSE(Value(0).as_bool());
    CHECK(Value("x").as_text() == "x");
    CHECK(Value(Blob{1, 2}).as_blob() == Blob{1, 2});

    SUBCASE("mismatches throw DataError naming both types") {
      CHECK_THROWS_WITH_AS(Value("7").as_int(), "expected integer, got text", peewasm::DataError);
      CHECK_THROWS_WITH_AS(Value().as_real(), "expected real, got null", peewasm::DataError);
      CHECK_THROWS_WITH_AS(Value(7).as_text(), "expected text, got integer", peewasm::DataError);
      CHECK_THROWS_WITH_AS(Value(1.0).as_bool(), "expected boolean, got real", peewasm::DataError);
      CHECK_THROWS_WITH_AS(Value("").as_blob(), "expected blob, got text", peewasm::DataError);
    }
  }

  TEST_CASE("type() reports the alternative held") {
    CHECK(Value().type() == ValueType::Null);
    CHECK(Value(Null{}).is_null());
    CHECK(Value(nullptr).is_null());
    CHECK(Value(1).type() == ValueType::Integer);
    CHECK(Value(1.0).type() == ValueType::Real);
    CHECK(Value("a").type() == ValueType::Text);
    CHECK(Value(Blob{}).type() == ValueType::Blob);
    CHECK(Value(false).type() == ValueType::Boolean);
    CHECK(peewasm::to_string(ValueType::Boolean) == "boolean");
  }

  TEST_CASE("equality compares numbers by value and everything else by type and content") {
    CHECK(Value(1) == Value(1.0));
    CHECK(Value(true) == Value(1));
    CHECK(Value(false) == Value(0.0));
    CHECK(Value() == Value());
    CHECK(Value("a") == Value("a"));
    CHECK(Value(Blob{1}) == Value(Blob{1}));

    CHECK_FALSE(Value() == Value(0));
    CHECK_FALSE(Value("1") == Value(1));
    CHECK_FALSE(Value("a") == Value(Blob{'a'}));

    SUBCASE("integers beyond 2^53 are not rounded to the nearest double") {
      constexpr long long big = (1LL << 53) + 1;
      CHECK_FALSE(Value(big) == Value(static_cast<double>(big)));
      CHECK(Value(static_cast<double>(big)) < Value(big));
      CHECK(Value(std::numeric_limits<long long>::max()) < Value(9223372036854775808.0));
    }
    SUBCASE("fractions order between their neighbouring integers") {
      CHECK(Value(2) < Value(2.5));
      CHECK(Value(2.5) < Value(3));
      CHECK(Value(-3) < Value(-2.5));
    }
  }

  TEST_CASE("values sort as SQLite does: null, numbers, text, blob") {
    std::vector<Value> values = {Value(Blob{0}), Value("b"), Value(2.5),  Value(),
                                 Value("a"),     Value(1),   Value(true), Value(-1.0)};
    std::sort(values.begin(), values.end());
    const std::vector<Value> expected = {Value(),    Value(-1.0), Value(1),   Value(true),
                                         Value(2.5), Value("a"),  Value("b"), Value(Blob{0})};
    CHECK(values == expected);

    SUBCASE("NaN sorts first among numbers and equals itself") {
      const Value nan(std::numeric_limits<double>::quiet_NaN());
      CHECK(nan == nan);
      CHECK(nan < Value(-1e300));
      CHECK(nan < Value(std::numeric_limits<long long>::min()));
      CHECK(Value() < nan);
    }
  }

  TEST_CASE("hash is equal for values that compare equal, so they can key a hash map") {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const std::vector<std::vector<Value>> equal = {{Value(1), Value(1.0), Value(true)},
                                                   {Value(0), Value(-0.0), Value(false)},
                                                   {Value(nan), Value(-nan)},
                                                   {Value(std::numeric_limits<long long>::min()), Value(-9223372036854775808.0)},
                                                   {Value("text"), Value(std::string("text"))},
                                                   {Value(Blob{1, 2}), Value(Blob{1, 2})},
                                                   {Value(), Value(Null{})}};
    for (const auto& group : equal) {
      for (const Value& value : group) {
        CAPTURE(value.to_string());
        CHECK(value == group.front());
        CHECK(value.hash() == group.front().hash());
      }
    }
    std::unordered_map<Value, int, peewasm::ValueHash> counts;
    for (const Value& key : {Value(1), Value(1.0), Value(2.5), Value("1"), Value(Blob{1})}) ++counts[key];
    CHECK(counts.size() == 4);
    CHECK(counts[Value(true)] == 2);
  }
}
