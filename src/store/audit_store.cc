#include "store/audit_store.h"

#include <string>
#include <utility>

namespace ansinh::store {
namespace {

constexpr const char* kSelectHead = "SELECT seq, entry_hash FROM audit_head WHERE id = 1";

core::AuditEntry ReadEntry(const SqlRows& rows, std::size_t r) {
  core::AuditEntry entry;
  entry.seq = rows.Int64(r, 0);
  entry.occurred_at = rows.Text(r, 1);
  entry.actor_user_id = rows.OptionalInt64(r, 2);
  entry.actor = rows.Text(r, 3);
  entry.action = rows.Text(r, 4);
  entry.outcome = rows.Text(r, 5);
  entry.object_type = rows.Text(r, 6);
  entry.object_id = rows.Text(r, 7);
  entry.source_address = rows.Text(r, 8);
  entry.request_id = rows.Text(r, 9);
  entry.before_json = rows.OptionalText(r, 10);
  entry.after_json = rows.OptionalText(r, 11);
  entry.prev_hash = rows.Text(r, 12);
  entry.entry_hash = rows.Text(r, 13);
  return entry;
}

class SqlAuditStore : public AuditStore {
 public:
  explicit SqlAuditStore(SqlSession& session) : session_(session) {}

  Result<AuditHead> LockHead() override {
    // The one dialect difference: SQLite has no row locks and needs none.
    const bool postgres = session_.dialect() == Dialect::kPostgres;
    return QueryHead(std::string(kSelectHead) + (postgres ? " FOR UPDATE" : ""));
  }

  Result<AuditHead> ReadHead() override { return QueryHead(kSelectHead); }

  Status Append(const core::AuditEntry& e) override {
    auto inserted = session_.Execute(
        "INSERT INTO audit_log (seq, occurred_at, actor_user_id, actor, action, outcome, "
        "object_type, object_id, source_address, request_id, before_json, after_json, prev_hash, "
        "entry_hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
        {SqlInt(e.seq), SqlText(e.occurred_at), SqlOptional(e.actor_user_id), SqlText(e.actor),
         SqlText(e.action), SqlText(e.outcome), SqlText(e.object_type), SqlText(e.object_id),
         SqlText(e.source_address), SqlText(e.request_id), SqlOptional(e.before_json),
         SqlOptional(e.after_json), SqlText(e.prev_hash), SqlText(e.entry_hash)});
    if (!inserted) return Fail(std::move(inserted.error()));
    auto moved = session_.Execute("UPDATE audit_head SET seq = ?1, entry_hash = ?2 WHERE id = 1",
                                  {SqlInt(e.seq), SqlText(e.entry_hash)});
    if (!moved) return Fail(std::move(moved.error()));
    return {};
  }

  Result<std::vector<core::AuditEntry>> ReadAfter(std::int64_t after_seq,
                                                  std::int64_t limit) override {
    auto rows = session_.Query(
        "SELECT seq, occurred_at, actor_user_id, actor, action, outcome, object_type, object_id, "
        "source_address, request_id, before_json, after_json, prev_hash, entry_hash "
        "FROM audit_log WHERE seq > ?1 ORDER BY seq LIMIT ?2",
        {SqlInt(after_seq), SqlInt(limit)});
    if (!rows) return Fail(std::move(rows.error()));
    std::vector<core::AuditEntry> entries;
    entries.reserve(rows->size());
    for (std::size_t r = 0; r < rows->size(); ++r) entries.push_back(ReadEntry(*rows, r));
    return entries;
  }

 private:
  Result<AuditHead> QueryHead(const std::string& sql) {
    auto rows = session_.Query(sql);
    if (!rows) return Fail(std::move(rows.error()));
    if (rows->empty()) {
      return Fail(ErrorKind::kInternal, "audit.head_missing",
                  "Thiếu bản ghi đầu chuỗi của nhật ký kiểm toán.");
    }
    return AuditHead{rows->Int64(0, 0), rows->Text(0, 1)};
  }

  SqlSession& session_;
};

}  // namespace

std::unique_ptr<AuditStore> MakeAuditStore(SqlSession& session) {
  return std::make_unique<SqlAuditStore>(session);
}

}  // namespace ansinh::store
