// The monthly payroll's use cases (issue 4): build or rebuild the draft cycle
// of a period for a paying office, approve it (maker-checker), show it,
// release held lines to cash, and enter one-off payments. Each change is one
// transaction with its audit entry (app/audit_log.h).
//
// The money is the core's (core/payroll.h): this layer streams the office's
// people from the store in chunks, asks the core for each person's lines,
// routes them (payroll_routing.h) and writes them in batches, so an office of
// millions of people runs in bounded memory.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/audit_log.h"
#include "core/error.h"
#include "store/payroll_cycle_store.h"
#include "store/sql_session.h"

namespace ansinh::app {

struct PayrollRequest {
  std::string period;                  // "YYYY-MM"
  std::string unit;                    // the paying office's code (payroll_office.h)
  std::optional<std::string> edition;  // "pre2025" | "2025"; empty: see ResolveOffice
  AuditActor actor;                    // actor.name is the preparer or approver
  std::chrono::system_clock::time_point now;
};

struct AmountTotal {
  std::int64_t count = 0;
  std::int64_t amount_vnd = 0;
};

struct PayrollTotals {
  AmountTotal all;
  std::map<std::string, AmountTotal> by_kind;     // "REGULAR", ...
  std::map<std::string, AmountTotal> by_channel;  // "BANK_ACCOUNT", ...

  void Add(const std::string& kind, const std::string& channel, std::int64_t amount_vnd);
};

// {"count","amount_vnd","by_kind":{KIND:{"count","amount_vnd"}},"by_channel":{…}}
nlohmann::json ToJson(const PayrollTotals& totals);

struct CycleSummary {
  store::PayCycleRecord cycle;
  PayrollTotals totals;
  std::int64_t persons = 0;  // people with at least one entitlement in the office
  std::int64_t held = 0;
  AmountTotal receivables;
};

// The totals part, with the cycle it belongs to: what `payroll run` prints.
nlohmann::json ToJson(const CycleSummary& summary);

struct PayrollOptions {
  int lookback_months = 60;        // how far back differences are recomputed
  std::int64_t chunk_ids = 20'000;  // beneficiary ids read per chunk
};

// Thread safety: one thread at a time, as the session. REQUIRES: `session`
// outlives the service; no transaction open on it.
class PayrollService {
 public:
  explicit PayrollService(store::SqlSession& session, PayrollOptions options = {});

  // Builds the draft of (period, office), or rebuilds it atomically: its
  // lines and receivables are replaced in one transaction. The office's first
  // run records its go-live period (months before it are never paid).
  // Errors: kInvalidInput period.*, payroll.unit_*; kConflict
  // payroll.cycle_approved (locked), payroll.later_approved (a later period
  // is approved), payroll.before_go_live, payroll.line_exists (another
  // office's cycle already pays a line of this key); kInvalidInput
  // payroll.compute_failed when the core could not compute someone (no rate
  // in force, no age band…): nothing is written, and the details name up to
  // 50 people with the core's error (policy and month in its message).
  Result<CycleSummary> Run(const PayrollRequest& request);

  // Maker-checker. Errors: kNotFound payroll.cycle_not_found; kConflict
  // payroll.already_approved, payroll.earlier_unapproved (a draft of an
  // earlier period of the office exists); kForbidden payroll.same_user.
  Result<store::PayCycleRecord> Approve(const PayrollRequest& request);

  // The output contract of issue 4 item 8, written line by line:
  // {"period","unit","status","lines":[…],"totals":{…}}.
  // Errors: kNotFound payroll.cycle_not_found.
  Status WriteCycleJson(const PayrollRequest& request, std::ostream& out);

  // The cycle and the receivables it raised. Errors: payroll.cycle_not_found.
  Result<std::vector<store::ReceivableRecord>> Receivables(const PayrollRequest& request);

  // A held line goes to cash at the pay point (a district officer's
  // decision, kept across re-runs of a draft). Errors: kNotFound
  // payroll.line_not_found; kConflict payroll.line_not_held.
  Result<store::PaymentLineRecord> ReleaseToCash(const std::string& line_id,
                                                 const AuditActor& actor,
                                                 std::chrono::system_clock::time_point now);

  // A one-off payment (e.g. funeral support) paid in the cycle of `period`.
  // Errors: kNotFound beneficiary.not_found; kInvalidInput
  // payroll.one_off_amount; kConflict payroll.one_off_exists.
  Result<std::int64_t> AddOneOff(const std::string& beneficiary_code, const std::string& period,
                                 const std::string& decision_number, const std::string& reason,
                                 std::int64_t amount_vnd, const AuditActor& actor,
                                 std::chrono::system_clock::time_point now);

 private:
  Result<store::PayCycleRecord> FindCycle(const PayrollRequest& request);

  store::SqlSession& session_;
  PayrollOptions options_;
};

}  // namespace ansinh::app
