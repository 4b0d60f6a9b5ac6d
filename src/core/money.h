// Money in whole Vietnamese đồng, and the exact decimal coefficients that
// policy rates multiply it by. No floating point: an allowance is a standard
// level times a coefficient such as "1.5", and every đồng must reconcile.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/error.h"

namespace ansinh::core {

// An exact non-negative decimal with at most six fractional digits, stored as
// the integer value × 10^6 (so "1.5" is 1'500'000). Policy coefficients in
// Nghị định 20/2021 and 75/2021 have at most two decimals; six leaves room.
class Coefficient {
 public:
  static constexpr int kMaxFractionDigits = 6;
  static constexpr int64_t kScale = 1'000'000;

  // Accepts "2", "1.5", "0.75", "1.000001" (decimal point only, since a comma
  // would be ambiguous with Vietnamese thousands grouping) with surrounding
  // whitespace. Rejects empty text, signs, exponents, more than six decimals
  // and values whose scaled form does not fit int64.
  static Result<Coefficient> Parse(std::string_view text);

  static constexpr Coefficient One() { return Coefficient(kScale); }

  // The value × 10^6.
  constexpr int64_t scaled() const { return scaled_; }

  // Shortest exact decimal form: "1.5", "2", "0.000001".
  std::string ToString() const;

  friend constexpr auto operator<=>(const Coefficient&, const Coefficient&) = default;

 private:
  explicit constexpr Coefficient(int64_t scaled) : scaled_(scaled) {}
  int64_t scaled_;
};

// An amount of money in whole đồng; may be negative (a recovery, truy thu).
// Arithmetic that could overflow returns Result instead of wrapping.
class MoneyVnd {
 public:
  static constexpr MoneyVnd FromDong(int64_t amount_vnd) { return MoneyVnd(amount_vnd); }
  static constexpr MoneyVnd Zero() { return MoneyVnd(0); }

  // Parses an import cell: plain digits ("1250000") or Vietnamese grouping in
  // exact three-digit groups with one separator kind, '.', ',' or ' '
  // ("1.250.000", "1,250,000", "1 250 000"); an optional leading '-';
  // surrounding whitespace is ignored. Errors (code):
  //   money.empty, money.invalid_character, money.invalid_sign,
  //   money.fraction_not_allowed (a decimal part such as "1.5" or "1.250,50":
  //     the last separator occurs once and is followed by one or two digits),
  //   money.grouping_invalid, money.out_of_range (outside int64).
  static Result<MoneyVnd> Parse(std::string_view text);

  constexpr int64_t dong() const { return amount_vnd_; }

  // money.overflow when the exact result does not fit int64.
  Result<MoneyVnd> Add(MoneyVnd other) const;
  Result<MoneyVnd> Subtract(MoneyVnd other) const;

  // The exact product amount × coefficient, rounded HALF AWAY FROM ZERO to a
  // whole đồng: 3 × 0.5 = 1.5 → 2, 5 × 0.1 = 0.5 → 1, -3 × 0.5 = -1.5 → -2,
  // an exact 1.4999995 → 1. This matches the usual "làm tròn" of a payroll sheet and is
  // symmetric, so a recovery rounds like the payment it reverses.
  // money.overflow when the rounded result does not fit int64.
  Result<MoneyVnd> MultiplyBy(const Coefficient& coefficient) const;

  // Plain digits with a leading '-' when negative: "-1250000".
  std::string ToString() const;
  // Vietnamese grouping for people: "1.250.000", "-5.000".
  std::string ToGroupedString() const;

  friend constexpr auto operator<=>(const MoneyVnd&, const MoneyVnd&) = default;

 private:
  explicit constexpr MoneyVnd(int64_t amount_vnd) : amount_vnd_(amount_vnd) {}
  int64_t amount_vnd_;
};

}  // namespace ansinh::core
