// The money core of a monthly cycle (DESIGN.md §3 PayCycle/PaymentLine):
// what one person should be paid for one period, and the lines of a cycle —
// REGULAR for the period, ARREARS/RECOVERY for earlier periods where today's
// knowledge differs from what approved cycles paid, ONE_OFF decisions — with
// recoveries netted against the same person's payments.
//
// Pure: no I/O, no clock. The store gathers the facts (PersonFacts, PaidLedger),
// the app layer persists the lines. Deterministic: the same inputs give the
// same lines in the same order, so a re-run is byte-for-byte identical.
//
// Money only through MoneyVnd; a sum that would overflow is an error.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "core/beneficiary.h"
#include "core/date.h"
#include "core/error.h"
#include "core/money.h"
#include "core/period.h"
#include "core/rate_table.h"

namespace ansinh::core {

// Rates (StandardLevel, PolicyRate, RateTable, AgeOn) are in core/rate_table.h.

// ---- Facts about one person, as known today ------------------------------

// A span in which the person was suspended: [from, until) in months;
// until empty = still suspended. back_pay: reinstated with back pay, so the
// months are owed after all (they appear as ARREARS once reinstated). An
// open span (until empty) accrues nothing whatever back_pay says: back pay is
// only known at reinstatement.
struct SuspensionSpan {
  Period from;
  std::optional<Period> until;
  bool back_pay = false;
};

struct EntitlementFacts {
  std::int64_t entitlement_id = 0;  // the store's id: part of the line key
  Entitlement entitlement;
};

struct PersonFacts {
  std::int64_t beneficiary_id = 0;
  std::string beneficiary_code;
  BeneficiaryGroup group = BeneficiaryGroup::kBtxh;
  Date birth_date;
  // Payment stops from termination->effective_from (the month after death or
  // termination), whatever the status says today.
  std::optional<Termination> termination;
  std::vector<SuspensionSpan> suspensions;
  // Months up to and including this one were paid by the previous system
  // (da_chi_den_thang) or lie before the office went live: never recomputed.
  std::optional<Period> paid_through;
  std::vector<EntitlementFacts> entitlements;
};

// Whether the person is owed anything for `period` at all (not terminated by
// then, not in an unpaid suspension).
bool AccruesIn(const PersonFacts& person, Period period);

// Whether `period` lies in the entitlement's window start..end (inclusive).
bool EntitlementActiveIn(const Entitlement& entitlement, Period period);

// ---- What was already paid -----------------------------------------------

// Per (entitlement_id, for_period): the net amount already accounted for by
// approved cycles — the sum of the amounts of their REGULAR, ARREARS and
// RECOVERY lines for that month (RECOVERY amounts are negative) MINUS the
// recovery receivables raised for it (receivable amounts are positive): a
// receivable counts as recovered, so it is never raised twice.
// Only this person's entries are needed; months up to paid_through, before
// the lookback or from the cycle's period on are ignored.
using PaidKey = std::tuple<std::int64_t, Period>;
using PaidLedger = std::map<PaidKey, MoneyVnd>;

// The same facts as a flat list, for callers that reuse one buffer per person
// instead of building a map: REQUIRES sorted by (entitlement_id, for_period),
// one entry per key.
struct PaidEntry {
  std::int64_t entitlement_id = 0;
  Period for_period;
  MoneyVnd amount = MoneyVnd::Zero();
};

// ---- The cycle's lines ----------------------------------------------------

enum class LineKind { kRegular, kArrears, kRecovery, kOneOff };
const char* LineKindCode(LineKind kind);  // "REGULAR", "ARREARS", "RECOVERY", "ONE_OFF"
Result<LineKind> ParseLineKind(std::string_view code);

struct OneOffPayment {
  std::int64_t beneficiary_id = 0;
  std::string decision_number;
  std::string reason;                  // e.g. "mai_tang" (funeral support)
  MoneyVnd amount = MoneyVnd::Zero();  // > 0, else payroll.one_off_invalid
};

// One computed line. amount > 0 for REGULAR/ARREARS/ONE_OFF; < 0 for RECOVERY
// (only the part netted against this person's payments in this cycle).
struct ComputedLine {
  std::int64_t beneficiary_id = 0;
  std::string beneficiary_code;
  std::int64_t entitlement_id = 0;  // 0 for ONE_OFF
  std::string policy_code;          // empty for ONE_OFF
  LineKind kind = LineKind::kRegular;
  Period for_period;  // ONE_OFF: the cycle's period
  MoneyVnd amount = MoneyVnd::Zero();
  std::string decision_number;  // ONE_OFF only
};

// What could not be netted (e.g. the person died): money the office must
// recover outside the payroll. Listed separately, never a negative payment.
struct RecoveryReceivable {
  std::int64_t beneficiary_id = 0;
  std::string beneficiary_code;
  std::int64_t entitlement_id = 0;
  Period for_period;
  MoneyVnd amount = MoneyVnd::Zero();  // > 0: the sum still owed back
};

// One person's lines are ordered by entitlement_id (ONE_OFF, id 0, first),
// kind (REGULAR, ARREARS, RECOVERY, ONE_OFF), for_period, then decision
// number; receivables by entitlement_id, for_period. Persons appear in the
// order the caller computes them (the app goes by beneficiary_code).
struct CycleComputation {
  std::vector<ComputedLine> lines;
  std::vector<RecoveryReceivable> receivables;
};

struct CycleOptions {
  static constexpr int kMaxLookbackMonths = 600;
  Period period;
  // How far back differences are recomputed: months period − lookback_months
  // … period − 1. 0..kMaxLookbackMonths, else payroll.lookback_invalid.
  int lookback_months = 60;
};

// All lines for one person in the cycle `options.period` (docs/payroll.md):
//  - REGULAR: the amount for the period, per entitlement active in it, when
//    the person accrues in it and it is after paid_through;
//  - for each earlier month m with paid_through < m and
//    period − lookback_months <= m < period, per entitlement: today's amount
//    for m (0 when not accruing or not active) minus paid[(entitlement, m)]
//    (missing = 0): ARREARS when positive, RECOVERY when negative;
//  - ONE_OFF: the entries of `one_offs` with this beneficiary_id (others are
//    ignored, so pass only this person's to keep the cost per person small);
//  - netting: the recoveries are set against this person's positive lines,
//    oldest month first (then lowest entitlement_id); what is netted stays as
//    RECOVERY lines, the rest becomes receivables. The person's lines never
//    sum below zero.
// Pure and deterministic. Errors name the beneficiary code, the policy and
// the month in the message and details (the RateTable codes above, plus
// payroll.lookback_invalid, payroll.one_off_invalid, payroll.amount_overflow,
// payroll.netting_invariant (kInternal: a bug)).
Result<CycleComputation> ComputePersonCycle(const PersonFacts& person, const RateTable& rates,
                                            const PaidLedger& paid,
                                            const std::vector<OneOffPayment>& one_offs,
                                            const CycleOptions& options);
Result<CycleComputation> ComputePersonCycle(const PersonFacts& person, const RateTable& rates,
                                            std::span<const PaidEntry> paid,
                                            std::span<const OneOffPayment> one_offs,
                                            const CycleOptions& options);

// The same, appending this person's lines and receivables to `out` (which may
// already hold other persons'), so a caller reusing one buffer allocates
// nothing in the common case. On error `out` is left as it was.
Status AppendPersonCycle(const PersonFacts& person, const RateTable& rates, const PaidLedger& paid,
                         std::span<const OneOffPayment> one_offs, const CycleOptions& options,
                         CycleComputation& out);
Status AppendPersonCycle(const PersonFacts& person, const RateTable& rates,
                         std::span<const PaidEntry> paid, std::span<const OneOffPayment> one_offs,
                         const CycleOptions& options, CycleComputation& out);

// The netting step on its own: this person's lines and receivables are
// out.lines[first_line…] and out.receivables[first_receivable…]; RECOVERY
// lines there carry the full difference (negative) on entry.
Status NetRecoveries(CycleComputation& out, std::size_t first_line, std::size_t first_receivable);

}  // namespace ansinh::core
