// Plain records read from the reference files shipped in data/ (see
// data/README.md), and the loaders that read them. Loaders are pure apart from
// reading files: they validate every field and name the file, row and column
// of the first problem; they never touch a database.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/reference_codes.h"

namespace ansinh::formats {

// The administrative map before the reform (3 levels, valid to 2025-06-30) and
// after it (2 levels, valid from 2025-07-01). Codes repeat across editions.
enum class AdminEdition { kPre2025, k2025 };
enum class AdminLevel { kProvince, kDistrict, kCommune };

const char* AdminEditionName(AdminEdition edition);  // "pre2025" | "2025"
const char* AdminLevelName(AdminLevel level);        // "province" | "district" | "commune"

inline constexpr const char* kPre2025ValidTo = "2025-06-30";
inline constexpr const char* k2025ValidFrom = "2025-07-01";

struct AdminUnitRecord {
  AdminEdition edition = AdminEdition::kPre2025;
  AdminLevel level = AdminLevel::kProvince;
  std::string code;           // 2 digits (province), 3 (district), 5 (commune)
  std::string name;           // full name, e.g. "Phường Phúc Xá"
  std::string division_type;  // lower case: "tỉnh", "quận", "xã", "đặc khu", ...
  std::string parent_code;    // empty for provinces; same edition, level above
  std::optional<std::string> valid_from;  // ISO date; unknown for the old map
  std::optional<std::string> valid_to;
};

struct AdminUnitSet {
  std::vector<AdminUnitRecord> units;  // parents before children
  // Rows of the GSO list that name a district without any commune (island
  // districts such as Bạch Long Vĩ): they add a district, not a commune.
  long districts_without_communes = 0;
};

// How much of the old unit went into the new one, from the conversion note.
enum class TransferKind { kWhole, kPartial, kUnspecified };
const char* TransferKindName(TransferKind kind);  // "whole" | "partial" | "unspecified"

// Old unit (pre-2025 edition) → new unit (2025 edition) at one level.
struct SuccessorLinkRecord {
  AdminLevel level = AdminLevel::kCommune;
  std::string old_code;
  std::string new_code;
  TransferKind transfer = TransferKind::kUnspecified;
  std::string note;  // the source's "Ghi chú", whitespace collapsed
};

// A conversion row that could not become a link, and why.
struct UnlinkedConversionRow {
  long row = 0;              // spreadsheet row in the conversion file
  std::string reason;        // "no_old_code" | "old_code_unknown" | "new_code_unknown"
  std::string old_code;
  std::string new_code;
};

struct ConversionSet {
  std::vector<SuccessorLinkRecord> links;  // commune links, then province links
  std::vector<UnlinkedConversionRow> unlinked;
  long province_heading_rows = 0;
  // Rows whose "Tỉnh cũ" label disagrees with the old commune's real province;
  // linked anyway because the commune code, not the label, identifies the unit.
  long province_label_slips = 0;
};

struct InstitutionRecord {
  core::PaymentInstitution institution;
  std::string swift_code;  // empty when unknown
};

struct StandardLevelRecord {
  std::string kind;  // "BTXH_STANDARD" | "NCC_STANDARD"
  std::int64_t amount_vnd = 0;
  std::string effective_from;
  std::string legal_basis;
  std::string verification;
};

struct PolicyRateRecord {
  std::string policy_code;
  std::string group;  // "BTXH" | "NCC"
  std::string name_vi;
  std::string basis;  // "COEFFICIENT" | "FIXED"
  int age_from_years = 0;  // empty in the file = 0
  std::optional<int> age_to_years;  // exclusive; empty = open
  std::optional<std::string> coefficient;  // exact decimal text, e.g. "2.5"
  std::optional<std::int64_t> amount_vnd;
  std::string effective_from;
  std::optional<std::string> effective_to;
  std::string legal_basis;
};

struct CitizenIdProvinceRecord {
  std::string cccd_code;  // "001"
  std::string gso_province_code;  // "01"
  std::string province_name;
};

struct MobilePrefixRecord {
  std::string prefix;
  std::string carrier;
  std::string converted_from;  // old 11-digit prefix, may be empty
  std::string verification;
};

// Everything `ansinh init` loads.
struct ReferenceData {
  AdminUnitSet pre2025;
  AdminUnitSet post2025;
  ConversionSet conversion;
  std::vector<InstitutionRecord> institutions;
  std::vector<StandardLevelRecord> standard_levels;
  std::vector<PolicyRateRecord> policy_rates;
  std::vector<CitizenIdProvinceRecord> citizen_id_provinces;
  std::vector<MobilePrefixRecord> mobile_prefixes;
};

Result<AdminUnitSet> LoadPre2025AdminUnits(const std::filesystem::path& gso_csv);
Result<AdminUnitSet> Load2025AdminUnits(const std::filesystem::path& nested_json);
// Links communes by code (the file's labels are not trusted) and provinces from
// the province mapping; both editions must already be loaded.
Result<ConversionSet> LoadConversion(const std::filesystem::path& commune_csv,
                                     const std::filesystem::path& province_csv,
                                     const AdminUnitSet& pre2025, const AdminUnitSet& post2025);
// Merges the two VietQR lists by BIN; rows without a BIN are dropped.
Result<std::vector<InstitutionRecord>> LoadInstitutions(const std::filesystem::path& vietqr_api_csv,
                                                        const std::filesystem::path& napas_csv);
Result<std::vector<StandardLevelRecord>> LoadStandardLevels(const std::filesystem::path& csv);
Result<std::vector<PolicyRateRecord>> LoadPolicyRates(const std::filesystem::path& csv);
Result<std::vector<CitizenIdProvinceRecord>> LoadCitizenIdProvinces(
    const std::filesystem::path& csv);
Result<std::vector<MobilePrefixRecord>> LoadMobilePrefixes(const std::filesystem::path& csv);

// All of the above from the standard file names in data_dir.
Result<ReferenceData> LoadReferenceData(const std::filesystem::path& data_dir);

// The code lists the core validators need, straight from the files.
Result<core::ReferenceCodes> LoadReferenceCodes(const std::filesystem::path& data_dir);
core::ReferenceCodes MakeReferenceCodes(const std::vector<CitizenIdProvinceRecord>& provinces,
                                        const std::vector<MobilePrefixRecord>& prefixes,
                                        const std::vector<InstitutionRecord>& institutions);

}  // namespace ansinh::formats
