// `ansinh lists`: the four registration lists of plan 152/KH-UBND III.1
// (people and representatives of the NCC and BTXH groups who receive through
// an account) and the two cash lists (at a pay point, at home), for a commune,
// a district or a province, written as one XLSX and one JSON file.
//
// Personal data (citizen IDs, account numbers) appear in full: the commune
// needs them to check and complete the lists. WriteRegistrationLists is the
// one place such an export leaves the system: every sheet and the JSON carry
// the exporter and time (app/export_stamp.h), and AuditListsExport records it.
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/export_stamp.h"
#include "core/error.h"
#include "core/reference_codes.h"
#include "store/admin_unit_store.h"
#include "store/registration_list_store.h"
#include "store/sql_session.h"

namespace ansinh::app {

// The lists in the order of the plan, then the cash lists.
enum class RegistrationList {
  kNccAccount,                // (a)
  kNccRepresentativeAccount,  // (b)
  kBtxhAccount,               // (c)
  kBtxhRepresentativeAccount, // (d)
  kCashPaypoint,
  kCashHome,
};
inline constexpr std::size_t kRegistrationListCount = 6;

// "a", "b", "c", "d", "cash_paypoint", "cash_home": the JSON keys.
const char* RegistrationListKey(RegistrationList list);

// The list a person's payment method puts them on.
RegistrationList ListFor(const store::RegistrationListRow& row);

struct RegistrationLists {
  store::AdminUnit unit;  // the unit asked for
  std::string edition;    // of the map its codes are read in
  std::map<std::string, std::string> commune_names;  // by code
  std::array<std::vector<store::RegistrationListRow>, kRegistrationListCount> rows;
};

// Resolves `unit_code` in `edition` ("pre2025" | "2025"), by default the map
// in force on `now` (CommuneEditionOn): 5 digits a commune, 3 a district, 2 a
// province. Errors: kNotFound lists.unit_not_found naming the code; the store's.
Result<RegistrationLists> CollectRegistrationLists(
    store::SqlSession& session, const std::string& unit_code,
    std::chrono::system_clock::time_point now,
    const std::optional<std::string>& edition = std::nullopt);

struct ListsExportReport {
  std::string unit_code;
  std::string unit_name;
  std::filesystem::path xlsx_file;
  std::filesystem::path json_file;
  std::array<std::int64_t, kRegistrationListCount> counts{};
};

nlohmann::json ToJson(const ListsExportReport& report);

// Data rows on the lists (all six), for the export's audit entry.
std::int64_t RowCount(const RegistrationLists& lists);

// Writes danh-sach-dang-ky-<unit>.xlsx (one sheet per list: title, unit,
// export date, the watermark "Xuất bởi … lúc …", headers, rows, the number of
// people; the watermark also as the printed footer and in the document
// properties) and .json (the same content, with "exported_by" and
// "exported_at") into `out_dir`, which must exist. `codes` names the banks by
// BIN; stamp.at dates the export. Errors: the XLSX writer's; kUnavailable
// lists.write_failed for the JSON file.
Result<ListsExportReport> WriteRegistrationLists(const RegistrationLists& lists,
                                                 const core::ReferenceCodes& codes,
                                                 const std::filesystem::path& out_dir,
                                                 const ExportStamp& stamp);

// The one audit entry of an export of `lists` ("lists.export", the unit, the
// row count, `detail`). Call before writing. REQUIRES: no open transaction.
Status AuditListsExport(store::SqlSession& session, const AuditActor& actor,
                        const RegistrationLists& lists, const std::string& format,
                        nlohmann::json detail = nlohmann::json::object());

}  // namespace ansinh::app
