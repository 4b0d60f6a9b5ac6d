// CCCD province codes, mobile prefixes, and the entry points that read every
// shipped reference file from one data directory.
#include <utility>

#include "formats/csv_fields.h"
#include "formats/reference_data.h"

namespace ansinh::formats {
namespace {

constexpr std::size_t kMaxCodeRows = 1'000;

Result<CsvTable> ReadCodeTable(const std::filesystem::path& csv) {
  CsvLimits limits;
  limits.max_rows = kMaxCodeRows;
  return ReadCsvTable(csv, limits);
}

Status LoadEditions(const std::filesystem::path& dir, ReferenceData& data) {
  auto pre2025 = LoadPre2025AdminUnits(dir / "gso_xa_2025-01-04_pre2025.csv");
  if (!pre2025) return Fail(std::move(pre2025.error()));
  auto post2025 = Load2025AdminUnits(dir / "nso_2025_nested_divisions.json");
  if (!post2025) return Fail(std::move(post2025.error()));
  auto conversion = LoadConversion(dir / "nso_conversion_2025_old_to_new.csv",
                                   dir / "province_mapping_pre2025_to_2025.csv", *pre2025,
                                   *post2025);
  if (!conversion) return Fail(std::move(conversion.error()));
  data.pre2025 = std::move(*pre2025);
  data.post2025 = std::move(*post2025);
  data.conversion = std::move(*conversion);
  return {};
}

Status LoadRatesAndCodes(const std::filesystem::path& dir, ReferenceData& data) {
  auto institutions = LoadInstitutions(dir / "vietqr_api_banks_2026-10-02.csv",
                                       dir / "vietqr_banks_napas_bin.csv");
  if (!institutions) return Fail(std::move(institutions.error()));
  auto levels = LoadStandardLevels(dir / "standard_levels.csv");
  if (!levels) return Fail(std::move(levels.error()));
  auto rates = LoadPolicyRates(dir / "policy_rates.csv");
  if (!rates) return Fail(std::move(rates.error()));
  auto provinces = LoadCitizenIdProvinces(dir / "cccd_province_codes.csv");
  if (!provinces) return Fail(std::move(provinces.error()));
  auto prefixes = LoadMobilePrefixes(dir / "vn_mobile_prefixes.csv");
  if (!prefixes) return Fail(std::move(prefixes.error()));
  data.institutions = std::move(*institutions);
  data.standard_levels = std::move(*levels);
  data.policy_rates = std::move(*rates);
  data.citizen_id_provinces = std::move(*provinces);
  data.mobile_prefixes = std::move(*prefixes);
  return {};
}

}  // namespace

Result<std::vector<CitizenIdProvinceRecord>> LoadCitizenIdProvinces(
    const std::filesystem::path& csv) {
  auto table = ReadCodeTable(csv);
  if (!table) return Fail(std::move(table.error()));
  auto cols = CsvColumns::Require(*table, csv.filename().string(),
                                  {"cccd_code", "gso_province_code", "province_name_gso_2025-01"});
  if (!cols) return Fail(std::move(cols.error()));
  std::vector<CitizenIdProvinceRecord> out;
  for (const auto& row : table->rows) {
    auto cccd = cols->Digits(row, 0, 3);
    if (!cccd) return Fail(std::move(cccd.error()));
    auto gso = cols->Digits(row, 1, 2);
    if (!gso) return Fail(std::move(gso.error()));
    out.push_back(CitizenIdProvinceRecord{*cccd, *gso, CollapseSpaces(cols->Text(row, 2))});
  }
  return out;
}

Result<std::vector<MobilePrefixRecord>> LoadMobilePrefixes(const std::filesystem::path& csv) {
  auto table = ReadCodeTable(csv);
  if (!table) return Fail(std::move(table.error()));
  auto cols = CsvColumns::Require(*table, csv.filename().string(),
                                  {"prefix_10digit", "carrier", "converted_from_11digit_prefix",
                                   "verification"});
  if (!cols) return Fail(std::move(cols.error()));
  std::vector<MobilePrefixRecord> out;
  for (const auto& row : table->rows) {
    auto prefix = cols->Digits(row, 0, 3);
    if (!prefix) return Fail(std::move(prefix.error()));
    out.push_back(MobilePrefixRecord{*prefix, CollapseSpaces(cols->Text(row, 1)),
                                     CollapseSpaces(cols->Text(row, 2)),
                                     CollapseSpaces(cols->Text(row, 3))});
  }
  return out;
}

Result<ReferenceData> LoadReferenceData(const std::filesystem::path& data_dir) {
  ReferenceData data;
  if (auto ok = LoadEditions(data_dir, data); !ok) return Fail(std::move(ok.error()));
  if (auto ok = LoadRatesAndCodes(data_dir, data); !ok) return Fail(std::move(ok.error()));
  return data;
}

core::ReferenceCodes MakeReferenceCodes(const std::vector<CitizenIdProvinceRecord>& provinces,
                                        const std::vector<MobilePrefixRecord>& prefixes,
                                        const std::vector<InstitutionRecord>& institutions) {
  core::ReferenceCodes codes;
  for (const auto& province : provinces) codes.citizen_id_province_codes.insert(province.cccd_code);
  for (const auto& prefix : prefixes) {
    codes.mobile_prefixes[prefix.prefix] = core::MobilePrefix{prefix.prefix, prefix.carrier};
  }
  for (const auto& record : institutions) {
    codes.institutions[record.institution.bin] = record.institution;
  }
  return codes;
}

Result<core::ReferenceCodes> LoadReferenceCodes(const std::filesystem::path& data_dir) {
  ReferenceData data;
  if (auto ok = LoadRatesAndCodes(data_dir, data); !ok) return Fail(std::move(ok.error()));
  return MakeReferenceCodes(data.citizen_id_provinces, data.mobile_prefixes, data.institutions);
}

}  // namespace ansinh::formats
