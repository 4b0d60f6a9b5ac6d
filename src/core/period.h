// A pay period: one calendar month. Payrolls, entitlements and arrears are
// counted in whole months, so this is the unit of all period arithmetic.
#pragma once

#include <compare>
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/error.h"

namespace ansinh::core {

class Period {
 public:
  static constexpr int kMinYear = 1900;
  static constexpr int kMaxYear = 2199;

  // ISO "YYYY-MM" (CLI and API), e.g. "2024-07"; surrounding whitespace ignored.
  // Errors: period.empty, period.invalid_format, period.month_out_of_range,
  // period.year_out_of_range (outside kMinYear..kMaxYear).
  static Result<Period> Parse(std::string_view text);
  // "MM/YYYY" or "M/YYYY" as written in import sheets ("07/2024", "7/2024").
  // Same error codes as Parse.
  static Result<Period> ParseMonthYear(std::string_view text);
  static Result<Period> FromYearMonth(int year, int month);

  int year() const { return year_; }
  int month() const { return month_; }

  // The period `months` later (earlier when negative).
  // Error period.out_of_range when the result leaves kMinYear..kMaxYear.
  Result<Period> PlusMonths(int months) const;

  // Signed number of months from this period to `other`:
  // 2024-07 → 2024-10 is 3, 2024-10 → 2024-07 is -3, a period to itself is 0.
  int MonthsUntil(const Period& other) const;

  Date FirstDay() const;
  Date LastDay() const;

  // "YYYY-MM".
  std::string ToString() const;

  friend constexpr auto operator<=>(const Period&, const Period&) = default;

 private:
  constexpr Period(int year, int month) : year_(year), month_(month) {}
  int MonthIndex() const { return year_ * 12 + (month_ - 1); }

  int year_;  // declared first so that the defaulted ordering is chronological
  int month_;
};

}  // namespace ansinh::core
