// `ansinh init`: bring a database to the current schema and load the shipped
// reference data (data/README.md) into it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "core/reference_codes.h"
#include "store/database.h"

namespace ansinh::app {

// Row counts as they stand in the database after init (not what this run added).
struct InitSummary {
  std::string dialect;
  int schema_version = 0;
  int migrations_applied = 0;
  std::int64_t provinces_pre2025 = 0;
  std::int64_t districts_pre2025 = 0;
  std::int64_t communes_pre2025 = 0;
  std::int64_t provinces_2025 = 0;
  std::int64_t communes_2025 = 0;
  std::int64_t province_successor_links = 0;
  std::int64_t commune_successor_links = 0;
  std::int64_t banks = 0;
  std::int64_t mobile_money_providers = 0;
  std::int64_t standard_levels = 0;
  std::int64_t policy_rates = 0;
  std::int64_t citizen_id_provinces = 0;
  std::int64_t mobile_prefixes = 0;
  std::int64_t rows_inserted = 0;  // by this run; 0 on a repeated init
  // From the conversion file, this run: rows that could not become a link.
  std::int64_t unlinked_conversion_rows = 0;
  std::int64_t conversion_province_label_slips = 0;
  // The one-time password of the first administrator, only on the run that
  // created it (printed once in the summary, never stored in clear).
  std::optional<std::string> admin_password;
};

nlohmann::json ToJson(const InitSummary& summary);

// The default data directory: the compile definition ANSINH_DATA_DIR.
std::string DefaultDataDir();

// Applies pending migrations, then loads all reference data in one transaction,
// which also creates the first administrator when there is no user yet.
// Idempotent: a second run inserts nothing and succeeds. Errors: those of
// ApplyMigrations, of the loaders (kInvalidInput naming file, row and column),
// and of the store.
Result<InitSummary> InitDatabase(store::Database& database, const std::string& data_dir);

// The code lists the core validators need, read from an initialised database.
Result<core::ReferenceCodes> LoadReferenceCodesFromDatabase(store::Database& database);

}  // namespace ansinh::app
