#pragma once
// What the real Peewee executed for a seed example (../shared/oracle/cases.json), and a recorder
// of what peewasm executes, so tests compare statements and parameters byte for byte.

#include <doctest/doctest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "peewasm/db/database.hpp"

namespace peewasm::test {

struct Statement {
  std::string sql;
  std::vector<Value> params;
};

inline std::string describe(const std::vector<Value>& params) {
  std::string out = "[";
  for (std::size_t i = 0; i < params.size(); ++i) out += (i ? ", " : "") + params[i].to_sql_literal();
  return out + "]";
}

inline Value value_from_json(const nlohmann::json& j) {
  if (j.is_null()) return Value();
  if (j.is_boolean()) return Value(j.get<bool>());
  if (j.is_number_integer()) return Value(j.get<long long>());
  if (j.is_number_float()) return Value(j.get<double>());
  if (j.is_string()) return Value(j.get<std::string>());
  if (j.is_object() && j.contains("$bytes_hex")) {
    std::string hex = j["$bytes_hex"];
    Blob bytes;
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2) bytes.push_back(std::stoi(hex.substr(i, 2), nullptr, 16));
    return Value(bytes);
  }
  FAIL("oracle value of an unexpected shape: " << j.dump());
  return Value();
}

inline const nlohmann::json& oracle_cases() {
  static const nlohmann::json cases = [] {
    std::ifstream in(PEEWASM_ORACLE_PATH);
    REQUIRE_MESSAGE(in.good(), "cannot read the oracle at " PEEWASM_ORACLE_PATH);
    return nlohmann::json::parse(in);
  }();
  return cases;
}

inline const nlohmann::json& oracle_case(const std::string& id) {
  for (const auto& c : oracle_cases()) {
    if (c["id"] == id) return c;
  }
  FAIL("no oracle case " << id);
  static const nlohmann::json none;
  return none;
}

// The statements an oracle case executed in its body (or setup). Peewee's connection pragmas
// ("kind": "pragma", sent when it connects) are left out: our Database applies them when it
// opens, before any log listener, and does not count them.
inline std::vector<Statement> oracle_statements(const std::string& id, const char* phase = "body") {
  std::vector<Statement> statements;
  for (const auto& s : oracle_case(id)["executed"][phase]) {
    if (s.value("kind", "") == "pragma") continue;
    Statement statement{s["sql"], {}};
    for (const auto& p : s["params"]) statement.params.push_back(value_from_json(p));
    statements.push_back(std::move(statement));
  }
  return statements;
}

inline std::vector<std::string> oracle_output(const std::string& id) {
  std::vector<std::string> lines;
  for (const auto& line : oracle_case(id)["output"]) lines.push_back(line);
  return lines;
}

// Records every statement a database runs while alive.
class Recorder {
 public:
  explicit Recorder(Database& db) : db_(db) {
    id_ = db.log().subscribe([this](const QueryEvent& e) { statements_.push_back({e.sql, e.params}); });
  }
  ~Recorder() { db_.log().unsubscribe(id_); }
  const std::vector<Statement>& statements() const { return statements_; }
  void clear() { statements_.clear(); }

 private:
  Database& db_;
  QueryLog::ListenerId id_;
  std::vector<Statement> statements_;
};

// Statement by statement: the same SQL text and the same parameters.
inline void check_statements(const std::vector<Statement>& actual, const std::vector<Statement>& expected) {
  CHECK(actual.size() == expected.size());
  for (std::size_t i = 0; i < std::min(actual.size(), expected.size()); ++i) {
    CAPTURE(i);
    CHECK(actual[i].sql == expected[i].sql);
    CHECK_MESSAGE(actual[i].params == expected[i].params,
                  describe(actual[i].params) << " != " << describe(expected[i].params));
  }
}

inline void check_oracle(const Recorder& recorder, const std::string& id) {
  CAPTURE(id);
  check_statements(recorder.statements(), oracle_statements(id));
}

// The oracle's clock: the k-th call returns 2024-01-01 00:00 plus k minutes.
class FixedClock {
 public:
  Value operator()() {
    int minutes = calls_++;
    char text[32];
    std::snprintf(text, sizeof text, "2024-01-01 %02d:%02d:00", minutes / 60, minutes % 60);
    return Value(std::string(text));
  }

 private:
  int calls_ = 0;
};

}  // namespace peewasm::test
