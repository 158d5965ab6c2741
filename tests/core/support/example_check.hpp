#pragma once
// One seed example against its oracle case: the printed lines (check_output), the number of
// queries and every statement with its parameters.

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "support/oracle.hpp"
#include "support/output_check.hpp"
#include "support/query_count.hpp"

namespace peewasm::test {

inline void check_example(const std::string& id, const Recorder& recorder, const QueryCount& count,
                          std::vector<std::string> lines, LineOrder order = LineOrder::Exact) {
  CAPTURE(id);
  check_output(std::move(lines), id, order);
  CHECK_MESSAGE(count.delta() == oracle_case(id)["query_count"].get<std::int64_t>(), count.statements());
  check_oracle(recorder, id);
}

}  // namespace peewasm::test
