#include "store/notification_store.h"

#include <utility>

namespace ansinh::store {

Result<std::vector<PaidLineToNotify>> NotificationStore::PaidLinesWithoutNotification() {
  // The transfer of the live batch item is what reached the person (netting
  // may have made it less than the line); lines settled by netting to 0 get
  // no message.
  auto rows = session_.Query(
      "SELECT l.id, l.beneficiary_id, c.period, i.transfer_vnd FROM payment_lines l "
      "JOIN batch_items i ON i.line_ref = l.id AND i.live = 1 "
      "JOIN pay_cycles c ON c.id = l.cycle_id "
      "WHERE l.status IN ('paid', 'paid_cash') AND i.transfer_vnd > 0 "
      "AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.line_ref = l.id) ORDER BY l.id");
  if (!rows) return Fail(std::move(rows.error()));
  std::vector<PaidLineToNotify> out;
  out.reserve(rows->size());
  for (std::size_t r = 0; r < rows->size(); ++r) {
    out.push_back({rows->Int64(r, 0), rows->Int64(r, 1), rows->Text(r, 2), rows->Int64(r, 3)});
  }
  return out;
}

Result<std::int64_t> NotificationStore::Enqueue(
    const std::vector<std::pair<PaidLineToNotify, std::string>>& rows, const std::string& now) {
  if (rows.empty()) return 0;
  SqlParams values;
  values.reserve(rows.size() * 4);
  for (const auto& [line, text] : rows) {
    values.insert(values.end(), {SqlInt(line.line_ref), SqlInt(line.beneficiary_id), SqlText(text),
                                 SqlText(now)});
  }
  return InsertBatched(session_,
                       "INSERT INTO notifications (line_ref, beneficiary_id, text, status, "
                       "attempts, created_at, updated_at)",
                       "(?1, ?2, ?3, 'pending', 0, ?4, ?4)", 4, values,
                       " ON CONFLICT (line_ref) DO NOTHING");
}

Result<std::vector<NotificationRecord>> NotificationStore::Due(std::int64_t max_attempts,
                                                               std::int64_t limit) {
  auto rows = session_.Query(
      "SELECT n.id, n.line_ref, n.beneficiary_id, l.beneficiary_code, l.recipient, n.text, "
      "n.status, n.attempts, n.client_ref FROM notifications n "
      "JOIN payment_lines l ON l.id = n.line_ref "
      "WHERE n.status IN ('pending', 'sending') OR (n.status = 'retry' AND n.attempts < ?1) "
      "ORDER BY n.id LIMIT ?2",
      {SqlInt(max_attempts), SqlInt(limit)});
  if (!rows) return Fail(std::move(rows.error()));
  std::vector<NotificationRecord> out;
  out.reserve(rows->size());
  for (std::size_t r = 0; r < rows->size(); ++r) {
    out.push_back({rows->Int64(r, 0), rows->Int64(r, 1), rows->Int64(r, 2), rows->Text(r, 3),
                   rows->Text(r, 4), rows->Text(r, 5), rows->Text(r, 6), rows->Int64(r, 7),
                   rows->OptionalText(r, 8).value_or("")});
  }
  return out;
}

Status NotificationStore::MarkSending(std::int64_t id, std::int64_t attempt,
                                      const std::string& client_ref, const std::string& now) {
  auto changed = session_.Execute(
      "UPDATE notifications SET status = 'sending', attempts = ?2, client_ref = ?3, "
      "gateway_id = NULL, updated_at = ?4 WHERE id = ?1",
      {SqlInt(id), SqlInt(attempt), SqlText(client_ref), SqlText(now)});
  if (!changed) return Fail(std::move(changed.error()));
  return {};
}

Status NotificationStore::MarkSent(std::int64_t id, const std::string& gateway_id,
                                   const std::string& now) {
  auto changed = session_.Execute(
      "UPDATE notifications SET status = 'sent', gateway_id = ?2, last_error = NULL, "
      "updated_at = ?3 WHERE id = ?1 AND status = 'sending'",
      {SqlInt(id), SqlText(gateway_id), SqlText(now)});
  if (!changed) return Fail(std::move(changed.error()));
  return {};
}

Status NotificationStore::MarkFinal(std::int64_t id, const std::string& status,
                                    const std::string& error, const std::string& now) {
  auto changed = session_.Execute(
      "UPDATE notifications SET status = ?2, last_error = ?3, updated_at = ?4 WHERE id = ?1",
      {SqlInt(id), SqlText(status), SqlText(error), SqlText(now)});
  if (!changed) return Fail(std::move(changed.error()));
  return {};
}

Result<std::int64_t> NotificationStore::ApplyReceipt(const std::string& client_ref, bool delivered,
                                                     const std::string& reason,
                                                     std::int64_t max_attempts,
                                                     const std::string& now) {
  if (delivered) {
    return session_.Execute(
        "UPDATE notifications SET status = 'delivered', last_error = NULL, updated_at = ?2 "
        "WHERE client_ref = ?1 AND status IN ('sending', 'sent')",
        {SqlText(client_ref), SqlText(now)});
  }
  return session_.Execute(
      "UPDATE notifications SET status = CASE WHEN attempts >= ?3 THEN 'failed' ELSE 'retry' "
      "END, last_error = ?2, updated_at = ?4 WHERE client_ref = ?1 AND status IN ('sending', "
      "'sent')",
      {SqlText(client_ref), SqlText(reason.empty() ? "failed" : reason), SqlInt(max_attempts),
       SqlText(now)});
}

Result<std::map<std::string, std::int64_t>> NotificationStore::CountByStatus() {
  auto rows = session_.Query("SELECT status, COUNT(*) FROM notifications GROUP BY status");
  if (!rows) return Fail(std::move(rows.error()));
  std::map<std::string, std::int64_t> out;
  for (std::size_t r = 0; r < rows->size(); ++r) out[rows->Text(r, 0)] = rows->Int64(r, 1);
  return out;
}

}  // namespace ansinh::store
