// The follow-up of a rejected or returned payment (issue 5 item 5), done once
// per attempt after its result is recorded:
//   MD07 (the beneficiary is deceased): the person is suspended through the
//     register's status change (history and audit written) and a finding is
//     opened on the commune's worklist, to verify and terminate;
//   AC01, AC04, AC06 (account wrong, closed, blocked): the payment method is
//     marked invalid (history and audit written), so the next payroll holds
//     the person's line until the account is corrected or the line is
//     released to cash; a finding asks for the correction. The failed line
//     itself can be re-issued (reissue_service.h) in cash, or by account once
//     the method is valid again;
//   any other reason: recorded, nothing else.
// Each step is its own transaction (the register's use cases open theirs), so
// the follow-up runs after the ingest commits and is recorded in
// payment_fallbacks last: an interrupted run is finished by the next one.
#pragma once

#include <chrono>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "app/audit_log.h"
#include "core/error.h"
#include "core/reference_codes.h"
#include "store/sql_session.h"

namespace ansinh::app {

struct FallbackSummary {
  std::int64_t suspended = 0;       // MD07: people suspended
  std::int64_t methods_blocked = 0;  // AC01/AC04/AC06: payment methods marked invalid
  std::int64_t recorded_only = 0;   // other reasons, or nothing left to change
  std::int64_t findings = 0;        // worklist items opened
};

// {"suspended","methods_blocked","recorded_only","findings"}
nlohmann::json ToJson(const FallbackSummary& summary);

// "suspend", "block_method" or "none" for a bank reason code.
std::string FallbackActionFor(const std::string& reason_code);

inline constexpr std::int64_t kMaxFallbacksPerRun = 100'000;

// REQUIRES: no transaction open on `session`. Errors: the store's and the
// register's (other than a person no longer active, or a method invalid
// already, which count as recorded_only).
Result<FallbackSummary> ApplyPaymentFallbacks(store::SqlSession& session,
                                              const core::ReferenceCodes& codes,
                                              const AuditActor& actor,
                                              std::chrono::system_clock::time_point now);

}  // namespace ansinh::app
