// Micro-benchmarks of the core value-type parsers that run once per imported
// row (a national import is ~5 million rows), so each must stay well under a
// microsecond or two. Reference codes are built by hand so the benchmark
// measures parsing, not the CSV loader.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "core/citizen_id.h"
#include "core/money.h"
#include "core/name.h"
#include "core/phone.h"

namespace ansinh::core {
namespace {

const ReferenceCodes& BenchCodes() {
  static const ReferenceCodes codes = [] {
    ReferenceCodes built;
    // All 63 CCCD province codes (shared/data/cccd_province_codes.csv).
    for (int code :
         {1,  2,  4,  6,  8,  10, 11, 12, 14, 15, 17, 19, 20, 22, 24, 25, 26, 27, 30, 31, 33,
          34, 35, 36, 37, 38, 40, 42, 44, 45, 46, 48, 49, 51, 52, 54, 56, 58, 60, 62, 64, 66,
          67, 68, 70, 72, 74, 75, 77, 79, 80, 82, 83, 84, 86, 87, 89, 91, 92, 93, 94, 95, 96}) {
      std::string text = std::to_string(code);
      built.citizen_id_province_codes.insert(std::string(3 - text.size(), '0') + text);
    }
    for (const char* prefix :
         {"032", "033", "034", "035", "036", "037", "038", "039", "086", "096", "097", "098",
          "070", "079", "077", "076", "078", "089", "090", "093", "083", "084", "085", "081",
          "082", "088", "091", "094", "056", "058", "092", "052", "059", "099", "087", "055"}) {
      built.mobile_prefixes[prefix] = {prefix, "carrier"};
    }
    return built;
  }();
  return codes;
}

void BM_CitizenIdParse(benchmark::State& state) {
  const std::vector<std::string> inputs = {"001050123456", " 079205000123 ", "096150000001",
                                           "012345678", "003050123456"};
  const ReferenceCodes& codes = BenchCodes();
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(CitizenId::Parse(inputs[i++ % inputs.size()], codes));
  }
}
BENCHMARK(BM_CitizenIdParse);

void BM_CitizenIdCheckConsistency(benchmark::State& state) {
  CitizenId id = CitizenId::Parse("001150123456", BenchCodes()).value();
  Date birth = Date::Parse("07/03/1951").value();
  for (auto _ : state) benchmark::DoNotOptimize(CheckConsistency(id, Sex::kMale, birth));
}
BENCHMARK(BM_CitizenIdCheckConsistency);

void BM_PhoneParse(benchmark::State& state) {
  const std::vector<std::string> inputs = {"0912345678", "+84 912 345 678", "84326123456",
                                           "0912-345-678", "01662345678"};
  const ReferenceCodes& codes = BenchCodes();
  std::size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(Phone::Parse(inputs[i++ % inputs.size()], codes));
}
BENCHMARK(BM_PhoneParse);

void BM_NameMatchKey(benchmark::State& state) {
  const std::vector<std::string> inputs = {"Nguyễn Văn An", "NGUYỄN  THỊ MINH KHAI",
                                           "Nguye\xcc\x82\xcc\x83n Va\xcc\x86n An", "Đặng Thị Đào",
                                           "Y Ngông Niê Kdăm"};
  std::size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(NameMatchKey(inputs[i++ % inputs.size()]));
}
BENCHMARK(BM_NameMatchKey);

void BM_NormalizeName(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(NormalizeName("  Nguyễn\xc2\xa0 Văn An "));
}
BENCHMARK(BM_NormalizeName);

void BM_MoneyMultiplyBy(benchmark::State& state) {
  const Coefficient coefficient = Coefficient::Parse("1.5").value();
  MoneyVnd amount = MoneyVnd::FromDong(2'055'001);
  for (auto _ : state) {
    benchmark::DoNotOptimize(amount);
    benchmark::DoNotOptimize(amount.MultiplyBy(coefficient));
  }
}
BENCHMARK(BM_MoneyMultiplyBy);

void BM_MoneyParseGrouped(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(MoneyVnd::Parse("1.250.000"));
}
BENCHMARK(BM_MoneyParseGrouped);

}  // namespace
}  // namespace ansinh::core
