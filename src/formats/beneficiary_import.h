// The beneficiary import (DESIGN.md §4): a CSV or XLSX sheet, one row per
// entitlement, read into beneficiaries grouped by ma_doi_tuong. Pure: no
// database; what the parser cannot know (communes, policies, code lists) comes
// in an ImportCatalog the caller fills.
//
// Two severities (registration_rules.h). A row with any *error* is rejected
// with every error found on it: required cell missing, malformed date, month,
// amount or code, unknown commune or policy, a policy of the other group, so_tien
// missing for a FIXED policy or given for a COEFFICIENT one, TAI_NHA for a
// person not flagged truong_hop_dac_biet = C, a representative missing when
// nguoi_nhan is not BAN_THAN, a person field that disagrees with an earlier row
// of the same ma_doi_tuong, an entitlement overlapping an earlier one. A
// *finding* keeps the person and goes to the commune's worklist: citizen ID
// missing, malformed, 9-digit or inconsistent; phone malformed; BIN unknown or
// account malformed (the payment method is then kept but invalid).
//
// Extensions to DESIGN.md §4 (optional columns): thang_ket_thuc (mm/yyyy, last
// month of the entitlement) and so_quyet_dinh (decision number). Flags are
// C/K (also Có/Không, X, 1/0); an empty flag is K. Blank rows are skipped.
// Import has no consent column: imported methods carry consent = false.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/beneficiary.h"
#include "core/error.h"
#include "core/reference_codes.h"
#include "formats/xlsx_reader.h"

namespace ansinh::formats {

enum class PolicyBasis { kCoefficient, kFixed };

struct ImportPolicy {
  core::BeneficiaryGroup group = core::BeneficiaryGroup::kBtxh;
  PolicyBasis basis = PolicyBasis::kCoefficient;
};

// What the parser looks codes up in. The caller picks the commune edition in
// force on the import date.
struct ImportCatalog {
  core::ReferenceCodes codes;
  std::unordered_set<std::string> communes;                // 5-digit GSO codes
  std::unordered_map<std::string, ImportPolicy> policies;  // by policy_code
};

struct BeneficiaryImportLimits {
  std::size_t max_data_rows = 1'000'000;              // rows after the header, blank ones included
  std::size_t max_file_bytes = 256u * 1024u * 1024u;  // CSV; XLSX uses xlsx.max_file_bytes
  std::size_t max_reported_rejections = 1'000;        // rejected rows kept in detail; all counted
  std::size_t max_errors_per_row = 32;
  XlsxLimits xlsx;  // the XLSX reader's own limits; max_rows is raised to max_data_rows + 1
};

struct ImportedEntitlement {
  long row = 0;
  core::Entitlement entitlement;
};

// One person, from one or several rows.
struct ImportedBeneficiary {
  core::Beneficiary person;
  core::PaymentMethod payment_method;  // effective_from = the earliest thang_bat_dau
  std::optional<core::Representative> representative;
  bool payment_method_valid = true;               // false when a finding makes it unusable
  std::vector<ImportedEntitlement> entitlements;  // file order
  // The worklist: every finding on the person (row = the person's first row).
  std::vector<ErrorDetail> findings;
};

struct RejectedRow {
  long row = 0;
  std::vector<ErrorDetail> errors;  // all of them, up to max_errors_per_row
};

struct BeneficiaryImport {
  std::vector<ImportedBeneficiary> beneficiaries;  // order of first appearance
  std::vector<RejectedRow> rejected;               // the first max_reported_rejections, file order
  long data_rows = 0;                              // non-blank rows after the header
  long accepted_rows = 0;
  long rejected_rows = 0;  // counted past the report limit
  long error_count = 0;
  long finding_count = 0;

  bool rejections_truncated() const { return rejected_rows > static_cast<long>(rejected.size()); }
};

// The parser behind both file formats: feed the header, then each row, then
// Finish. Any row source (CSV, XLSX, a test) can drive it. Not thread-safe.
class BeneficiaryImportParser {
 public:
  // REQUIRES: catalog outlives the parser.
  explicit BeneficiaryImportParser(const ImportCatalog& catalog,
                                   const BeneficiaryImportLimits& limits = {});
  BeneficiaryImportParser(BeneficiaryImportParser&&) noexcept;
  BeneficiaryImportParser& operator=(BeneficiaryImportParser&&) noexcept;
  ~BeneficiaryImportParser();

  // The first row of the sheet. Errors: kInvalidInput import.header_invalid
  // with one detail per problem: import.unknown_column, import.duplicate_column,
  // import.missing_column; import.header_twice when called again.
  Status SetHeader(long row_number, std::span<const std::string> cells);

  // One data row (cells in header order, missing trailing cells read as empty).
  // Row problems go into the result; the only errors are kLimitExceeded
  // import.too_many_rows and kInvalidInput import.no_header.
  Status AddRow(long row_number, std::span<const std::string> cells);

  // The caller read ahead and promises that no later row carries this
  // ma_doi_tuong: the person is complete and may leave with TakeSealed. Text
  // that is not a code, or a code nobody pending has, is ignored.
  void Seal(std::string_view code_text);
  // Moves the sealed people at the front of the queue (order of first
  // appearance is kept: one unsealed person holds back those behind it) to
  // the end of `into`.
  void TakeSealed(std::vector<ImportedBeneficiary>& into);
  long rejected_rows() const;

  // The result; beneficiaries holds everyone not taken. The parser is spent.
  BeneficiaryImport Finish() &&;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Receives complete people in chunks, in order of first appearance, with the
// rows rejected so far. A failing status stops the import and is returned.
using ImportedPeopleSink =
    std::function<Status(std::vector<ImportedBeneficiary>& people, long rejected_rows_so_far)>;

// A parser whose complete people leave for `sink` in chunks of chunk_people,
// so that a large file never sits in memory as parsed people. A person is
// complete when sealed (BeneficiaryImportParser::Seal) or at Finish.
class BeneficiaryImportStream {
 public:
  // REQUIRES: catalog and sink outlive the stream; chunk_people > 0.
  BeneficiaryImportStream(const ImportCatalog& catalog, const BeneficiaryImportLimits& limits,
                          std::size_t chunk_people, ImportedPeopleSink sink);

  Status SetHeader(long row_number, std::span<const std::string> cells) {
    return parser_.SetHeader(row_number, cells);
  }
  // AddRow of the parser, then the full chunks of sealed people to the sink.
  Status AddRow(long row_number, std::span<const std::string> cells);
  void Seal(std::string_view code_text) { parser_.Seal(code_text); }
  // Everyone left goes to the sink; the result's beneficiaries is empty.
  Result<BeneficiaryImport> Finish() &&;

 private:
  Status Flush(std::size_t at_least);

  BeneficiaryImportParser parser_;
  std::size_t chunk_people_;
  ImportedPeopleSink sink_;
  std::vector<ImportedBeneficiary> ready_;
};

// The streaming forms of the parsers below: people go to `sink` as soon as
// their last row is read. A CSV is scanned once ahead for the last row of
// each ma_doi_tuong; an XLSX sends everyone at the end. Same errors.
// REQUIRES: `bytes` outlives the call.
Result<BeneficiaryImport> StreamBeneficiaryCsv(std::string_view bytes, const ImportCatalog& catalog,
                                               const BeneficiaryImportLimits& limits,
                                               std::size_t chunk_people,
                                               const ImportedPeopleSink& sink);
Result<BeneficiaryImport> StreamBeneficiaryXlsx(std::string bytes, const ImportCatalog& catalog,
                                                const BeneficiaryImportLimits& limits,
                                                std::size_t chunk_people,
                                                const ImportedPeopleSink& sink);

// CSV (UTF-8, optional BOM, comma or semicolon). Errors: the CSV reader's
// (csv.*, with row and column), import.header_invalid, import.too_many_rows,
// kLimitExceeded csv.file_too_large past limits.max_file_bytes.
Result<BeneficiaryImport> ParseBeneficiaryCsv(std::string bytes, const ImportCatalog& catalog,
                                              const BeneficiaryImportLimits& limits = {});
Result<BeneficiaryImport> ParseBeneficiaryCsvFile(const std::filesystem::path& path,
                                                  const ImportCatalog& catalog,
                                                  const BeneficiaryImportLimits& limits = {});

// The first sheet of an .xlsx. Errors: the XLSX reader's (xlsx.*),
// import.header_invalid, import.too_many_rows, import.empty (no header row).
Result<BeneficiaryImport> ParseBeneficiaryXlsx(std::string bytes, const ImportCatalog& catalog,
                                               const BeneficiaryImportLimits& limits = {});
Result<BeneficiaryImport> ParseBeneficiaryXlsxFile(const std::filesystem::path& path,
                                                   const ImportCatalog& catalog,
                                                   const BeneficiaryImportLimits& limits = {});

}  // namespace ansinh::formats
