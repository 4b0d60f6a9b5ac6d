// The checks a rate or standard level passes before it enters the table.
#include "core/rate_table.h"

namespace ansinh::core {
namespace {

tl::unexpected<Error> RateInvalid(std::string code, std::string message) {
  return Fail(ErrorKind::kInvalidInput, std::move(code), std::move(message));
}

}  // namespace

Status ValidatePolicyRate(const PolicyRate& rate) {
  if (rate.policy_code.empty()) {
    return RateInvalid("rate.policy_code_empty", "Mức trợ cấp thiếu mã chế độ");
  }
  const bool coefficient = rate.basis == RateBasis::kCoefficient;
  if (coefficient != rate.coefficient.has_value() || (coefficient && rate.amount)) {
    return RateInvalid("rate.basis_mismatch",
                       "Chế độ " + rate.policy_code +
                           ": mức theo hệ số cần hệ số và không ghi số tiền, mức cố định "
                           "không ghi hệ số");
  }
  if (rate.age_from < 0 || (rate.age_to && *rate.age_to <= rate.age_from)) {
    return RateInvalid("rate.age_band_invalid",
                       "Chế độ " + rate.policy_code + ": khoảng tuổi không hợp lệ");
  }
  if (rate.effective_to &&
      (*rate.effective_to < rate.effective_from ||
       FirstMonthOnOrAfter(rate.effective_from) > LastMonthOnOrBefore(*rate.effective_to))) {
    return RateInvalid(
        "rate.window_invalid",
        "Chế độ " + rate.policy_code + ": thời gian hiệu lực không chứa ngày đầu tháng nào");
  }
  if (rate.amount && rate.amount->dong() <= 0) {
    return RateInvalid("rate.amount_invalid",
                       "Chế độ " + rate.policy_code + ": số tiền phải lớn hơn 0");
  }
  return {};
}

Status ValidateStandardLevel(const StandardLevel& level) {
  if (level.kind != kBtxhStandardKind && level.kind != kNccStandardKind) {
    return RateInvalid(
        "rate.level_kind_unknown",
        "Loại mức chuẩn \"" + level.kind + "\" không hợp lệ (BTXH_STANDARD hoặc NCC_STANDARD)");
  }
  if (level.amount.dong() <= 0) {
    return RateInvalid("rate.amount_invalid", "Mức chuẩn phải lớn hơn 0");
  }
  return {};
}

}  // namespace ansinh::core
