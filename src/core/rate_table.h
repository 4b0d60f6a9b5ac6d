// Effective-dated standard levels (mức chuẩn) and policy rates, and the amount
// rule of one entitlement for one month (docs/payroll.md):
//   COEFFICIENT → the standard level in force on the first day of the month ×
//                 the coefficient of the age band the person is in on that day;
//   FIXED       → the amount in force that month (the entitlement's own
//                 fixed_amount when the rate row has none: amount by decision).
// Everything is evaluated on the first day of the month, so the table is
// compiled once into month-indexed segments and a lookup is a binary search
// plus a scan of two or three age bands: no allocation, no map, no division.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/beneficiary.h"
#include "core/date.h"
#include "core/error.h"
#include "core/money.h"
#include "core/period.h"

namespace ansinh::core {

// A standard level (mức chuẩn) in force from a date until the next one of the
// same kind. kind: "BTXH_STANDARD" | "NCC_STANDARD".
struct StandardLevel {
  std::string kind;
  MoneyVnd amount = MoneyVnd::Zero();
  Date effective_from;
};

inline constexpr std::string_view kBtxhStandardKind = "BTXH_STANDARD";
inline constexpr std::string_view kNccStandardKind = "NCC_STANDARD";

// The standard level a COEFFICIENT policy of `group` multiplies: BTXH_STANDARD
// for BTXH (all shipped coefficient rows), NCC_STANDARD for NCC.
std::string_view StandardKindFor(BeneficiaryGroup group);

enum class RateBasis { kCoefficient, kFixed };

// One row of policy_rates.csv: a policy, an age band [age_from, age_to) in
// whole years on the first day of the month, and an effective window
// [effective_from, effective_to] (effective_to inclusive, open when empty).
// A row is in force for a month when the month's first day lies in the window.
// When two rows of a policy are in force for the same month and age, the one
// with the later effective_from wins: a new rate supersedes an open-ended one
// without the old row having to be closed (like standard levels).
struct PolicyRate {
  std::string policy_code;
  BeneficiaryGroup group = BeneficiaryGroup::kBtxh;
  RateBasis basis = RateBasis::kCoefficient;
  int age_from = 0;
  std::optional<int> age_to;
  std::optional<Coefficient> coefficient;  // kCoefficient
  std::optional<MoneyVnd> amount;          // kFixed; empty = amount by decision
  Date effective_from;
  std::optional<Date> effective_to;
};

// The checks a rate must pass before it enters the table (`rates add`, the
// reference loader). Errors (kInvalidInput): rate.policy_code_empty,
// rate.basis_mismatch (COEFFICIENT needs a coefficient and no amount, FIXED no
// coefficient),
// rate.age_band_invalid (age_from < 0 or age_to <= age_from),
// rate.window_invalid (effective_to before effective_from, or no first day of
// a month inside the window), rate.amount_invalid (amount <= 0).
Status ValidatePolicyRate(const PolicyRate& rate);
// Errors: rate.level_kind_unknown, rate.amount_invalid.
Status ValidateStandardLevel(const StandardLevel& level);

// Whole years of age on `on`. A year-only birth date counts as 1 January
// (documented in docs/payroll.md).
int AgeOn(const Date& birth_date, const Date& on);

// Months as plain integers (year × 12 + month − 1) for the inner loops.
inline int MonthNumber(const Period& period) {
  return period.year() * 12 + period.month() - 1;
}
// REQUIRES: month_number within Period's year range.
Period PeriodOfMonthNumber(int month_number);
// The first month whose first day is on or after `date` (a year-only date is
// 1 January): when a rate or level dated `date` is first in force.
int FirstMonthOnOrAfter(const Date& date);
// The last month whose first day is on or before `date`: the last month a
// rate whose effective_to is `date` is in force.
int LastMonthOnOrBefore(const Date& date);

// A person's age in whole years on the first day of a month is
// FloorDiv(month − AgeBase(birth), 12): AgeBase is the first month on whose
// first day the person has had a birthday of the birth month (born on the 1st
// → the birth month, otherwise the month after). Equal to AgeOn(birth,
// first day) for every month, including 29 February births.
int AgeBaseMonth(const Date& birth_date);
inline int AgeInMonth(int age_base_month, int month_number) {
  const int diff = month_number - age_base_month;
  return diff >= 0 ? diff / 12 : -((-diff + 11) / 12);
}

// All rates known, queried by (policy, month). Immutable after construction,
// so one table may be shared by any number of threads.
class RateTable {
 public:
  // Invalid rows (see ValidatePolicyRate) and levels are left out; validate
  // them where they enter the system so that they never reach the table.
  RateTable(std::vector<StandardLevel> levels, std::vector<PolicyRate> rates);

  // The monthly amount of `entitlement` for `period` for a person born on
  // `birth_date` (the amount rule above; the entitlement's start and end are
  // not checked here). Errors (kInvalidInput, naming policy and month in the
  // message and in details {field "policy_code"} and {field "period"}):
  //   payroll.policy_unknown          — no rate row for the policy at all
  //   payroll.rate_missing            — no rate of the policy in force that month
  //   payroll.age_out_of_band         — rates in force, but the person is younger than
  //                                     a band or falls between bands
  // A person older than every band of an age-limited policy has aged out: the
  // amount is 0, not an error (the entitlement ends by law, e.g. BTXH-5.1 at 16).
  //   payroll.standard_level_missing  — no standard level in force
  //   payroll.amount_missing          — amount by decision, entitlement has none
  //   payroll.amount_overflow         — level × coefficient does not fit
  Result<MoneyVnd> MonthlyAmount(const Entitlement& entitlement, const Date& birth_date,
                                 Period period) const;

  // The group a policy belongs to, if known.
  std::optional<BeneficiaryGroup> PolicyGroup(const std::string& policy_code) const;

  // ---- The fast path of the cycle: resolve a policy once, ask per month. ----
  static constexpr std::size_t kNoPolicy = std::numeric_limits<std::size_t>::max();
  // kNoPolicy when unknown.
  std::size_t FindPolicy(std::string_view policy_code) const;
  // As MonthlyAmount, for a policy index from FindPolicy (or kNoPolicy, which
  // gives payroll.policy_unknown). Allocates only to build an error. On
  // success, *same_rates_through (when given) is set to the last month in
  // which the policy's rates stay as they are in month_number, so a caller
  // walking months may reuse the amount until then or the next birthday.
  Result<MoneyVnd> AmountFor(std::size_t policy, std::string_view policy_code, int month_number,
                             int age_years, const std::optional<MoneyVnd>& fixed_amount,
                             int* same_rates_through = nullptr) const;

 private:
  enum class BandState : std::uint8_t { kAmount, kFromEntitlement, kNoStandardLevel, kOverflow };
  struct Band {  // one age band of the rows in force in a segment
    int age_from;
    int age_to;  // exclusive; kOpenAge when open
    BandState state;
    std::int64_t amount_vnd;
  };
  struct Segment {  // months [from_month, to_month] in which the rows in force do not change
    int from_month;
    int to_month;
    std::uint32_t band_begin;
    std::uint32_t band_end;
  };
  struct Policy {
    std::string code;
    BeneficiaryGroup group;
    std::uint32_t segment_begin;
    std::uint32_t segment_end;
  };
  struct MonthRow;

  void CompilePolicy(std::string code, const std::vector<MonthRow>& rows);
  void IndexPolicies();
  std::optional<std::int64_t> LevelInForce(std::string_view kind, int month_number) const;
  const Segment* FindSegment(const Policy& policy, int month_number) const;
  bool AgedOut(const Segment& segment, int age_years) const;

  std::vector<StandardLevel> levels_;  // sorted by kind, date
  std::vector<Policy> policies_;       // sorted by code
  // Open-addressing hash of policy codes → index in policies_ (kNoSlot when
  // empty): a lookup per person must not binary-search strings that share
  // long prefixes ("NCC-TB-…"). Indices, not views, so copies stay valid.
  std::vector<std::uint32_t> policy_slots_;
  std::vector<Segment> segments_;      // per policy, by month
  std::vector<Band> bands_;            // per segment, newest row first
};

}  // namespace ansinh::core
