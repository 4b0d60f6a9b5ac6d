// Micro-benchmarks of the payroll money core (core/payroll.h). The national
// target is 5,000,000 persons in ≤ 30 s on 2 cores including the store, so
// the core's share per person must stay around a microsecond. Rates are the
// shipped files, compiled once, as the app does per run.
//
// Cases:
//   TypicalPerson      one entitlement, paid_through = last month: nothing to
//                      diff (the state right after go-live)
//   SteadyState24      one entitlement, 24 earlier months all paid correctly:
//                      24 months compared, no line but REGULAR
//   Arrears24          a start back-dated 24 months, nothing paid: 24 ARREARS
//   OfficeBatch        10,000 varied persons (policies, ages, 1–2 entitlements)
//                      appended into one reused buffer, per person
#include <benchmark/benchmark.h>

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/payroll.h"
#include "formats/rate_conversion.h"
#include "formats/reference_data.h"

namespace ansinh::core {
namespace {

const RateTable& Rates() {
  static const RateTable table = [] {
    const std::filesystem::path dir = ANSINH_REFERENCE_DATA_DIR;
    auto levels = formats::LoadStandardLevels(dir / "standard_levels.csv");
    auto rates = formats::LoadPolicyRates(dir / "policy_rates.csv");
    if (!levels || !rates) throw std::runtime_error("shipped rates do not load");
    auto built = formats::MakeRateTable(*levels, *rates);
    if (!built) throw std::runtime_error(built.error().message);
    return std::move(*built);
  }();
  return table;
}

const Period kPeriod = Period::Parse("2025-03").value();

PersonFacts Person(const std::string& policy, const char* start, const char* paid_through) {
  PersonFacts person{1'234'567,
                     "BTXH-38001-0012345",
                     BeneficiaryGroup::kBtxh,
                     Date::Parse("12/05/1948").value(),
                     std::nullopt,
                     {},
                     Period::Parse(paid_through).value(),
                     {}};
  person.entitlements.push_back(EntitlementFacts{
      7'654'321,
      Entitlement{policy, Period::Parse(start).value(), std::nullopt, "123/QĐ-UBND", {}}});
  return person;
}

void Run(benchmark::State& state, const PersonFacts& person, const PaidLedger& paid) {
  const CycleOptions options{kPeriod, 60};
  CycleComputation out;
  for (auto _ : state) {
    out.lines.clear();
    out.receivables.clear();
    Status status = AppendPersonCycle(person, Rates(), paid, {}, options, out);
    if (!status) state.SkipWithError(status.error().message.c_str());
    benchmark::DoNotOptimize(out.lines.data());
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["lines"] = static_cast<double>(out.lines.size());
}

void BM_PayrollTypicalPerson(benchmark::State& state) {
  Run(state, Person("BTXH-5.5a", "2020-01", "2025-02"), {});
}
BENCHMARK(BM_PayrollTypicalPerson);

// The same through the convenience API that returns a fresh result.
void BM_PayrollTypicalPersonFreshResult(benchmark::State& state) {
  const PersonFacts person = Person("BTXH-5.5a", "2020-01", "2025-02");
  const PaidLedger paid;
  const std::vector<OneOffPayment> one_offs;
  const CycleOptions options{kPeriod, 60};
  for (auto _ : state) {
    auto result = ComputePersonCycle(person, Rates(), paid, one_offs, options);
    benchmark::DoNotOptimize(result);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_PayrollTypicalPersonFreshResult);

void BM_PayrollSteadyState24(benchmark::State& state) {
  PersonFacts person = Person("BTXH-5.5a", "2020-01", "2023-02");
  PaidLedger paid;
  for (int i = -24; i < 0; ++i) {
    const Period month = kPeriod.PlusMonths(i).value();
    paid.emplace(PaidKey{7'654'321, month},
                 Rates()
                     .MonthlyAmount(person.entitlements[0].entitlement, person.birth_date, month)
                     .value());
  }
  Run(state, person, paid);
}
BENCHMARK(BM_PayrollSteadyState24);

void BM_PayrollSteadyState24FlatLedger(benchmark::State& state) {
  PersonFacts person = Person("BTXH-5.5a", "2020-01", "2023-02");
  std::vector<PaidEntry> paid;
  for (int i = -24; i < 0; ++i) {
    const Period month = kPeriod.PlusMonths(i).value();
    paid.push_back(
        PaidEntry{7'654'321, month,
                  Rates()
                      .MonthlyAmount(person.entitlements[0].entitlement, person.birth_date, month)
                      .value()});
  }
  const CycleOptions options{kPeriod, 60};
  CycleComputation out;
  for (auto _ : state) {
    out.lines.clear();
    Status status =
        AppendPersonCycle(person, Rates(), std::span<const PaidEntry>(paid), {}, options, out);
    if (!status) state.SkipWithError(status.error().message.c_str());
    benchmark::DoNotOptimize(out.lines.data());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_PayrollSteadyState24FlatLedger);

void BM_PayrollArrears24(benchmark::State& state) {
  Run(state, Person("BTXH-5.5a", "2023-03", "2023-02"), {});
}
BENCHMARK(BM_PayrollArrears24);

// Varied persons: shipped BTXH and NCC policies, ages across the bands, one
// in five with a second entitlement; all paid through last month.
std::vector<PersonFacts> Office(int size) {
  const std::vector<std::pair<const char*, int>> policies = {
      {"BTXH-5.5a", 1950},    {"BTXH-5.5c", 1938}, {"BTXH-5.1", 2016},    {"BTXH-5.6-N", 1980},
      {"BTXH-5.6-DBN", 1990}, {"BTXH-5.4", 1995},  {"NCC-I.3.1-1", 1945}, {"NCC-TB-61", 1950}};
  std::vector<PersonFacts> persons;
  for (int i = 0; i < size; ++i) {
    const auto& [policy, year] = policies[static_cast<std::size_t>(i) % policies.size()];
    PersonFacts person = Person(policy, "2024-07", "2025-02");
    person.beneficiary_id = i + 1;
    person.beneficiary_code = "BTXH-38001-" + std::to_string(1'000'000 + i);
    person.birth_date = Date::FromYmd(year + i % 3, 1 + i % 12, 1 + i % 28).value();
    person.entitlements[0].entitlement_id = 2 * i + 1;
    if (i % 5 == 0) {
      person.entitlements.push_back(EntitlementFacts{
          2 * i + 2,
          Entitlement{"BTXH-5.4", Period::Parse("2024-07").value(), std::nullopt, "QĐ", {}}});
    }
    persons.push_back(std::move(person));
  }
  return persons;
}

void BM_PayrollOfficeBatch(benchmark::State& state) {
  const std::vector<PersonFacts> persons = Office(10'000);
  const PaidLedger paid;
  const CycleOptions options{kPeriod, 60};
  CycleComputation out;
  for (auto _ : state) {
    out.lines.clear();
    for (const PersonFacts& person : persons) {
      Status status = AppendPersonCycle(person, Rates(), paid, {}, options, out);
      if (!status) state.SkipWithError(status.error().message.c_str());
    }
    benchmark::DoNotOptimize(out.lines.data());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(persons.size()));
}
BENCHMARK(BM_PayrollOfficeBatch)->Unit(benchmark::kMillisecond);

void BM_RateTableMonthlyAmount(benchmark::State& state) {
  const Entitlement entitlement{"BTXH-5.5a", kPeriod, std::nullopt, "QĐ", {}};
  const Date birth = Date::Parse("12/05/1948").value();
  for (auto _ : state) benchmark::DoNotOptimize(Rates().MonthlyAmount(entitlement, birth, kPeriod));
}
BENCHMARK(BM_RateTableMonthlyAmount);

}  // namespace
}  // namespace ansinh::core
