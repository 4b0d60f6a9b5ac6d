// `ansinh import beneficiaries FILE`: read a CSV or XLSX register with the
// import parser (formats/beneficiary_import.h), check it against the
// reference data in the store, and write it in ONE transaction.
//
// All-or-nothing by default: one rejected row and nothing is written. With
// `partial` the good rows are written and the rest reported. A dry run checks
// and writes nothing. Re-importing a file updates, never duplicates: a person
// by code, an entitlement by (person, policy code, start month); open
// findings of a re-imported person are replaced, and a person whose snapshot
// did not change gets no new history entry. The status of a person already in
// the register (suspended, terminated) is never changed by an import.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/registry_service.h"
#include "core/error.h"
#include "core/reference_codes.h"
#include "formats/beneficiary_import.h"
#include "store/sql_session.h"

namespace ansinh::app {

struct ImportOptions {
  bool dry_run = false;
  bool partial = false;
  formats::BeneficiaryImportLimits limits;  // rows, bytes, errors kept; set explicitly
  // The map commune codes are read in; empty = the one in force on context.now.
  std::optional<std::string> commune_edition;
  // When set (an upload by a user), a person whose commune in the file, or in
  // the register for a code already there, fails this check is rejected with
  // import.commune_out_of_scope (app/import_scope.h): an upload may only touch
  // its caller's area. Arguments: edition, commune code.
  std::function<Result<bool>(const std::string&, const std::string&)> commune_in_scope;
};

struct ImportReport {
  std::string file_name;
  std::string mode;  // "all_or_nothing" | "partial"
  bool dry_run = false;
  bool committed = false;  // something was written
  std::int64_t data_rows = 0;
  std::int64_t accepted_rows = 0;
  std::int64_t rejected_rows = 0;
  std::int64_t beneficiaries = 0;  // people in the accepted rows
  std::int64_t entitlements = 0;
  std::int64_t findings = 0;       // worklist entries for the accepted people
  std::int64_t history_entries = 0;  // people new or changed by this import
  std::int64_t error_count = 0;
  bool errors_truncated = false;     // more rejected rows than limits.max_reported_rejections
  std::vector<ErrorDetail> errors;   // row, field (column key), code, Vietnamese message
  std::optional<std::int64_t> import_run_id;

  // True when the caller must report failure (exit non-zero): rows were
  // rejected in all-or-nothing mode.
  bool rejected() const { return !committed && !dry_run && rejected_rows > 0; }
};

nlohmann::json ToJson(const ImportReport& report);

// Reads the file (XLSX by the zip magic or a .xlsx extension, else CSV).
// Errors: kNotFound import.file_not_found, kLimitExceeded import.file_too_large,
// the parser's file-level errors (header, csv.*, xlsx.*), and the store's
// (a failure while writing rolls everything back). Row errors are not errors:
// they are in the report.
Result<ImportReport> ImportBeneficiaryFile(store::SqlSession& session,
                                           const core::ReferenceCodes& codes,
                                           const std::filesystem::path& file,
                                           const ImportOptions& options,
                                           const ChangeContext& context);
// The same on bytes already read; `file_name` names them in the report.
Result<ImportReport> ImportBeneficiaryBytes(store::SqlSession& session,
                                            const core::ReferenceCodes& codes,
                                            const std::string& file_name, std::string bytes,
                                            const ImportOptions& options,
                                            const ChangeContext& context);

// Where an import's rows come from: a parse that hands complete people to
// the sink (formats::StreamBeneficiaryCsv and friends), and what the import
// run records about the content (parse may set those two: they are read
// after it returns).
struct ImportSource {
  std::string file_name;
  std::int64_t content_bytes = 0;
  std::string content_hash;
  std::function<Result<formats::BeneficiaryImport>(const formats::ImportCatalog&,
                                                   const formats::ImportedPeopleSink&)>
      parse;
};

// The import behind both functions above, on any row source: people are
// written in chunks as the parse completes them, inside one transaction that
// is committed only when the whole source was read and (unless partial) no
// row was rejected. Same errors and report.
Result<ImportReport> ImportBeneficiarySource(store::SqlSession& session,
                                             const core::ReferenceCodes& codes,
                                             const ImportSource& source,
                                             const ImportOptions& options,
                                             const ChangeContext& context);

// Counts of one write, for the report.
struct ImportWriteCounts {
  std::int64_t entitlements = 0;
  std::int64_t findings = 0;
  std::int64_t history_entries = 0;
};

// The write of the accepted people, inside the caller's transaction
// (import_service_write.cc). People whose id comes out above
// `existing_max_id` (the largest id before the import) are new: nothing
// stored to clear or compare. REQUIRES: a transaction is open on `session`;
// no person appears in two calls of one import.
Result<ImportWriteCounts> WriteImportedBeneficiaries(
    store::SqlSession& session, const core::ReferenceCodes& codes,
    const std::vector<formats::ImportedBeneficiary>& people, const std::string& commune_edition,
    std::int64_t existing_max_id, const ChangeContext& context);

}  // namespace ansinh::app
