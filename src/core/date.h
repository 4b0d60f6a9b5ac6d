// A calendar date that may be known only to the year: registers of the
// elderly often record just a birth year ("1935"), and such a person must not
// be refused. Proleptic Gregorian, no time zone, no clock (core has no I/O).
#pragma once

#include <compare>
#include <string>
#include <string_view>

#include "core/error.h"

namespace ansinh::core {

class Date {
 public:
  static constexpr int kMinYear = 1900;
  static constexpr int kMaxYear = 2199;

  // Accepts, with surrounding whitespace:
  //   "dd/mm/yyyy" or "d/m/yyyy"   (Vietnamese import sheets)
  //   "yyyy-mm-dd"                 (ISO, the API)
  //   "yyyy"                       (year only)
  // Errors: date.empty, date.invalid_format, date.year_out_of_range
  // (outside kMinYear..kMaxYear), date.month_out_of_range, date.day_out_of_range
  // (e.g. 30/02, or 29/02 in a common year).
  static Result<Date> Parse(std::string_view text);

  // Same range checks and error codes as Parse.
  static Result<Date> FromYmd(int year, int month, int day);
  static Result<Date> YearOnly(int year);

  static bool IsLeapYear(int year);
  // REQUIRES: 1 <= month <= 12.
  static int DaysInMonth(int year, int month);

  int year() const { return year_; }
  // 0 when is_year_only().
  int month() const { return month_; }
  int day() const { return day_; }
  bool is_year_only() const { return month_ == 0; }

  // "1950" for a year-only date, "1950-03-07" otherwise.
  std::string ToIso() const;

  // Completed years of life on `day`. A year-only date (on either side) counts
  // as 1 January of its year, so a person recorded as born "1950" is 75 on
  // 2025-01-01; this matches how the offices count age for year-only records.
  // Someone born on 29 February has the birthday on 1 March in common years.
  // Negative when `day` is before this date.
  int AgeOn(const Date& day) const;

  // Chronological for full dates. A year-only date orders before every full
  // date of the same year (its month and day are 0), which keeps the ordering
  // total; callers that need "same year, unknown day" must check is_year_only().
  friend constexpr auto operator<=>(const Date&, const Date&) = default;

 private:
  friend class Period;  // builds the first day of a month it already validated
  constexpr Date(int year, int month, int day) : year_(year), month_(month), day_(day) {}

  int year_;
  int month_;
  int day_;
};

}  // namespace ansinh::core
