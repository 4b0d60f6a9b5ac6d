// `ansinh disburse reissue --line LINE_ID --channel C` (issue 5 item 5): a
// failed or returned line gets a new attempt. Only once its failure is
// recorded (the line is 'failed' or 'returned'); never two live attempts: the
// failed attempt stops being live, the line is 'pending' again on the chosen
// channel, and the next `disburse export` of its cycle puts it in a new batch
// sequence (batch_items_live_line guards that a line is live once). Ledger:
// returned → payable ("reissue:<line id>:<batch id>"), and the new batch
// moves it on to its holder when it opens.
#pragma once

#include <chrono>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "app/audit_log.h"
#include "core/error.h"
#include "store/sql_session.h"

namespace ansinh::app {

struct ReissueRequest {
  std::string line_id;
  std::string channel;  // CASH_PAYPOINT | CASH_HOME | BANK_ACCOUNT | MOBILE_MONEY
  AuditActor actor;
  std::chrono::system_clock::time_point now;
};

struct ReissueSummary {
  std::string line_id;
  std::string from_batch_id;
  std::string from_status;  // "failed" | "returned"
  std::string from_channel;
  std::string channel;
  std::int64_t amount_vnd = 0;
};

// {"line_id","from_batch_id","from_status","from_channel","channel","amount_vnd","status":"pending"}
nlohmann::json ToJson(const ReissueSummary& summary);

// Errors: kInvalidInput reissue.channel_invalid; kNotFound reissue.line_unknown
// (never in a batch); kConflict reissue.already_reissued (waiting for its new
// batch), reissue.not_failed (no failure recorded: sent, paid …),
// reissue.returned_to_budget (unclaimed cash), reissue.netted_line (a
// recovery was netted against it), reissue.method_invalid (an account
// channel without a valid method of that channel).
Result<ReissueSummary> ReissueLine(store::SqlSession& session, const ReissueRequest& request);

}  // namespace ansinh::app
