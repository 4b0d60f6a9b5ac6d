// The service fee a provider charges per transaction (issue 5 item 1): a
// fixed amount, or a percentage in basis points bounded by a minimum and a
// maximum. Integer đồng and basis points only; a fraction of a đồng is
// rounded half away from zero (as MoneyVnd::MultiplyBy).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.h"

namespace ansinh::core {

enum class FeeKind { kFixed, kPercent };

std::string_view FeeKindCode(FeeKind kind);  // "FIXED" | "PERCENT"
std::optional<FeeKind> ParseFeeKind(std::string_view code);

class FeeRule {
 public:
  static constexpr std::int64_t kMaxBasisPoints = 10'000;      // 100 %
  static constexpr std::int64_t kMaxFixedVnd = 1'000'000'000;  // a sanity bound

  // Errors (kInvalidInput, field in details): fee.fixed_invalid (outside
  // 0..kMaxFixedVnd), fee.bps_invalid (outside 0..kMaxBasisPoints),
  // fee.bounds_invalid (negative min or max, or min > max).
  static Result<FeeRule> Fixed(std::int64_t fixed_vnd);
  static Result<FeeRule> Percent(std::int64_t basis_points, std::int64_t min_vnd,
                                 std::int64_t max_vnd);

  // The fee of one transaction of `amount_vnd` (≥ 0). Never negative, never
  // overflows. REQUIRES: 0 ≤ amount_vnd ≤ 10^14 (bps ≤ 10^4 keeps the product in int64).
  std::int64_t FeeFor(std::int64_t amount_vnd) const;

  FeeKind kind() const { return kind_; }
  std::int64_t fixed_vnd() const { return fixed_vnd_; }
  std::int64_t basis_points() const { return basis_points_; }
  std::int64_t min_vnd() const { return min_vnd_; }
  std::int64_t max_vnd() const { return max_vnd_; }

 private:
  FeeRule(FeeKind kind, std::int64_t fixed_vnd, std::int64_t bps, std::int64_t min_vnd,
          std::int64_t max_vnd)
      : kind_(kind),
        fixed_vnd_(fixed_vnd),
        basis_points_(bps),
        min_vnd_(min_vnd),
        max_vnd_(max_vnd) {}

  FeeKind kind_;
  std::int64_t fixed_vnd_;
  std::int64_t basis_points_;
  std::int64_t min_vnd_;
  std::int64_t max_vnd_;
};

}  // namespace ansinh::core
