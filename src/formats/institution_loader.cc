// Banks and mobile-money providers behind NAPAS BINs, from two VietQR lists.
//
// The VietQR API snapshot is the newer list and carries the official VietQR
// codes, so its code and names win; the vietnam-qr-pay list adds SWIFT codes and
// institutions the snapshot lacks. That list repeats a BIN for a renamed bank
// with `deprecated=true`; the current row wins. Rows without a BIN cannot be
// paid through NAPAS and are dropped.
#include <map>
#include <set>
#include <utility>

#include "formats/csv_fields.h"
#include "formats/reference_data.h"

namespace ansinh::formats {
namespace {

// The VietQR lists name these BINs as e-wallets / Mobile Money services rather
// than banks; nothing in the files' columns says so, hence the explicit list.
const std::set<std::string> kMobileMoneyBins = {"971005", "971011", "971025"};

constexpr std::size_t kMaxInstitutionRows = 1'000;

core::PaymentInstitution MakeInstitution(std::string bin, std::string code, std::string short_name,
                                         std::string full_name) {
  const auto kind = kMobileMoneyBins.count(bin) > 0 ? core::PaymentInstitutionKind::kMobileMoney
                                                   : core::PaymentInstitutionKind::kBank;
  for (char& c : code) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return core::PaymentInstitution{std::move(bin), std::move(code), std::move(short_name),
                                  std::move(full_name), kind};
}

Result<CsvTable> ReadSmallTable(const std::filesystem::path& csv) {
  CsvLimits limits;
  limits.max_rows = kMaxInstitutionRows;
  return ReadCsvTable(csv, limits);
}

Status MergeNapas(const std::filesystem::path& napas_csv,
                  std::map<std::string, InstitutionRecord>& by_bin) {
  auto table = ReadSmallTable(napas_csv);
  if (!table) return Fail(std::move(table.error()));
  auto cols = CsvColumns::Require(*table, napas_csv.filename().string(),
                                  {"bin", "vietnam_qr_pay_code", "short_name", "full_name",
                                   "swift_code", "deprecated"});
  if (!cols) return Fail(std::move(cols.error()));
  for (const auto& row : table->rows) {
    if (CollapseSpaces(cols->Text(row, 0)).empty()) continue;
    auto bin = cols->Digits(row, 0, 6);
    if (!bin) return Fail(std::move(bin.error()));
    std::string swift = CollapseSpaces(cols->Text(row, 4));
    if (swift == "null") swift.clear();
    const bool deprecated = CollapseSpaces(cols->Text(row, 5)) == "true";
    auto [it, inserted] = by_bin.try_emplace(*bin);
    if (inserted) {
      it->second.institution = MakeInstitution(*bin, CollapseSpaces(cols->Text(row, 1)),
                                               CollapseSpaces(cols->Text(row, 2)),
                                               CollapseSpaces(cols->Text(row, 3)));
    }
    if (!deprecated && !swift.empty()) it->second.swift_code = swift;
    if (inserted && deprecated) it->second.swift_code = swift;
  }
  return {};
}

Status MergeVietQrApi(const std::filesystem::path& api_csv,
                      std::map<std::string, InstitutionRecord>& by_bin) {
  auto table = ReadSmallTable(api_csv);
  if (!table) return Fail(std::move(table.error()));
  auto cols = CsvColumns::Require(*table, api_csv.filename().string(),
                                  {"bin", "vietqr_code", "short_name", "full_name"});
  if (!cols) return Fail(std::move(cols.error()));
  for (const auto& row : table->rows) {
    if (CollapseSpaces(cols->Text(row, 0)).empty()) continue;
    auto bin = cols->Digits(row, 0, 6);
    if (!bin) return Fail(std::move(bin.error()));
    by_bin[*bin].institution = MakeInstitution(*bin, CollapseSpaces(cols->Text(row, 1)),
                                               CollapseSpaces(cols->Text(row, 2)),
                                               CollapseSpaces(cols->Text(row, 3)));
  }
  return {};
}

}  // namespace

Result<std::vector<InstitutionRecord>> LoadInstitutions(const std::filesystem::path& vietqr_api_csv,
                                                        const std::filesystem::path& napas_csv) {
  std::map<std::string, InstitutionRecord> by_bin;
  if (auto ok = MergeNapas(napas_csv, by_bin); !ok) return Fail(std::move(ok.error()));
  if (auto ok = MergeVietQrApi(vietqr_api_csv, by_bin); !ok) return Fail(std::move(ok.error()));
  std::vector<InstitutionRecord> out;
  for (auto& [bin, record] : by_bin) out.push_back(std::move(record));
  return out;
}

}  // namespace ansinh::formats
