#include "store/finding_store.h"

#include <utility>

#include "store/registry_sql.h"

namespace ansinh::store {
namespace {

constexpr std::string_view kFindingSelect =
    "SELECT f.id, f.beneficiary_id, b.code, f.field, f.code, f.message, f.status, f.created_at "
    "FROM findings f JOIN beneficiaries b ON b.id = f.beneficiary_id ";

std::vector<FindingRecord> ReadFindings(const SqlRows& rows) {
  std::vector<FindingRecord> findings;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    findings.push_back(FindingRecord{rows.Int64(r, 0), rows.Int64(r, 1), rows.Text(r, 2),
                                     rows.Text(r, 3), rows.Text(r, 4), rows.Text(r, 5),
                                     rows.Text(r, 6), rows.Text(r, 7)});
  }
  return findings;
}

class SqlFindingStore : public FindingStore {
 public:
  explicit SqlFindingStore(SqlSession& session) : session_(session) {}

  Result<std::int64_t> AddBatch(const std::vector<FindingRecord>& findings) override {
    SqlParams values;
    values.reserve(findings.size() * 6);
    for (const auto& f : findings) {
      values.insert(values.end(), {SqlInt(f.beneficiary_id), SqlText(f.field), SqlText(f.code),
                                   SqlText(f.message), SqlText(f.status), SqlText(f.created_at)});
    }
    return InsertBatched(session_,
                         "INSERT INTO findings (beneficiary_id, field, code, message, status, "
                         "created_at)",
                         "(?1, ?2, ?3, ?4, ?5, ?6)", 6, values, "");
  }

  Result<std::int64_t> ClearOpen(const std::vector<std::int64_t>& beneficiary_ids) override {
    SqlParams keys;
    for (std::int64_t id : beneficiary_ids) keys.push_back(SqlInt(id));
    return ExecuteForKeys(session_,
                          "DELETE FROM findings WHERE status = 'open' AND beneficiary_id IN", keys);
  }

  Result<std::vector<FindingRecord>> OpenInCommune(const std::string& commune_code) override {
    auto rows = session_.Query(std::string(kFindingSelect) +
                                   "WHERE b.commune_code = ?1 AND f.status = 'open' "
                                   "ORDER BY b.code, f.id LIMIT " + std::to_string(kMaxListed),
                               {SqlText(commune_code)});
    if (!rows) return Fail(std::move(rows.error()));
    return ReadFindings(*rows);
  }

  Result<std::vector<FindingRecord>> ListFor(std::int64_t beneficiary_id) override {
    auto rows = session_.Query(std::string(kFindingSelect) + "WHERE f.beneficiary_id = ?1 ORDER BY f.id",
                               {SqlInt(beneficiary_id)});
    if (!rows) return Fail(std::move(rows.error()));
    return ReadFindings(*rows);
  }

 private:
  SqlSession& session_;
};

}  // namespace

std::unique_ptr<FindingStore> MakeFindingStore(SqlSession& session) {
  return std::make_unique<SqlFindingStore>(session);
}

Result<std::vector<CitizenIdClash>> FindCitizenIdClashes(
    SqlSession& session, const std::vector<std::int64_t>& beneficiary_ids) {
  SqlParams keys;
  keys.reserve(beneficiary_ids.size());
  for (const std::int64_t id : beneficiary_ids) keys.push_back(SqlInt(id));
  std::vector<CitizenIdClash> clashes;
  auto read = QueryEachForKeys(
      session,
      "SELECT b.id, o.code FROM beneficiaries b JOIN beneficiaries o"
      " ON o.citizen_id_index = b.citizen_id_index AND o.id <> b.id WHERE b.id IN",
      keys, " ORDER BY b.id, o.code", [&clashes](const SqlRow& row) {
        clashes.push_back({row.Int64(0), std::string(row.Text(1))});
        return Status();
      });
  if (!read) return Fail(std::move(read.error()));
  return clashes;
}

}  // namespace ansinh::store
