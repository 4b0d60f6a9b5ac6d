// `ansinh init --demo PROVINCE`: the demo province generated (demo_generator.h)
// and imported through the beneficiary import use case (import_service.h),
// exactly the path a commune's file takes. Idempotent like any re-import: the
// same seed and size update the same people and add nobody.
#pragma once

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "app/demo_generator.h"
#include "app/import_service.h"
#include "app/registry_service.h"
#include "core/error.h"
#include "store/database.h"

namespace ansinh::app {

struct DemoImportRequest {
  // Rows stream from the generator into the import and people go to the
  // database in chunks, so memory does not grow with the size; the cap is the
  // benchmark size of the issue, well inside the generator's own limit.
  static constexpr std::int64_t kMaxSize = 5'000'000;
  std::string province_code = "38";
  std::int64_t size = 20'000;  // beneficiaries, 1..kMaxSize
  std::uint64_t seed = 1;
};

struct DemoImportSummary {
  std::string period;        // the current period: the month of context.now
  std::string paid_through;  // the month before
  DemoStats demo;
  ImportReport import;
};

nlohmann::json ToJson(const DemoImportSummary& summary);

// Generates the demo for the month of context.now (UTC), everyone paid through
// the month before, in the pre-2025 commune map the generator draws from, and
// imports it in one all-or-nothing transaction: the generated rows go straight
// into the import parser (no CSV text in between), a person sealed as soon as
// the next row names someone else (the generator keeps a person's rows
// adjacent). The import run records the size and FNV-1a hash of the cells. REQUIRES: the database was
// initialised (InitDatabase). Errors: kInvalidInput demo.size_out_of_range;
// those of LoadDemoInputs, GenerateDemoRows and ImportBeneficiarySource;
// kInternal demo.import_rejected if the import refused a generated row (a
// generator bug: the report's errors are in the details).
Result<DemoImportSummary> ImportDemoProvince(store::Database& database,
                                             const DemoImportRequest& request,
                                             const ChangeContext& context);

}  // namespace ansinh::app
