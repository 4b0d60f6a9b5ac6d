// `ansinh disburse expire-cash --as-of DATE [--days N]` (issue 5 item 5): cash
// not reported paid N days (default 30) after its batch's pay-by date goes
// back to the budget. Each such line becomes 'returned' (recorded in
// unclaimed_cash, so it is never re-issued from money that is back in the
// budget); the ledger moves it cash_held → returned → budget, two transfers
// per batch ("unclaimed:<batch id>:<as-of>", "unclaimed-budget:<batch id>:<as-of>").
// Idempotent: a line already expired is no longer 'sent'.
#pragma once

#include <chrono>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "app/audit_log.h"
#include "core/error.h"
#include "store/sql_session.h"

namespace ansinh::app {

inline constexpr int kDefaultUnclaimedDays = 30;

struct UnclaimedRequest {
  std::string as_of;  // YYYY-MM-DD
  int days = kDefaultUnclaimedDays;
  AuditActor actor;
  std::chrono::system_clock::time_point now;
};

struct UnclaimedBatch {
  std::string batch_id;
  std::string pay_by_date;
  std::int64_t lines = 0;
  std::int64_t amount_vnd = 0;
};

struct UnclaimedSummary {
  std::string as_of;
  int days = 0;
  std::string last_pay_by;  // batches with a pay-by date on or before this expire
  std::int64_t lines = 0;
  std::int64_t amount_vnd = 0;
  std::vector<UnclaimedBatch> batches;
};

// {"as_of","days","last_pay_by","lines","amount_vnd","batches":[{"batch_id","pay_by_date","lines","amount_vnd"}]}
nlohmann::json ToJson(const UnclaimedSummary& summary);

// "YYYY-MM-DD" `days` days before `date`; nullopt when `date` is not a date.
std::optional<std::string> DaysBefore(const std::string& date, int days);

// Errors: kInvalidInput unclaimed.date_invalid, unclaimed.days_invalid (1–365).
Result<UnclaimedSummary> ExpireUnclaimedCash(store::SqlSession& session,
                                             const UnclaimedRequest& request);

}  // namespace ansinh::app
