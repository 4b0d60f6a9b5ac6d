#include "store/registry_history_store.h"

#include <utility>

#include "store/registry_sensitive.h"
#include "store/registry_sql.h"

namespace ansinh::store {
namespace {

constexpr std::string_view kHistorySelect =
    "SELECT id, beneficiary_id, changed_at, changed_by, change_kind, reason, effective_month, "
    "security_relevant, before_json, after_json FROM beneficiary_history ";

// The snapshots repeat citizen IDs, phones and account numbers, so each is
// sealed whole (registry_sensitive.h).
HistoryEntry ReadEntry(SensitiveFields& fields, const SqlRows& rows, std::size_t r) {
  std::optional<std::string> before = rows.OptionalText(r, 8);
  if (before) before = fields.Open(kHistoryBefore, *before);
  return HistoryEntry{rows.Int64(r, 0), rows.Int64(r, 1), rows.Text(r, 2),
                      rows.Text(r, 3),  rows.Text(r, 4),  rows.Text(r, 5),
                      rows.Text(r, 6),  rows.Int64(r, 7) != 0, std::move(before),
                      fields.Column(kHistoryAfter, rows, r, 9)};
}

class SqlRegistryHistoryStore : public RegistryHistoryStore {
 public:
  explicit SqlRegistryHistoryStore(SqlSession& session) : session_(session) {}

  Result<std::int64_t> AppendBatch(const std::vector<HistoryEntry>& entries) override {
    const SensitiveFields fields(session_);
    SqlParams values;
    values.reserve(entries.size() * 9);
    for (const auto& e : entries) {
      values.insert(values.end(),
                    {SqlInt(e.beneficiary_id), SqlText(e.changed_at), SqlText(e.changed_by),
                     SqlText(e.change_kind), SqlText(e.reason), SqlText(e.effective_month),
                     SqlInt(e.security_relevant ? 1 : 0),
                     e.before_json ? fields.Param(kHistoryBefore, *e.before_json) : SqlNull(),
                     fields.Param(kHistoryAfter, e.after_json)});
    }
    return InsertBatched(session_,
                         "INSERT INTO beneficiary_history (beneficiary_id, changed_at, changed_by, "
                         "change_kind, reason, effective_month, security_relevant, before_json, "
                         "after_json)",
                         "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", 9, values, "");
  }

  Result<std::vector<HistoryEntry>> ListFor(std::int64_t beneficiary_id) override {
    auto rows = session_.Query(std::string(kHistorySelect) +
                                   "WHERE beneficiary_id = ?1 ORDER BY changed_at, id LIMIT " +
                                   std::to_string(kMaxListed),
                               {SqlInt(beneficiary_id)});
    if (!rows) return Fail(std::move(rows.error()));
    SensitiveFields fields(session_);
    std::vector<HistoryEntry> entries;
    for (std::size_t r = 0; r < rows->size(); ++r) entries.push_back(ReadEntry(fields, *rows, r));
    return entries;
  }

  Result<std::optional<HistoryEntry>> AsOf(std::int64_t beneficiary_id,
                                           const std::string& instant) override {
    auto rows = session_.Query(std::string(kHistorySelect) +
                                   "WHERE beneficiary_id = ?1 AND changed_at <= ?2 "
                                   "ORDER BY changed_at DESC, id DESC LIMIT 1",
                               {SqlInt(beneficiary_id), SqlText(instant)});
    if (!rows) return Fail(std::move(rows.error()));
    if (rows->empty()) return std::optional<HistoryEntry>();
    SensitiveFields fields(session_);
    return std::optional<HistoryEntry>(ReadEntry(fields, *rows, 0));
  }

  Result<std::unordered_map<std::int64_t, std::string>> LatestSnapshots(
      const std::vector<std::int64_t>& beneficiary_ids) override {
    std::unordered_map<std::int64_t, std::string> snapshots;
    SensitiveFields fields(session_);
    SqlParams keys;
    for (std::int64_t id : beneficiary_ids) keys.push_back(SqlInt(id));
    auto read = QueryEachForKeys(
        session_,
        "SELECT beneficiary_id, after_json FROM beneficiary_history WHERE id IN (SELECT MAX(id) "
        "FROM beneficiary_history WHERE beneficiary_id IN",
        keys, " GROUP BY beneficiary_id)", [&snapshots, &fields](const SqlRow& row) {
          snapshots[row.Int64(0)] = fields.Open(kHistoryAfter, row.Text(1));
          return Status();
        });
    if (!read) return Fail(std::move(read.error()));
    return snapshots;
  }

 private:
  SqlSession& session_;
};

}  // namespace

std::unique_ptr<RegistryHistoryStore> MakeRegistryHistoryStore(SqlSession& session) {
  return std::make_unique<SqlRegistryHistoryStore>(session);
}

}  // namespace ansinh::store
