#include "app/idempotency.h"

#include <utility>

namespace ansinh::app {

using store::SqlInt;
using store::SqlText;

Result<Reservation> ReserveIdempotencyKey(store::SqlSession& session, std::int64_t user_id,
                                          const std::string& key, const std::string& request_hash,
                                          std::int64_t now_s) {
  auto pruned = session.Execute("DELETE FROM api_idempotency WHERE created_at_s < ?1",
                                {SqlInt(now_s - kIdempotencyRetention_s)});
  if (!pruned) return Fail(std::move(pruned.error()));
  auto inserted = session.Execute(
      "INSERT INTO api_idempotency (user_id, idempotency_key, request_hash, status, content_type,"
      " response_body, created_at_s) VALUES (?1, ?2, ?3, 0, '', '', ?4)"
      " ON CONFLICT (user_id, idempotency_key) DO NOTHING",
      {SqlInt(user_id), SqlText(key), SqlText(request_hash), SqlInt(now_s)});
  if (!inserted) return Fail(std::move(inserted.error()));
  if (*inserted == 1) return Reservation(RunIt{});
  auto rows = session.Query(
      "SELECT request_hash, status, content_type, response_body FROM api_idempotency"
      " WHERE user_id = ?1 AND idempotency_key = ?2",
      {SqlInt(user_id), SqlText(key)});
  if (!rows) return Fail(std::move(rows.error()));
  if (rows->empty()) return Reservation(InProgress{});  // pruned or released meanwhile: retry
  if (rows->Text(0, 0) != request_hash) return Reservation(KeyReused{});
  const auto status = static_cast<int>(rows->Int64(0, 1));
  if (status == 0) return Reservation(InProgress{});
  return Reservation(Replay{StoredAnswer{status, rows->Text(0, 2), rows->Text(0, 3)}});
}

Status CompleteIdempotencyKey(store::SqlSession& session, std::int64_t user_id,
                              const std::string& key, const StoredAnswer& answer) {
  auto updated = session.Execute(
      "UPDATE api_idempotency SET status = ?3, content_type = ?4, response_body = ?5"
      " WHERE user_id = ?1 AND idempotency_key = ?2",
      {SqlInt(user_id), SqlText(key), SqlInt(answer.status), SqlText(answer.content_type),
       SqlText(answer.body)});
  if (!updated) return Fail(std::move(updated.error()));
  return {};
}

Status ReleaseIdempotencyKey(store::SqlSession& session, std::int64_t user_id,
                             const std::string& key) {
  auto deleted = session.Execute(
      "DELETE FROM api_idempotency WHERE user_id = ?1 AND idempotency_key = ?2",
      {SqlInt(user_id), SqlText(key)});
  if (!deleted) return Fail(std::move(deleted.error()));
  return {};
}

}  // namespace ansinh::app
