// Pay cycles, their payment lines and recovery receivables, the offices'
// go-live periods, one-off payments and the release of held lines to cash
// (db/migrations/*/0004_payroll.sql). Plain rows in and out; the rules (who
// may approve, what a line is routed to) are app/payroll_service's.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/error.h"
#include "store/sql_session.h"

namespace ansinh::store {

struct PayCycleRecord {
  std::int64_t id = 0;
  std::string unit_code;
  std::string unit_edition;  // "pre2025" | "2025"
  std::string period;        // "YYYY-MM"
  std::string status;        // "draft" | "approved"
  std::string prepared_by;
  std::string prepared_at;
  std::optional<std::string> approved_by;
  std::optional<std::string> approved_at;
  std::string run_fingerprint;
  std::int64_t line_count = 0;
  std::int64_t amount_vnd = 0;
  std::int64_t receivable_count = 0;
};

struct PaymentLineRecord {
  std::string line_id;
  std::int64_t cycle_id = 0;
  std::string period;
  std::int64_t beneficiary_id = 0;
  std::string beneficiary_code;
  std::optional<std::int64_t> entitlement_id;  // none for ONE_OFF
  std::optional<std::int64_t> one_off_id;      // ONE_OFF only
  std::string policy_code;                     // empty for ONE_OFF
  std::string kind;                            // "REGULAR" | "ARREARS" | "RECOVERY" | "ONE_OFF"
  std::string for_period;
  std::int64_t amount_vnd = 0;
  std::string channel;
  std::string recipient;
  std::string status;  // "pending" | "held" | ...
  std::optional<std::string> hold_reason;
  std::string commune_code;  // the pay point of cash lines
};

struct ReceivableRecord {
  std::int64_t cycle_id = 0;
  std::string period;
  std::int64_t beneficiary_id = 0;
  std::string beneficiary_code;
  std::int64_t entitlement_id = 0;
  std::string for_period;
  std::int64_t amount_vnd = 0;  // > 0
  std::string status = "open";
};

struct OneOffRecord {
  std::int64_t id = 0;
  std::int64_t beneficiary_id = 0;
  std::string period;
  std::string decision_number;
  std::string reason;
  std::int64_t amount_vnd = 0;
  std::string created_by;
  std::string created_at;
};

// A line with the state of its cycle, for a release.
struct LocatedLine {
  PaymentLineRecord line;
  std::string cycle_status;
  std::string unit_code;
};

// Thread safety: as the session it works on (one thread at a time).
class PayrollCycleStore {
 public:
  virtual ~PayrollCycleStore() = default;

  virtual Result<std::optional<PayCycleRecord>> Find(const std::string& unit_code,
                                                     const std::string& unit_edition,
                                                     const std::string& period) = 0;
  // The latest cycle of the office before `period` with this status.
  virtual Result<std::optional<PayCycleRecord>> LatestBefore(const std::string& unit_code,
                                                             const std::string& unit_edition,
                                                             const std::string& period,
                                                             const std::string& status) = 0;
  // The earliest approved cycle of the office after `period`.
  virtual Result<std::optional<PayCycleRecord>> ApprovedAfter(const std::string& unit_code,
                                                              const std::string& unit_edition,
                                                              const std::string& period) = 0;
  // Inserts a draft; returns its id. Errors: db.unique_violation.
  virtual Result<std::int64_t> InsertDraft(const PayCycleRecord& cycle) = 0;
  // Rewrites who prepared it, the fingerprint and the counts of a draft.
  virtual Status UpdateDraft(const PayCycleRecord& cycle) = 0;
  // draft → approved; returns false when the cycle was no longer a draft.
  virtual Result<bool> MarkApproved(std::int64_t cycle_id, const std::string& approved_by,
                                    const std::string& approved_at) = 0;

  virtual Status DeleteContent(std::int64_t cycle_id) = 0;  // lines and receivables
  virtual Result<std::int64_t> InsertLines(const std::vector<PaymentLineRecord>& lines) = 0;
  virtual Result<std::int64_t> InsertReceivables(
      const std::vector<ReceivableRecord>& receivables) = 0;
  // Every line of the cycle in the order written, read in pages so that a
  // cycle of millions of lines never sits in memory at once.
  virtual Status ForEachLine(std::int64_t cycle_id,
                             const std::function<Status(const PaymentLineRecord&)>& each) = 0;
  virtual Result<std::vector<ReceivableRecord>> ListReceivables(std::int64_t cycle_id) = 0;

  virtual Result<std::optional<LocatedLine>> FindLine(const std::string& line_id) = 0;
  // The line goes to cash at the pay point and is no longer held.
  virtual Status ReleaseLineToCash(const std::string& line_id) = 0;
  virtual Status AddRelease(const std::string& line_id, const std::string& released_by,
                            const std::string& released_at) = 0;
  // line_ids released for lines of `period` (line ids start with its YYYYMM).
  virtual Result<std::set<std::string>> ReleasesFor(const std::string& period) = 0;

  virtual Result<std::optional<std::string>> GoLive(const std::string& unit_code,
                                                    const std::string& unit_edition) = 0;
  virtual Status SetGoLive(const std::string& unit_code, const std::string& unit_edition,
                           const std::string& first_period, const std::string& set_by,
                           const std::string& set_at) = 0;

  // Returns the id. Errors: db.unique_violation (same person and decision).
  virtual Result<std::int64_t> InsertOneOff(const OneOffRecord& one_off) = 0;

  static constexpr std::int64_t kLinePage = 50'000;
};

// `session` must outlive the store.
std::unique_ptr<PayrollCycleStore> MakePayrollCycleStore(SqlSession& session);

}  // namespace ansinh::store
