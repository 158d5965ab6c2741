// peewasm_native_bench [--smoke] [--rounds N] [--only W2]: the C++ core vs the raw SQLite C API on the
// benchmark's workloads, interleaved round by round; prints JSON (medians in ms, checksums).
// Times are the thread's CPU time: the machines this runs on are shared and oversubscribed,
// and wall time there measures the wait for a core more than the work.
// Exits non-zero when the two sides disagree on an answer.
#include <algorithm>
#include <cstring>
#include <ctime>
#include <functional>
#include <map>
#include <iostream>
#include <string>
#include <vector>

#include "sides.hpp"

namespace {

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  std::size_t mid = values.size() / 2;
  return values.size() % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

struct Measured {
  std::vector<double> samples;
  bench::Answer answer;
};

double cpu_ms() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

void measure(Measured& into, const std::function<bench::Answer()>& workload, bool keep) {
  double start = cpu_ms();
  into.answer = workload();
  if (keep) into.samples.push_back(cpu_ms() - start);
}

}  // namespace

int main(int argc, char** argv) {
  bool smoke = false;
  int rounds = 7;
  std::string only;  // one workload, e.g. under a profiler
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--smoke") == 0) smoke = true;
    if (std::strcmp(argv[i], "--rounds") == 0 && i + 1 < argc) rounds = std::stoi(argv[++i]);
    if (std::strcmp(argv[i], "--only") == 0 && i + 1 < argc) only = argv[++i];
  }
  if (smoke) rounds = 1;
  const int warmup = smoke ? 0 : 1;

  bench::Data data = bench::make_data(smoke ? bench::kSmoke : bench::kFull);
  bench::RawSqlite raw_side(data);
  bench::CoreOrm core_side(data);
  bench::Workloads raw = raw_side.workloads();
  bench::Workloads core = core_side.workloads();

  std::map<std::string, std::pair<Measured, Measured>> results;
  for (int round = -warmup; round < rounds; ++round) {
    for (const auto& [name, workload] : raw) {
      if (!only.empty() && name != only) continue;
      auto& [raw_result, core_result] = results[name];
      // Alternate which side goes first, so neither always runs on a warmer cache.
      if (round % 2 == 0) {
        measure(raw_result, workload, round >= 0);
        measure(core_result, core.at(name), round >= 0);
      } else {
        measure(core_result, core.at(name), round >= 0);
        measure(raw_result, workload, round >= 0);
      }
    }
  }

  bool agree = true;
  std::cout << "{\"clock\": \"thread CPU time\", \"rounds\": " << rounds
            << ", \"workloads\": {";
  const char* separator = "";
  for (const auto& [name, pair] : results) {
    const auto& [raw_result, core_result] = pair;
    agree = agree && raw_result.answer.checksum == core_result.answer.checksum;
    std::cout << separator << "\n  \"" << name << "\": {\"raw\": " << median(raw_result.samples)
              << ", \"core\": " << median(core_result.samples) << ", \"raw_checksum\": \""
              << raw_result.answer.checksum << "\", \"core_checksum\": \"" << core_result.answer.checksum
              << "\", \"raw_queries\": " << raw_result.answer.queries << ", \"core_queries\": "
              << core_result.answer.queries << "}";
    separator = ",";
  }
  std::cout << "\n}}\n";
  if (!agree) std::cerr << "peewasm_native_bench: the core and the raw C API disagree on an answer\n";
  return agree ? 0 : 1;
}
