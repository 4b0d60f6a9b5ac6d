// The attempts of payment lines after their batch was sent, and what came back
// for them (db/migrations/*/0009_payment_results.sql): returns (camt.054),
// the follow-up of rejections, re-issues and unclaimed cash. Plain rows; the
// rules are app/ingest_service's, payment_fallback's, reissue_service's and
// unclaimed_cash's.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "store/sql_session.h"

namespace ansinh::store {

// One attempt to pay a line: its batch item, with the batch and line.
struct PaymentAttempt {
  std::int64_t batch_ref = 0;
  std::int64_t line_ref = 0;
  std::string line_id;
  std::string batch_id;
  std::int64_t cycle_id = 0;
  std::string route_kind;  // the batch's
  std::string channel;     // the batch's
  std::int64_t transfer_vnd = 0;
  std::int64_t amount_vnd = 0;  // the line's
  std::string line_status;
  std::int64_t beneficiary_id = 0;
  std::string beneficiary_code;
  std::string pay_by_date;
  bool live = true;
};

struct ReturnRecord {
  std::int64_t batch_ref = 0;
  std::int64_t line_ref = 0;
  std::int64_t report_ref = 0;
  std::int64_t amount_vnd = 0;
  std::optional<std::string> reason_code;
  std::optional<std::string> booked_on;
};

// A rejected or returned attempt whose follow-up has not been done yet.
struct PendingFallback {
  std::int64_t batch_ref = 0;
  std::int64_t line_ref = 0;
  std::string line_id;
  std::string beneficiary_code;
  std::string reason_code;
};

struct FallbackRecord {
  std::int64_t batch_ref = 0;
  std::int64_t line_ref = 0;
  std::string reason_code;
  std::string action;  // "suspend" | "block_method" | "none"
  std::string done_by;
  std::string done_at;
};

// Thread safety: as the session it works on (one thread at a time).
class PaymentResultStore {
 public:
  virtual ~PaymentResultStore() = default;

  // The live attempts of these lines (at most one each); lines without one
  // are absent.
  virtual Result<std::vector<PaymentAttempt>> LiveAttempts(
      const std::vector<std::string>& line_ids) = 0;
  // The latest attempt of a line, live or not; nullopt when it was never in a batch.
  virtual Result<std::optional<PaymentAttempt>> LatestAttempt(const std::string& line_id) = 0;
  // Lines of this batch whose attempt there is no longer live (re-issued).
  virtual Result<std::vector<std::int64_t>> DeadLines(std::int64_t batch_ref) = 0;

  virtual Result<bool> ReturnExists(std::int64_t batch_ref, std::int64_t line_ref) = 0;
  virtual Status InsertReturns(const std::vector<ReturnRecord>& returns) = 0;

  // Failed results and returns with a reason but no fallback, oldest first.
  virtual Result<std::vector<PendingFallback>> PendingFallbacks(std::int64_t limit) = 0;
  // False when the attempt has its fallback already.
  virtual Result<bool> InsertFallback(const FallbackRecord& fallback) = 0;
};

// `session` must outlive the store.
std::unique_ptr<PaymentResultStore> MakePaymentResultStore(SqlSession& session);

}  // namespace ansinh::store
