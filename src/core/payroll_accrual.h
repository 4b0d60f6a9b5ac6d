// When a person accrues (is owed anything at all) and when an entitlement is
// active, in plain month numbers (core/rate_table.h MonthNumber) for the inner
// loops of the cycle.
#pragma once

#include <limits>
#include <span>

#include "core/payroll.h"

namespace ansinh::core {

inline constexpr int kOpenMonthNumber = std::numeric_limits<int>::max();

// A person's accrual rules with the dates turned into month numbers once.
// Refers to person.suspensions: the person must outlive it.
class AccrualCalendar {
 public:
  explicit AccrualCalendar(const PersonFacts& person);

  // Not from termination.effective_from on; not in a suspension span unless
  // the span is closed and reinstated with back pay.
  bool Accrues(int month_number) const {
    if (month_number >= stop_month_) return false;
    return suspensions_.empty() || !InUnpaidSuspension(month_number);
  }

 private:
  bool InUnpaidSuspension(int month_number) const;

  int stop_month_ = kOpenMonthNumber;
  std::span<const SuspensionSpan> suspensions_;
};

// An entitlement's window start..end (inclusive) as month numbers.
struct ActiveWindow {
  int first_month;
  int last_month;  // kOpenMonthNumber when open
  bool Contains(int month_number) const {
    return month_number >= first_month && month_number <= last_month;
  }
};
ActiveWindow ActiveWindowOf(const Entitlement& entitlement);

}  // namespace ansinh::core
