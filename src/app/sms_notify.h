// `ansinh disburse notify` (issue 5 item 7): every recipient of a paid line
// gets one Vietnamese SMS naming the amount and the period — never an account
// or citizen ID number — through the SMS gateway (adapters/sms_client.h,
// docs/protocols/sms.md).
//
// Once per line: the outbox (store/notification_store.h) holds one row per
// paid line. Once per attempt: attempt k of row n goes out under client_ref
// "ANS-n-k", which the gateway keys on; the reference is recorded before the
// request ('sending') and the acceptance after it ('sent'), so a crash in
// between sends the same reference again, which the gateway answers without
// a second SMS, and a receipt that arrives meanwhile still finds its row. A failed delivery receipt
// sends a new attempt, up to max_attempts; then the row is given up ('failed').
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "adapters/sms_client.h"
#include "app/audit_log.h"
#include "core/error.h"
#include "core/reference_codes.h"
#include "store/sql_session.h"

namespace ansinh::app {

struct NotifyRequest {
  std::string gateway;            // the gateway's base URL: the receipt cursor is kept per gateway
  std::int64_t max_attempts = 3;  // 1..10
  AuditActor actor;
  std::chrono::system_clock::time_point now;
};

struct NotifySummary {
  std::int64_t queued = 0;                        // paid lines newly put in the outbox
  std::int64_t sent = 0;                          // attempts the gateway accepted in this run
  std::int64_t receipts = 0;                      // receipts applied in this run
  std::map<std::string, std::int64_t> by_status;  // the whole outbox after the run
};

// {"queued","sent","receipts","outbox":{"delivered":n,...}}
nlohmann::json ToJson(const NotifySummary& summary);

// "ansinh: Đã chi trả trợ cấp tháng 11/2026: 500.000 đồng. …": the amount and
// the period (YYYY-MM) only.
std::string PaidMessageText(const std::string& period, std::int64_t amount_vnd);

// Queues the paid lines not yet notified, applies the receipts that arrived,
// then sends what is due (pending, or failed below the limit) and reads the
// receipts again, in up to max_attempts rounds. A recipient without a usable
// phone (none, or not a valid mobile number by core::Phone) is recorded as
// no_phone; a message the gateway refuses outright as
// failed. Errors: kInvalidInput notify.max_attempts_invalid; the gateway's
// (sms.unreachable, sms.timeout, sms.bad_status, sms.bad_body: what was
// recorded before stays, and running again continues); the store's.
Result<NotifySummary> NotifyPaidLines(store::SqlSession& session, const core::ReferenceCodes& codes,
                                      adapters::SmsGateway& gateway, const NotifyRequest& request);

}  // namespace ansinh::app
