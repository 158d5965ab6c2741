// wasm/native's JSON reader and writer (the requests JS sends the bindings), natively: what it
// reads, what it writes, and the InterfaceError each malformed input or misuse raises.

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "json.hpp"

using peewasm::InterfaceError;
using peewasm::wasm::Json;

namespace {
std::string parse_error(const std::string& text) {
  try {
    Json::parse(text);
  } catch (const InterfaceError& error) {
    return error.what();
  }
  return "no error";
}
}  // namespace

TEST_SUITE("request json") {
  TEST_CASE("reads objects, arrays, strings, numbers, booleans and null") {
    const Json doc = Json::parse(R"( {"k": "select", "m": 3, "ops": [["limit", -20], ["distinct", true]],
                                      "x": null, "f": 2.5, "e": 1e3, "big": 9007199254740993} )");
    CHECK(doc.is_object());
    CHECK(doc.size() == 7);
    CHECK(doc.at("k") == "select");
    CHECK_FALSE(doc.at("k") == "selec");
    CHECK(doc.at("m").get<std::size_t>() == 3);
    CHECK(doc.at("ops").at(0).at(1).get<std::int64_t>() == -20);
    CHECK(doc.at("ops")[1][1].get<bool>());
    CHECK(doc.at("x").is_null());
    CHECK(doc.at("f").get<double>() == 2.5);
    CHECK(doc.at("e").get<int>() == 1000);
    CHECK(doc.at("big").get<std::int64_t>() == 9007199254740993);
    CHECK(doc.contains("ops"));
    CHECK_FALSE(doc.contains("missing"));
    CHECK(doc.find("missing") == doc.end());
    CHECK(doc.find("m")->is_number());
    std::vector<std::string> names;
    for (const Json& op : doc.at("ops")) names.push_back(op.at(0).get<std::string>());
    CHECK(names == std::vector<std::string>{"limit", "distinct"});
  }

  TEST_CASE("value() falls back only when the key is missing") {
    const Json doc = Json::parse(R"({"rec": true, "cols": ["a", "b"], "n": "x"})");
    CHECK(doc.value("rec", false));
    CHECK_FALSE(doc.value("other", false));
    CHECK(doc.value("cols", std::vector<std::string>()) == std::vector<std::string>{"a", "b"});
    CHECK(doc.value("u", Json::array()).size() == 0);
    CHECK(doc.value("n", std::string()) == "x");
    CHECK(doc.value("type", Json()).is_null());
  }

  TEST_CASE("strings decode every escape, \\u pairs included, to UTF-8") {
    const Json doc = Json::parse(R"(["a\"b\\c\/d\b\f\n\r\t", "caf\u00e9 \u20ac", "\ud83d\ude00", "\ud800x", "snow \u2603"])");
    CHECK(doc.at(0).get<std::string>() == "a\"b\\c/d\b\f\n\r\t");
    CHECK(doc.at(1).get<std::string>() == "caf\xc3\xa9 \xe2\x82\xac");
    CHECK(doc.at(2).get<std::string>() == "\xf0\x9f\x98\x80");
    CHECK(doc.at(3).get<std::string>() == "\xef\xbf\xbdx");
    CHECK(doc.at(4).get<std::string>() == "snow \xe2\x98\x83");
  }

  TEST_CASE("dump() writes compact JSON that reads back the same") {
    Json fields = Json::array();
    Json entry{{"name", "user"}, {"column", "user_id"}};
    entry["rel"] = "User";
    fields.push_back(std::move(entry));
    const Json doc{{"id", std::size_t{2}}, {"table", "tweet \"t\"\n"}, {"fields", fields}, {"autoIncrement", true},
                   {"ratio", 0.5}, {"none", nullptr}};
    const std::string text = doc.dump();
    CHECK(text == R"({"id":2,"table":"tweet \"t\"\n","fields":[{"name":"user","column":"user_id","rel":"User"}],)"
                   R"("autoIncrement":true,"ratio":0.5,"none":null})");
    CHECK(Json::parse(text).dump() == text);
    CHECK(Json("\x01").dump() == R"("\u0001")");
  }

  TEST_CASE("malformed text raises InterfaceError naming the problem and where it is") {
    const std::string prefix = "malformed request from the JS layer: ";
    CHECK(parse_error("") == prefix + "unexpected end of the text at byte 0");
    CHECK(parse_error(R"({"k" "v"})") == prefix + "expected ':' after an object key at byte 5");
    CHECK(parse_error(R"({"k": 1,})") == prefix + "expected a string key at byte 8");
    CHECK(parse_error(R"({k: 1})") == prefix + "expected a string key at byte 1");
    CHECK(parse_error("[1 2]") == prefix + "expected ',' or ']' in an array at byte 3");
    CHECK(parse_error(R"({"a": 1])") == prefix + "expected ',' or '}' in an object at byte 7");
    CHECK(parse_error(R"(["abc)") == prefix + "unterminated string at byte 5");
    CHECK(parse_error(R"(["a\qb"])") == prefix + "unknown escape in a string at byte 5");
    CHECK(parse_error(R"(["\u12g4"])") == prefix + "\\u needs four hex digits at byte 4");
    CHECK(parse_error("[\"a\nb\"]") == prefix + "control character in a string at byte 4");
    CHECK(parse_error("[tru]") == prefix + "expected a value at byte 1");
    CHECK(parse_error("[-]") == prefix + "expected a value at byte 2");
    CHECK(parse_error("[1.]") == prefix + "expected digits after '.' at byte 3");
    CHECK(parse_error("[1e]") == prefix + "expected digits in an exponent at byte 3");
    CHECK(parse_error("{} {}") == prefix + "unexpected text after the document at byte 3");
    CHECK(parse_error(std::string(300, '[') + std::string(300, ']')).find("nested deeper than 256 levels") !=
          std::string::npos);
  }

  TEST_CASE("reading a missing key, a wrong type or a missing index raises InterfaceError") {
    const Json doc = Json::parse(R"({"k": "select", "ops": [1]})");
    CHECK_THROWS_WITH_AS(doc.at("m"), "malformed request from the JS layer: no \"m\" in an object", InterfaceError);
    CHECK_THROWS_WITH_AS(doc.at("k").get<std::size_t>(), "malformed request from the JS layer: expected a number, found a string",
                         InterfaceError);
    CHECK_THROWS_WITH_AS(doc.at("ops").at(1), "malformed request from the JS layer: index 1 past the end of an array of 1",
                         InterfaceError);
    CHECK_THROWS_WITH_AS(doc.at(0), "malformed request from the JS layer: expected an array, found an object", InterfaceError);
    CHECK_THROWS_WITH_AS(doc.at("ops").get<std::vector<std::string>>(),
                         "malformed request from the JS layer: expected a string, found a number", InterfaceError);
    CHECK_THROWS_AS(doc.value("k", false), InterfaceError);
  }
}
