// Beneficiary import throughput without the database: parse + validate rows
// of the demo province (app/demo_generator.h, the one generator the demo
// database, `ansinh demo-file` and bench/import_bench.sh use), with and
// without the CSV reader. The import target is 1,000,000 rows at >= 200,000
// rows/s including the SQLite write (bench/import_bench.sh), so parse +
// validate must stay well under 5 µs a row.
#include <benchmark/benchmark.h>

#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "app/demo_generator.h"
#include "app/demo_inputs.h"
#include "formats/beneficiary_import.h"

namespace ansinh::formats {
namespace {

constexpr std::int64_t kPeople = 100'000;

const app::DemoInputs& Inputs() {
  static const app::DemoInputs inputs = [] {
    auto loaded = app::LoadDemoInputs(ANSINH_REFERENCE_DATA_DIR, "38");
    if (!loaded) throw std::runtime_error(loaded.error().message);
    return std::move(*loaded);
  }();
  return inputs;
}

app::DemoOptions Options() {
  return app::DemoOptions{kPeople, 1, *core::Period::FromYearMonth(2025, 3)};
}

// What the import service would load from an initialised database.
const ImportCatalog& BenchCatalog() {
  static const ImportCatalog catalog = [] {
    ImportCatalog built;
    built.codes = Inputs().codes;
    for (const auto& commune : Inputs().communes) built.communes.insert(commune.code);
    for (const auto& rate : Inputs().policy_rates) {
      built.policies[rate.policy_code] = {
          rate.group == "NCC" ? core::BeneficiaryGroup::kNcc : core::BeneficiaryGroup::kBtxh,
          rate.basis == "FIXED" ? PolicyBasis::kFixed : PolicyBasis::kCoefficient};
    }
    return built;
  }();
  return catalog;
}

const std::vector<std::vector<std::string>>& SampleRows() {
  static const std::vector<std::vector<std::string>> rows = [] {
    std::vector<std::vector<std::string>> built;
    auto stats = app::GenerateDemoRows(Inputs(), Options(), [&](std::span<const std::string> cells) {
      built.emplace_back(cells.begin(), cells.end());
      return Status{};
    });
    if (!stats) throw std::runtime_error(stats.error().message);
    return built;
  }();
  return rows;
}

const std::string& SampleCsv() {
  static const std::string csv = [] {
    std::ostringstream out;
    if (!app::WriteDemoCsv(Inputs(), Options(), out)) throw std::runtime_error("demo csv");
    return std::move(out).str();
  }();
  return csv;
}

void BM_ImportParseValidate(benchmark::State& state) {
  const auto& rows = SampleRows();
  const auto header = app::DemoHeader();
  for (auto _ : state) {
    BeneficiaryImportParser parser(BenchCatalog());
    if (!parser.SetHeader(1, header)) throw std::runtime_error("header");
    for (std::size_t i = 0; i < rows.size(); ++i) {
      if (!parser.AddRow(static_cast<long>(i) + 2, rows[i])) throw std::runtime_error("row");
    }
    BeneficiaryImport result = std::move(parser).Finish();
    if (result.rejected_rows != 0) throw std::runtime_error(result.rejected[0].errors[0].message);
    benchmark::DoNotOptimize(result);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(rows.size()));
}
BENCHMARK(BM_ImportParseValidate)->Unit(benchmark::kMillisecond);

void BM_ImportCsvEndToEnd(benchmark::State& state) {
  std::int64_t rows = 0;
  for (auto _ : state) {
    Result<BeneficiaryImport> result = ParseBeneficiaryCsv(SampleCsv(), BenchCatalog());
    if (!result) throw std::runtime_error(result.error().message);
    rows = result->data_rows;
    benchmark::DoNotOptimize(result);
  }
  state.SetItemsProcessed(state.iterations() * rows);
}
BENCHMARK(BM_ImportCsvEndToEnd)->Unit(benchmark::kMillisecond);

// The streaming form the import service uses: people leave in chunks of
// 4096 once their last row is read, so memory stays flat.
void BM_ImportCsvStreamed(benchmark::State& state) {
  std::int64_t rows = 0;
  for (auto _ : state) {
    std::int64_t people = 0;
    Result<BeneficiaryImport> result = StreamBeneficiaryCsv(
        SampleCsv(), BenchCatalog(), {}, 4096,
        [&people](std::vector<ImportedBeneficiary>& chunk, long) -> Status {
          people += static_cast<std::int64_t>(chunk.size());
          return {};
        });
    if (!result) throw std::runtime_error(result.error().message);
    rows = result->data_rows;
    benchmark::DoNotOptimize(people);
  }
  state.SetItemsProcessed(state.iterations() * rows);
}
BENCHMARK(BM_ImportCsvStreamed)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace ansinh::formats
