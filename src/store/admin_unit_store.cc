#include "store/admin_unit_store.h"

#include <utility>

namespace ansinh::store {
namespace {

using formats::AdminEditionName;
using formats::AdminLevelName;

constexpr const char* kUnitColumns =
    "u.id, u.edition, u.level, u.code, u.name, u.division_type, u.parent_id, "
    "CAST(u.valid_from AS TEXT), CAST(u.valid_to AS TEXT)";

AdminLevel LevelFromName(const std::string& name) {
  if (name == "province") return AdminLevel::kProvince;
  return name == "district" ? AdminLevel::kDistrict : AdminLevel::kCommune;
}

AdminUnit ReadUnit(const SqlRows& rows, std::size_t r, std::size_t first = 0) {
  return AdminUnit{rows.Int64(r, first),
                   rows.Text(r, first + 1) == "2025" ? AdminEdition::k2025 : AdminEdition::kPre2025,
                   LevelFromName(rows.Text(r, first + 2)),
                   rows.Text(r, first + 3),
                   rows.Text(r, first + 4),
                   rows.Text(r, first + 5),
                   rows.OptionalInt64(r, first + 6),
                   rows.OptionalText(r, first + 7),
                   rows.OptionalText(r, first + 8)};
}

formats::TransferKind TransferFromName(const std::string& name) {
  if (name == "whole") return formats::TransferKind::kWhole;
  return name == "partial" ? formats::TransferKind::kPartial
                           : formats::TransferKind::kUnspecified;
}

class SqlAdminUnitStore : public AdminUnitStore {
 public:
  explicit SqlAdminUnitStore(SqlSession& session) : session_(session) {}

  // Parents are found by code with a subquery, so callers never handle ids. A
  // statement does not see its own rows, hence one pass per level, top down.
  Result<std::int64_t> InsertUnits(const std::vector<formats::AdminUnitRecord>& units) override {
    std::int64_t inserted = 0;
    for (AdminLevel level : {AdminLevel::kProvince, AdminLevel::kDistrict, AdminLevel::kCommune}) {
      auto count = InsertLevel(units, level);
      if (!count) return Fail(std::move(count.error()));
      inserted += *count;
    }
    return inserted;
  }

  Result<std::int64_t> InsertSuccessorLinks(
      const std::vector<formats::SuccessorLinkRecord>& links) override {
    SqlParams values;
    values.reserve(links.size() * 5);
    for (const auto& link : links) {
      values.insert(values.end(), {SqlText(AdminLevelName(link.level)), SqlText(link.old_code),
                                   SqlText(link.new_code),
                                   SqlText(formats::TransferKindName(link.transfer)),
                                   SqlText(link.note)});
    }
    return InsertBatched(
        session_, "INSERT INTO admin_unit_successors (predecessor_id, successor_id, transfer, note)",
        "((SELECT o.id FROM admin_units o WHERE o.edition = 'pre2025' AND o.level = ?1 AND "
        "o.code = ?2), (SELECT n.id FROM admin_units n WHERE n.edition = '2025' AND n.level = ?1 "
        "AND n.code = ?3), ?4, ?5)",
        5, values, "ON CONFLICT DO NOTHING");
  }

  Result<std::optional<AdminUnit>> Find(AdminEdition edition, AdminLevel level,
                                        const std::string& code) override {
    auto rows = session_.Query(std::string("SELECT ") + kUnitColumns +
                                   " FROM admin_units u WHERE u.edition = ?1 AND u.level = ?2 "
                                   "AND u.code = ?3",
                               {SqlText(AdminEditionName(edition)),
                                SqlText(AdminLevelName(level)), SqlText(code)});
    if (!rows) return Fail(std::move(rows.error()));
    if (rows->empty()) return std::optional<AdminUnit>();
    return std::optional<AdminUnit>(ReadUnit(*rows, 0));
  }

  Result<std::vector<AdminUnit>> Children(std::int64_t parent_id) override {
    auto rows = session_.Query(std::string("SELECT ") + kUnitColumns +
                                   " FROM admin_units u WHERE u.parent_id = ?1 ORDER BY u.code",
                               {SqlInt(parent_id)});
    if (!rows) return Fail(std::move(rows.error()));
    std::vector<AdminUnit> units;
    for (std::size_t r = 0; r < rows->size(); ++r) units.push_back(ReadUnit(*rows, r));
    return units;
  }

  Result<std::vector<Successor>> Successors(std::int64_t unit_id) override {
    auto rows = session_.Query(std::string("SELECT ") + kUnitColumns +
                                   ", s.transfer, s.note FROM admin_unit_successors s JOIN "
                                   "admin_units u ON u.id = s.successor_id WHERE "
                                   "s.predecessor_id = ?1 ORDER BY u.code",
                               {SqlInt(unit_id)});
    if (!rows) return Fail(std::move(rows.error()));
    std::vector<Successor> successors;
    for (std::size_t r = 0; r < rows->size(); ++r) {
      successors.push_back(
          Successor{ReadUnit(*rows, r), TransferFromName(rows->Text(r, 9)), rows->Text(r, 10)});
    }
    return successors;
  }

  Result<std::int64_t> CountUnits(AdminEdition edition, AdminLevel level) override {
    auto rows = session_.Query("SELECT COUNT(*) FROM admin_units WHERE edition = ?1 AND level = ?2",
                               {SqlText(AdminEditionName(edition)), SqlText(AdminLevelName(level))});
    if (!rows) return Fail(std::move(rows.error()));
    return rows->Int64(0, 0);
  }

  Result<std::int64_t> CountSuccessorLinks(AdminLevel level) override {
    auto rows = session_.Query(
        "SELECT COUNT(*) FROM admin_unit_successors s JOIN admin_units u ON u.id = "
        "s.predecessor_id WHERE u.level = ?1",
        {SqlText(AdminLevelName(level))});
    if (!rows) return Fail(std::move(rows.error()));
    return rows->Int64(0, 0);
  }

 private:
  Result<std::int64_t> InsertLevel(const std::vector<formats::AdminUnitRecord>& units,
                                   AdminLevel level) {
    SqlParams values;
    for (const auto& unit : units) {
      if (unit.level != level) continue;
      const bool has_parent = !unit.parent_code.empty();
      const AdminLevel parent_level =
          level == AdminLevel::kCommune && unit.edition == AdminEdition::kPre2025
              ? AdminLevel::kDistrict
              : AdminLevel::kProvince;
      values.insert(values.end(),
                    {SqlText(AdminEditionName(unit.edition)), SqlText(AdminLevelName(level)),
                     SqlText(unit.code), SqlText(unit.name), SqlText(unit.division_type),
                     has_parent ? SqlText(AdminLevelName(parent_level)) : SqlNull(),
                     has_parent ? SqlText(unit.parent_code) : SqlNull(),
                     SqlOptional(unit.valid_from), SqlOptional(unit.valid_to)});
    }
    return InsertBatched(
        session_,
        "INSERT INTO admin_units (edition, level, code, name, division_type, parent_id, "
        "valid_from, valid_to)",
        "(?1, ?2, ?3, ?4, ?5, (SELECT p.id FROM admin_units p WHERE p.edition = ?1 AND "
        "p.level = ?6 AND p.code = ?7), ?8, ?9)",
        9, values, "ON CONFLICT DO NOTHING");
  }

  SqlSession& session_;
};

}  // namespace

std::unique_ptr<AdminUnitStore> MakeAdminUnitStore(SqlSession& session) {
  return std::make_unique<SqlAdminUnitStore>(session);
}

}  // namespace ansinh::store
