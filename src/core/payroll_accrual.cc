#include "core/payroll_accrual.h"

namespace ansinh::core {

AccrualCalendar::AccrualCalendar(const PersonFacts& person) : suspensions_(person.suspensions) {
  if (person.termination) stop_month_ = MonthNumber(person.termination->effective_from);
}

bool AccrualCalendar::InUnpaidSuspension(int month_number) const {
  for (const SuspensionSpan& span : suspensions_) {
    // Back pay is decided at reinstatement: an open span never accrues.
    if (span.back_pay && span.until) continue;
    const int until = span.until ? MonthNumber(*span.until) : kOpenMonthNumber;
    if (month_number >= MonthNumber(span.from) && month_number < until) return true;
  }
  return false;
}

ActiveWindow ActiveWindowOf(const Entitlement& entitlement) {
  return ActiveWindow{MonthNumber(entitlement.start),
                      entitlement.end ? MonthNumber(*entitlement.end) : kOpenMonthNumber};
}

bool AccruesIn(const PersonFacts& person, Period period) {
  return AccrualCalendar(person).Accrues(MonthNumber(period));
}

bool EntitlementActiveIn(const Entitlement& entitlement, Period period) {
  return ActiveWindowOf(entitlement).Contains(MonthNumber(period));
}

}  // namespace ansinh::core
