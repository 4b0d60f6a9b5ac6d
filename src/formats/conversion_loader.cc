// Successor links from the old map to the new one.
//
// The NSO conversion table has two header rows, a heading row per new province
// ("THÀNH PHỐ HÀ NỘI"), line breaks inside some names, spelling variants in the
// note column and a few labelling slips (an old province labelled "(44)" for
// Quảng Trị 45; Tân An rows labelled Tiền Giang). Codes are the identity of a
// unit, so links are made by code alone, each code is checked against the
// edition it belongs to, and every row that cannot become a link is counted
// with its reason instead of being guessed at or dropped silently.
#include <map>
#include <set>
#include <utility>

#include "formats/csv_fields.h"
#include "formats/reference_data.h"

namespace ansinh::formats {
namespace {

constexpr std::size_t kMaxConversionRows = 20'000;
enum ConversionColumn { kNewProv, kNewName, kNewCode, kOldName, kOldCode, kNote, kOldDist, kOldProv, kCount };

const std::vector<std::string> kExpectedHeader = {
    "Tỉnh, thành phố", "Tên Xã mới", "Mã Xã mới", "Tên Xã cũ",
    "Mã Xã cũ",        "Ghi chú",    "Quận/huyện", "Tỉnh cũ"};

// Old commune code → old province code, via the district.
std::map<std::string, std::string> OldCommuneProvinces(const AdminUnitSet& pre2025) {
  std::map<std::string, std::string> district_province;
  std::map<std::string, std::string> result;
  for (const auto& unit : pre2025.units) {
    if (unit.level == AdminLevel::kDistrict) district_province[unit.code] = unit.parent_code;
    if (unit.level == AdminLevel::kCommune) result[unit.code] = district_province[unit.parent_code];
  }
  return result;
}

std::set<std::string> Codes(const AdminUnitSet& set, AdminLevel level) {
  std::set<std::string> codes;
  for (const auto& unit : set.units) {
    if (unit.level == level) codes.insert(unit.code);
  }
  return codes;
}

// "Nhập một phần diện tích, toàn bộ dân số" is partial: part of the old area
// went elsewhere. Keeping, renaming or re-typing a unit moves all of it.
TransferKind ClassifyNote(std::string_view note) {
  if (note.empty()) return TransferKind::kUnspecified;
  if (note.find("một phần") != std::string_view::npos) return TransferKind::kPartial;
  if (note.find("toàn bộ") != std::string_view::npos || note.starts_with("Giữ nguyên") ||
      note.starts_with("Đổi tên") || note.starts_with("Đổi loại hình")) {
    return TransferKind::kWhole;
  }
  return TransferKind::kUnspecified;
}

bool IsHeadingRow(const CsvRow& row) {
  for (std::size_t i = 1; i < row.fields.size(); ++i) {
    if (!CollapseSpaces(row.fields[i]).empty()) return false;
  }
  return !CollapseSpaces(row.fields[kNewProv]).empty();
}

// The "(NN)" at the end of a province label, or "" when there is none.
std::string LabelCode(std::string_view label) {
  const std::string text = CollapseSpaces(label);
  if (text.size() < 4 || text.back() != ')' || text[text.size() - 4] != '(') return "";
  return text.substr(text.size() - 3, 2);
}

struct LinkContext {
  std::set<std::string> old_codes;
  std::set<std::string> new_codes;
  std::map<std::string, std::string> old_province;
  std::set<std::pair<std::string, std::string>> seen;
};

void AddCommuneLink(const CsvRow& row, const std::string& new_code, LinkContext& context,
                    ConversionSet& out) {
  const std::string old_code = CollapseSpaces(row.fields[kOldCode]);
  const char* reason = nullptr;
  if (old_code.empty()) reason = "no_old_code";
  else if (context.old_codes.count(old_code) == 0) reason = "old_code_unknown";
  else if (context.new_codes.count(new_code) == 0) reason = "new_code_unknown";
  else if (!context.seen.emplace(old_code, new_code).second) reason = "duplicate_pair";
  if (reason != nullptr) {
    out.unlinked.push_back(UnlinkedConversionRow{row.row_number, reason, old_code, new_code});
    return;
  }
  if (LabelCode(row.fields[kOldProv]) != context.old_province[old_code]) {
    ++out.province_label_slips;
  }
  std::string note = CollapseSpaces(row.fields[kNote]);
  const TransferKind kind = ClassifyNote(note);
  out.links.push_back(SuccessorLinkRecord{AdminLevel::kCommune, old_code, new_code, kind,
                                          std::move(note)});
}

Status CheckHeader(const CsvTable& table, const std::string& file) {
  if (table.header.size() < kCount || table.rows.empty()) {
    return Fail(ErrorKind::kInvalidInput, "reference.conversion_header",
                "Tệp " + file + " không có đủ hai dòng tiêu đề.");
  }
  for (std::size_t i = 0; i < kExpectedHeader.size(); ++i) {
    if (CollapseSpaces(table.rows[0].fields[i]) != kExpectedHeader[i]) {
      return Fail(ErrorKind::kInvalidInput, "reference.conversion_header",
                  "Tệp " + file + ", dòng 2: cột " + std::to_string(i + 1) + " phải là \"" +
                      kExpectedHeader[i] + "\".");
    }
  }
  return {};
}

Status LoadProvinceLinks(const std::filesystem::path& csv, const AdminUnitSet& pre2025,
                         const AdminUnitSet& post2025, ConversionSet& out) {
  auto table = ReadCsvTable(csv);
  if (!table) return Fail(std::move(table.error()));
  auto cols = CsvColumns::Require(*table, csv.filename().string(),
                                  {"old_province_code", "new_province_code"});
  if (!cols) return Fail(std::move(cols.error()));
  const auto old_codes = Codes(pre2025, AdminLevel::kProvince);
  const auto new_codes = Codes(post2025, AdminLevel::kProvince);
  for (const auto& row : table->rows) {
    auto old_code = cols->Digits(row, 0, 2);
    if (!old_code) return Fail(std::move(old_code.error()));
    auto new_code = cols->Digits(row, 1, 2);
    if (!new_code) return Fail(std::move(new_code.error()));
    if (old_codes.count(*old_code) == 0 || new_codes.count(*new_code) == 0) {
      return Fail(cols->FieldError(row, 0, "reference.unknown_province",
                                   "mã tỉnh không có trong danh mục."));
    }
    out.links.push_back(SuccessorLinkRecord{AdminLevel::kProvince, *old_code, *new_code,
                                            TransferKind::kWhole, "Nhập toàn bộ"});
  }
  return {};
}

}  // namespace

Result<ConversionSet> LoadConversion(const std::filesystem::path& commune_csv,
                                     const std::filesystem::path& province_csv,
                                     const AdminUnitSet& pre2025, const AdminUnitSet& post2025) {
  CsvLimits limits;
  limits.max_rows = kMaxConversionRows;
  auto table = ReadCsvTable(commune_csv, limits);
  if (!table) return Fail(std::move(table.error()));
  const std::string file = commune_csv.filename().string();
  if (auto ok = CheckHeader(*table, file); !ok) return Fail(std::move(ok.error()));
  LinkContext context{Codes(pre2025, AdminLevel::kCommune), Codes(post2025, AdminLevel::kCommune),
                      OldCommuneProvinces(pre2025), {}};
  ConversionSet out;
  CsvTable view;
  view.header = {kExpectedHeader.begin(), kExpectedHeader.end()};
  auto cols = CsvColumns::Require(view, file, kExpectedHeader);
  for (std::size_t i = 1; i < table->rows.size(); ++i) {
    const CsvRow& row = table->rows[i];
    if (IsHeadingRow(row)) {
      ++out.province_heading_rows;
      continue;
    }
    auto new_code = cols->Digits(row, kNewCode, 5);
    if (!new_code) return Fail(std::move(new_code.error()));
    AddCommuneLink(row, *new_code, context, out);
  }
  if (auto ok = LoadProvinceLinks(province_csv, pre2025, post2025, out); !ok) {
    return Fail(std::move(ok.error()));
  }
  return out;
}

const char* TransferKindName(TransferKind kind) {
  switch (kind) {
    case TransferKind::kWhole: return "whole";
    case TransferKind::kPartial: return "partial";
    case TransferKind::kUnspecified: return "unspecified";
  }
  return "unspecified";
}

}  // namespace ansinh::formats
