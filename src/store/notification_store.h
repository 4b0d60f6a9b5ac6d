// The SMS outbox (db/migrations/*/0010_notifications.sql): one row per paid
// line, so each is notified once; the attempts, the gateway's answers and the
// receipt cursor. Plain rows; what to send and when is app/sms_notify's.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/error.h"
#include "store/sql_session.h"

namespace ansinh::store {

// A paid line with money transferred and no notification yet.
struct PaidLineToNotify {
  std::int64_t line_ref = 0;
  std::int64_t beneficiary_id = 0;
  std::string period;  // the cycle's, "YYYY-MM"
  std::int64_t transfer_vnd = 0;
};

struct NotificationRecord {
  std::int64_t id = 0;
  std::int64_t line_ref = 0;
  std::int64_t beneficiary_id = 0;
  std::string beneficiary_code;
  std::string recipient;  // the line's: SELF, AUTHORISED, GUARDIAN
  std::string text;
  std::string status;
  std::int64_t attempts = 0;
  std::string client_ref;  // of the last attempt; "" before the first
};

// Thread safety: as the session (one thread at a time).
class NotificationStore {
 public:
  explicit NotificationStore(SqlSession& session) : session_(session) {}

  Result<std::vector<PaidLineToNotify>> PaidLinesWithoutNotification();
  // One pending row per (line, text); a line that has one already is skipped.
  // Returns the rows added.
  Result<std::int64_t> Enqueue(const std::vector<std::pair<PaidLineToNotify, std::string>>& rows,
                               const std::string& now);
  // Rows to send: pending, sending (a hand-over a crash interrupted), or
  // retry with attempts below max_attempts.
  Result<std::vector<NotificationRecord>> Due(std::int64_t max_attempts, std::int64_t limit);
  // Attempt `attempt` is about to go out under client_ref (before the request).
  Status MarkSending(std::int64_t id, std::int64_t attempt, const std::string& client_ref,
                     const std::string& now);
  // The gateway accepted the attempt being sent; a receipt that came first wins.
  Status MarkSent(std::int64_t id, const std::string& gateway_id, const std::string& now);
  // A final state without a receipt: no_phone, or failed (refused outright).
  Status MarkFinal(std::int64_t id, const std::string& status, const std::string& error,
                   const std::string& now);
  // A receipt for the attempt sending or sent under client_ref: delivered; or retry
  // (failed below max_attempts) or failed. Returns the rows changed (0 for a
  // receipt already applied or of another system).
  Result<std::int64_t> ApplyReceipt(const std::string& client_ref, bool delivered,
                                    const std::string& reason, std::int64_t max_attempts,
                                    const std::string& now);
  Result<std::map<std::string, std::int64_t>> CountByStatus();

 private:
  SqlSession& session_;
};

}  // namespace ansinh::store
