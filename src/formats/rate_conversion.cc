#include "formats/rate_conversion.h"

#include <utility>

namespace ansinh::formats {
namespace {

// Prefixes the message with what the row is ("Chế độ BTXH-5.1: …") and
// names it in the details, so a bad row among hundreds can be found.
Error Named(Error error, const char* field, const std::string& value, const std::string& label) {
  error.message = label + " " + value + ": " + error.message;
  error.details.push_back(ErrorDetail{0, field, error.code, value});
  return error;
}

tl::unexpected<Error> Invalid(std::string code, std::string message) {
  return Fail(ErrorKind::kInvalidInput, std::move(code), std::move(message));
}

Result<core::Date> ParseDate(const std::string& text, const char* field) {
  auto date = core::Date::Parse(text);
  if (!date) {
    return Invalid("rate.date_invalid",
                   std::string("Ngày ") + field + " \"" + text + "\" không hợp lệ");
  }
  return date;
}

Result<core::PolicyRate> Convert(const PolicyRateRecord& record) {
  auto from = ParseDate(record.effective_from, "hiệu lực");
  if (!from) return Fail(std::move(from.error()));
  core::PolicyRate rate{.policy_code = record.policy_code,
                        .group = core::BeneficiaryGroup::kBtxh,
                        .basis = core::RateBasis::kCoefficient,
                        .age_from = record.age_from_years,
                        .age_to = record.age_to_years,
                        .coefficient = std::nullopt,
                        .amount = std::nullopt,
                        .effective_from = *from,
                        .effective_to = std::nullopt};
  auto group = core::ParseBeneficiaryGroup(record.group);
  if (!group) return Invalid("rate.group_unknown", "Nhóm \"" + record.group + "\" không hợp lệ");
  rate.group = *group;
  if (record.basis == "COEFFICIENT") {
    rate.basis = core::RateBasis::kCoefficient;
  } else if (record.basis == "FIXED") {
    rate.basis = core::RateBasis::kFixed;
  } else {
    return Invalid("rate.basis_unknown",
                   "Cách tính \"" + record.basis + "\" không hợp lệ (COEFFICIENT hoặc FIXED)");
  }
  if (record.coefficient) {
    auto coefficient = core::Coefficient::Parse(*record.coefficient);
    if (!coefficient) {
      return Invalid("rate.coefficient_invalid",
                     "Hệ số \"" + *record.coefficient + "\" không hợp lệ");
    }
    rate.coefficient = *coefficient;
  }
  if (record.amount_vnd) rate.amount = core::MoneyVnd::FromDong(*record.amount_vnd);
  if (record.effective_to) {
    auto to = ParseDate(*record.effective_to, "hết hiệu lực");
    if (!to) return Fail(std::move(to.error()));
    rate.effective_to = *to;
  }
  return rate;
}

}  // namespace

Result<core::PolicyRate> ToPolicyRate(const PolicyRateRecord& record) {
  auto rate = Convert(record);
  if (!rate)
    return Fail(Named(std::move(rate.error()), "policy_code", record.policy_code, "Chế độ"));
  // The core's messages already name the policy.
  if (auto ok = core::ValidatePolicyRate(*rate); !ok) return Fail(std::move(ok.error()));
  return rate;
}

Result<core::StandardLevel> ToStandardLevel(const StandardLevelRecord& record) {
  auto from = ParseDate(record.effective_from, "hiệu lực");
  if (!from) return Fail(Named(std::move(from.error()), "kind", record.kind, "Mức chuẩn"));
  core::StandardLevel level{record.kind, core::MoneyVnd::FromDong(record.amount_vnd), *from};
  if (auto ok = core::ValidateStandardLevel(level); !ok) return Fail(std::move(ok.error()));
  return level;
}

Result<std::vector<core::PolicyRate>> ToPolicyRates(const std::vector<PolicyRateRecord>& records) {
  std::vector<core::PolicyRate> rates;
  rates.reserve(records.size());
  for (const PolicyRateRecord& record : records) {
    auto rate = ToPolicyRate(record);
    if (!rate) return Fail(std::move(rate.error()));
    rates.push_back(std::move(*rate));
  }
  return rates;
}

Result<std::vector<core::StandardLevel>> ToStandardLevels(
    const std::vector<StandardLevelRecord>& records) {
  std::vector<core::StandardLevel> levels;
  levels.reserve(records.size());
  for (const StandardLevelRecord& record : records) {
    auto level = ToStandardLevel(record);
    if (!level) return Fail(std::move(level.error()));
    levels.push_back(std::move(*level));
  }
  return levels;
}

Result<core::RateTable> MakeRateTable(const std::vector<StandardLevelRecord>& levels,
                                      const std::vector<PolicyRateRecord>& rates) {
  auto core_levels = ToStandardLevels(levels);
  if (!core_levels) return Fail(std::move(core_levels.error()));
  auto core_rates = ToPolicyRates(rates);
  if (!core_rates) return Fail(std::move(core_rates.error()));
  return core::RateTable(std::move(*core_levels), std::move(*core_rates));
}

}  // namespace ansinh::formats
