#include "app/payroll_office.h"

#include <algorithm>
#include <set>
#include <utility>

#include "app/registry_service.h"
#include "store/admin_unit_store.h"
#include "store/registry_sql.h"

namespace ansinh::app {
namespace {

Error UnitInvalid(const std::string& code) {
  return MakeError(ErrorKind::kInvalidInput, "payroll.unit_invalid",
                   "Mã đơn vị chi trả \"" + code +
                       "\" không hợp lệ: tỉnh 2 chữ số, huyện (trước 01/7/2025) 3 chữ số, "
                       "xã 5 chữ số.");
}

bool AllDigits(const std::string& code) {
  return !code.empty() && std::all_of(code.begin(), code.end(),
                                      [](char c) { return c >= '0' && c <= '9'; });
}

store::AdminLevel LevelOf(std::size_t length) {
  return length == 5   ? store::AdminLevel::kCommune
         : length == 3 ? store::AdminLevel::kDistrict
                       : store::AdminLevel::kProvince;
}

// Commune ids and codes under `unit` (itself when it is one).
Status CollectCommunes(store::AdminUnitStore& units, const store::AdminUnit& unit,
                       std::vector<std::int64_t>& ids, std::vector<std::string>& codes) {
  if (unit.level == store::AdminLevel::kCommune) {
    ids.push_back(unit.id);
    codes.push_back(unit.code);
    return {};
  }
  auto children = units.Children(unit.id);
  if (!children) return Fail(std::move(children.error()));
  for (const store::AdminUnit& child : *children) {
    if (auto ok = CollectCommunes(units, child, ids, codes); !ok) return ok;
  }
  return {};
}

// The communes of the other edition linked to `ids` (successors of old
// communes, or predecessors of new ones).
Result<std::vector<std::string>> LinkedCommunes(store::SqlSession& session,
                                                const std::vector<std::int64_t>& ids,
                                                bool from_old) {
  store::SqlParams keys;
  for (std::int64_t id : ids) keys.push_back(store::SqlInt(id));
  const std::string head =
      from_old ? "SELECT u.code FROM admin_unit_successors s JOIN admin_units u "
                 "ON u.id = s.successor_id WHERE u.level = 'commune' AND s.predecessor_id IN"
               : "SELECT u.code FROM admin_unit_successors s JOIN admin_units u "
                 "ON u.id = s.predecessor_id WHERE u.level = 'commune' AND s.successor_id IN";
  std::set<std::string> codes;
  auto ok = store::QueryEachForKeys(session, head, keys, "", [&](const store::SqlRow& row) {
    codes.emplace(row.Text(0));
    return Status();
  });
  if (!ok) return Fail(std::move(ok.error()));
  return std::vector<std::string>(codes.begin(), codes.end());
}

}  // namespace

Result<PayrollOffice> ResolveOffice(store::SqlSession& session, const std::string& code,
                                    const std::optional<std::string>& edition,
                                    std::chrono::system_clock::time_point now) {
  const std::size_t length = code.size();
  if (!AllDigits(code) || (length != 2 && length != 3 && length != 5)) {
    return Fail(UnitInvalid(code));
  }
  PayrollOffice office{code, edition.value_or(length == 3 ? "pre2025" : CommuneEditionOn(now)),
                       "", {}};
  if (length == 3 && office.edition == "2025") return Fail(UnitInvalid(code));
  auto units = store::MakeAdminUnitStore(session);
  const bool old_map = office.edition == "pre2025";
  auto unit = units->Find(old_map ? store::AdminEdition::kPre2025 : store::AdminEdition::k2025,
                          LevelOf(length), code);
  if (!unit) return Fail(std::move(unit.error()));
  if (!*unit) {
    return Fail(ErrorKind::kNotFound, "payroll.unit_not_found",
                "Không tìm thấy đơn vị chi trả có mã " + code + " (bộ mã " + office.edition + ").");
  }
  office.name = (*unit)->name;
  std::vector<std::int64_t> ids;
  std::vector<std::string>& own = old_map ? office.communes.pre2025 : office.communes.y2025;
  if (auto ok = CollectCommunes(*units, **unit, ids, own); !ok) return Fail(ok.error());
  auto linked = LinkedCommunes(session, ids, old_map);
  if (!linked) return Fail(std::move(linked.error()));
  (old_map ? office.communes.y2025 : office.communes.pre2025) = std::move(*linked);
  return office;
}

}  // namespace ansinh::app
