#include "core/fee_rule.h"

#include <algorithm>
#include <utility>

namespace ansinh::core {
namespace {

tl::unexpected<Error> FeeError(std::string code, std::string field, std::string message) {
  Error error = MakeError(ErrorKind::kInvalidInput, code, message);
  error.details.push_back({0, std::move(field), std::move(code), std::move(message)});
  return Fail(std::move(error));
}

}  // namespace

std::string_view FeeKindCode(FeeKind kind) {
  return kind == FeeKind::kFixed ? "FIXED" : "PERCENT";
}

std::optional<FeeKind> ParseFeeKind(std::string_view code) {
  if (code == "FIXED") return FeeKind::kFixed;
  if (code == "PERCENT") return FeeKind::kPercent;
  return std::nullopt;
}

Result<FeeRule> FeeRule::Fixed(std::int64_t fixed_vnd) {
  if (fixed_vnd < 0 || fixed_vnd > kMaxFixedVnd) {
    return FeeError("fee.fixed_invalid", "fee_fixed_vnd",
                    "Phí cố định phải từ 0 đến 1.000.000.000 đồng mỗi giao dịch.");
  }
  return FeeRule(FeeKind::kFixed, fixed_vnd, 0, 0, 0);
}

Result<FeeRule> FeeRule::Percent(std::int64_t basis_points, std::int64_t min_vnd,
                                 std::int64_t max_vnd) {
  if (basis_points < 0 || basis_points > kMaxBasisPoints) {
    return FeeError("fee.bps_invalid", "fee_bps",
                    "Tỷ lệ phí phải từ 0 đến 10000 điểm cơ bản (0–100 %).");
  }
  if (min_vnd < 0 || max_vnd < 0 || min_vnd > max_vnd || max_vnd > kMaxFixedVnd) {
    return FeeError("fee.bounds_invalid", "fee_min_vnd",
                    "Phí tối thiểu và tối đa phải không âm, tối thiểu không lớn hơn tối đa.");
  }
  return FeeRule(FeeKind::kPercent, 0, basis_points, min_vnd, max_vnd);
}

std::int64_t FeeRule::FeeFor(std::int64_t amount_vnd) const {
  if (kind_ == FeeKind::kFixed) return fixed_vnd_;
  // amount × bps / 10000, half away from zero; amount ≥ 0 so "+ 5000" rounds.
  const std::int64_t scaled = amount_vnd * basis_points_;
  const std::int64_t fee_vnd = (scaled + kMaxBasisPoints / 2) / kMaxBasisPoints;
  return std::clamp(fee_vnd, min_vnd_, max_vnd_);
}

}  // namespace ansinh::core
