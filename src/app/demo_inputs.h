// Where the demo generator's inputs come from: the shipped reference files
// (`ansinh demo-file`, no database needed) or an initialised database
// (`ansinh init --demo`). Both give the same DemoInputs, communes in code
// order, so the same seed makes the same file either way.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "app/demo_generator.h"
#include "core/error.h"
#include "formats/reference_data.h"
#include "store/database.h"

namespace ansinh::app {

// Pure: sets province_name and communes (with their districts' names) of
// inputs.province_code from the pre-2025 edition's units. Errors: kNotFound
// demo.province_unknown; kInvalidInput demo.no_communes.
Status FillDemoProvince(const std::vector<formats::AdminUnitRecord>& pre2025_units,
                        DemoInputs& inputs);

// Reads gso_xa_2025-01-04_pre2025.csv, policy_rates.csv and the code lists
// from data_dir. Errors: the loaders' (reference_data.h), FillDemoProvince's.
Result<DemoInputs> LoadDemoInputs(const std::filesystem::path& data_dir,
                                  const std::string& province_code);

// The same from a database that `ansinh init` has filled. Errors: the
// stores', FillDemoProvince's.
Result<DemoInputs> LoadDemoInputs(store::Database& database, const std::string& province_code);

}  // namespace ansinh::app
