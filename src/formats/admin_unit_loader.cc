// Both editions of the administrative map: the GSO 3-level list of 2025-01-04
// (one row per commune, provinces and districts repeated on every row) and the
// NSO 2-level list after 1 July 2025 (nested JSON).
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <string_view>
#include <utility>

#include <nlohmann/json.hpp>

#include "formats/csv_fields.h"
#include "formats/reference_data.h"

namespace ansinh::formats {
namespace {

constexpr std::size_t kMaxJsonBytes = 16u * 1024u * 1024u;
constexpr std::size_t kMaxUnitsPerEdition = 20'000;

// GSO names start with their type, in either case ("Thị xã", "Thị Xã").
std::string TypeFromName(std::string_view name) {
  static const std::pair<std::string_view, std::string_view> kPrefixes[] = {
      {"Thành phố ", "thành phố"}, {"Thành Phố ", "thành phố"}, {"Thị xã ", "thị xã"},
      {"Thị Xã ", "thị xã"},       {"Quận ", "quận"},           {"Huyện ", "huyện"},
      {"Tỉnh ", "tỉnh"}};
  for (const auto& [prefix, type] : kPrefixes) {
    if (name.starts_with(prefix)) return std::string(type);
  }
  return "";
}

std::string CommuneType(std::string_view level) {
  if (level == "Xã") return "xã";
  if (level == "Phường") return "phường";
  if (level == "Thị trấn") return "thị trấn";
  return "";
}

AdminUnitRecord OldUnit(AdminLevel level, std::string code, std::string name, std::string type,
                        std::string parent) {
  return AdminUnitRecord{AdminEdition::kPre2025, level, std::move(code), std::move(name),
                         std::move(type), std::move(parent), std::nullopt,
                         std::string(kPre2025ValidTo)};
}

enum AdminUnitColumn { kProvName, kProvCode, kDistName, kDistCode, kCommName, kCommCode, kCommLevel };

// Appends the row's province and district the first time each code appears.
Status AddParents(const CsvColumns& cols, const CsvRow& row, AdminUnitSet& set,
                  std::set<std::string>& seen) {
  auto province = cols.Digits(row, kProvCode, 2);
  if (!province) return Fail(std::move(province.error()));
  auto district = cols.Digits(row, kDistCode, 3);
  if (!district) return Fail(std::move(district.error()));
  if (seen.insert("P" + *province).second) {
    std::string name = CollapseSpaces(cols.Text(row, kProvName));
    std::string type = name.starts_with("Thành phố") ? "thành phố trung ương" : "tỉnh";
    set.units.push_back(OldUnit(AdminLevel::kProvince, *province, std::move(name),
                                std::move(type), ""));
  }
  if (seen.insert("D" + *district).second) {
    std::string name = CollapseSpaces(cols.Text(row, kDistName));
    std::string type = TypeFromName(name);
    if (type.empty()) {
      return Fail(cols.FieldError(row, kDistName, "reference.unknown_type",
                                  "không nhận ra loại đơn vị cấp huyện."));
    }
    set.units.push_back(OldUnit(AdminLevel::kDistrict, *district, std::move(name),
                                std::move(type), *province));
  }
  return {};
}

Status AddCommune(const CsvColumns& cols, const CsvRow& row, AdminUnitSet& set) {
  const std::string level = CollapseSpaces(cols.Text(row, kCommLevel));
  if (level == "Huyện" && CollapseSpaces(cols.Text(row, kCommCode)).empty()) {
    ++set.districts_without_communes;
    return {};
  }
  auto code = cols.Digits(row, kCommCode, 5);
  if (!code) return Fail(std::move(code.error()));
  std::string type = CommuneType(level);
  if (type.empty()) {
    return Fail(cols.FieldError(row, kCommLevel, "reference.unknown_type",
                                "không nhận ra cấp \"" + level + "\"."));
  }
  set.units.push_back(OldUnit(AdminLevel::kCommune, *code, CollapseSpaces(cols.Text(row, kCommName)),
                              std::move(type), CollapseSpaces(cols.Text(row, kDistCode))));
  return {};
}

// Parents were appended as they first appeared; move them ahead of all communes.
void OrderParentsFirst(AdminUnitSet& set) {
  std::stable_partition(set.units.begin(), set.units.end(),
                        [](const AdminUnitRecord& u) { return u.level == AdminLevel::kProvince; });
  std::stable_partition(set.units.begin(), set.units.end(),
                        [](const AdminUnitRecord& u) { return u.level != AdminLevel::kCommune; });
}

std::string ZeroPadded(long long code, int width) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%0*lld", width, code);
  return buffer;
}

Result<nlohmann::json> ReadJsonFile(const std::filesystem::path& path) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) return Fail(ErrorKind::kNotFound, "reference.file_not_found",
                      "Không tìm thấy tệp " + path.string());
  if (size > kMaxJsonBytes) return Fail(ErrorKind::kLimitExceeded, "reference.file_too_large",
                                        "Tệp " + path.string() + " quá lớn.");
  std::ifstream in(path, std::ios::binary);
  auto json = nlohmann::json::parse(in, nullptr, false);
  if (json.is_discarded() || !json.is_array()) {
    return Fail(ErrorKind::kInvalidInput, "reference.bad_json",
                "Tệp " + path.string() + " không phải danh sách JSON hợp lệ.");
  }
  return json;
}

Result<AdminUnitRecord> NewUnit(const nlohmann::json& node, AdminLevel level, std::string parent) {
  if (!node.is_object() || !node.contains("code") || !node["code"].is_number_integer() ||
      !node.contains("name") || !node["name"].is_string() ||
      !node.contains("division_type") || !node["division_type"].is_string()) {
    return Fail(ErrorKind::kInvalidInput, "reference.bad_json",
                "Tệp đơn vị hành chính 2025 có mục thiếu code, name hoặc division_type.");
  }
  const int width = level == AdminLevel::kProvince ? 2 : 5;
  return AdminUnitRecord{AdminEdition::k2025, level,
                         ZeroPadded(node["code"].get<long long>(), width),
                         CollapseSpaces(node["name"].get<std::string>()),
                         node["division_type"].get<std::string>(), std::move(parent),
                         std::string(k2025ValidFrom), std::nullopt};
}

}  // namespace

Result<AdminUnitSet> LoadPre2025AdminUnits(const std::filesystem::path& gso_csv) {
  CsvLimits limits;
  limits.max_rows = kMaxUnitsPerEdition;
  auto table = ReadCsvTable(gso_csv, limits);
  if (!table) return Fail(std::move(table.error()));
  auto cols = CsvColumns::Require(*table, gso_csv.filename().string(),
                                  {"Tỉnh Thành Phố", "Mã TP", "Quận Huyện", "Mã QH", "Phường Xã",
                                   "Mã PX", "Cấp"});
  if (!cols) return Fail(std::move(cols.error()));
  AdminUnitSet set;
  std::set<std::string> seen;
  for (const auto& row : table->rows) {
    if (auto ok = AddParents(*cols, row, set, seen); !ok) return Fail(std::move(ok.error()));
    if (auto ok = AddCommune(*cols, row, set); !ok) return Fail(std::move(ok.error()));
  }
  OrderParentsFirst(set);
  return set;
}

Result<AdminUnitSet> Load2025AdminUnits(const std::filesystem::path& nested_json) {
  auto json = ReadJsonFile(nested_json);
  if (!json) return Fail(std::move(json.error()));
  AdminUnitSet set;
  std::vector<AdminUnitRecord> communes;
  for (const auto& province_node : *json) {
    auto province = NewUnit(province_node, AdminLevel::kProvince, "");
    if (!province) return Fail(std::move(province.error()));
    const auto wards = province_node.find("wards");
    if (wards == province_node.end() || !wards->is_array()) {
      return Fail(ErrorKind::kInvalidInput, "reference.bad_json",
                  "Tỉnh " + province->name + " không có danh sách xã (wards).");
    }
    for (const auto& ward_node : *wards) {
      auto ward = NewUnit(ward_node, AdminLevel::kCommune, province->code);
      if (!ward) return Fail(std::move(ward.error()));
      communes.push_back(std::move(*ward));
    }
    set.units.push_back(std::move(*province));
    if (set.units.size() + communes.size() > kMaxUnitsPerEdition) {
      return Fail(ErrorKind::kLimitExceeded, "reference.too_many_units",
                  "Tệp đơn vị hành chính 2025 có quá nhiều đơn vị.");
    }
  }
  set.units.insert(set.units.end(), communes.begin(), communes.end());
  return set;
}

const char* AdminEditionName(AdminEdition edition) {
  return edition == AdminEdition::kPre2025 ? "pre2025" : "2025";
}

const char* AdminLevelName(AdminLevel level) {
  switch (level) {
    case AdminLevel::kProvince: return "province";
    case AdminLevel::kDistrict: return "district";
    case AdminLevel::kCommune: return "commune";
  }
  return "commune";
}

}  // namespace ansinh::formats
