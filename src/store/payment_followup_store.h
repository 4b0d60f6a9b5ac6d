// What is done with a line after its attempt failed or was never claimed
// (db/migrations/*/0009_payment_results.sql): re-issues, unclaimed cash going
// back to the budget, and the lines past their pay-by date. Plain rows; the
// rules are app/reissue_service's, unclaimed_cash's and overdue_lines'.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "store/payment_result_store.h"
#include "store/sql_session.h"

namespace ansinh::store {

struct ReissueRecord {
  std::int64_t line_ref = 0;
  std::int64_t from_batch_ref = 0;
  std::string from_channel;
  std::string channel;
  std::int64_t amount_vnd = 0;
  std::string reissued_by;
  std::string reissued_at;
};

struct UnclaimedRecord {
  std::int64_t batch_ref = 0;
  std::int64_t line_ref = 0;
  std::int64_t amount_vnd = 0;
  std::string as_of;  // YYYY-MM-DD
  std::string expired_by;
  std::string expired_at;
};

// A line not paid by its batch's pay-by date, as a paying office lists it.
struct OverdueLineRow {
  std::string line_id;
  std::string batch_id;
  std::string beneficiary_code;
  std::string full_name;
  std::string commune_code;
  std::string channel;
  std::int64_t amount_vnd = 0;  // the transfer of the attempt
  std::string pay_by_date;
  std::string line_status;
  std::optional<std::string> reason_code;
  bool returned_to_budget = false;  // unclaimed cash
};

// Thread safety: as the session it works on (one thread at a time).
class PaymentFollowupStore {
 public:
  virtual ~PaymentFollowupStore() = default;

  // The attempt stops being live; false when it was not live.
  virtual Result<bool> EndAttempt(std::int64_t batch_ref, std::int64_t line_ref) = 0;
  // The line goes from `from` back to 'pending' on `channel`; false when it
  // was not in `from`.
  virtual Result<bool> ReopenLine(std::int64_t line_ref, const std::string& from,
                                  const std::string& channel) = 0;
  // Errors: db.unique_violation (this attempt was re-issued already).
  virtual Status InsertReissue(const ReissueRecord& reissue) = 0;

  // Live cash attempts still 'sent' whose batch's pay-by date is on or before
  // `last_pay_by` (YYYY-MM-DD), by batch.
  virtual Result<std::vector<PaymentAttempt>> SentCashDueBy(const std::string& last_pay_by) = 0;
  virtual Status InsertUnclaimed(const std::vector<UnclaimedRecord>& unclaimed) = 0;
  // Whether this attempt's cash went back to the budget unclaimed.
  virtual Result<bool> IsUnclaimed(std::int64_t batch_ref, std::int64_t line_ref) = 0;
  // 'sent' → 'returned'; returns the lines changed.
  virtual Result<std::int64_t> MarkSentReturned(const std::vector<std::int64_t>& line_refs) = 0;

  // Lines of the office's cycles whose attempt's pay-by date is before
  // `as_of` and that are not paid: live attempts sent, failed or returned,
  // and re-issued lines not yet in a new batch. At most `limit`, by pay-by date.
  virtual Result<std::vector<OverdueLineRow>> Overdue(const std::string& unit_code,
                                                      const std::string& as_of,
                                                      std::int64_t limit) = 0;
};

// `session` must outlive the store.
std::unique_ptr<PaymentFollowupStore> MakePaymentFollowupStore(SqlSession& session);

}  // namespace ansinh::store
