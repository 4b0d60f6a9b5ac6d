#include "sims/bank/bank_rules.h"

#include <charconv>
#include <set>

#include "sims/common/sim_hash.h"

namespace ansinh::sims {

const std::vector<std::string>& KnownRejectReasons() {
  static const std::vector<std::string> reasons = {"AC01", "AC04", "AC06", "MD07"};
  return reasons;
}

Result<RejectRate> ParseRejectRate(std::string_view text) {
  const auto invalid = [text] {
    return Fail(ErrorKind::kInvalidInput, "sim.reject_invalid",
                "Tỷ lệ từ chối không hợp lệ: «" + std::string(text) +
                    "» (cần MÃ=ĐIỂM_CƠ_BẢN, ví dụ AC04=500; mã AC01, AC04, AC06 hoặc MD07).");
  };
  const auto equals = text.find('=');
  if (equals == std::string_view::npos) return invalid();
  RejectRate rate{std::string(text.substr(0, equals)), 0};
  const std::string_view number = text.substr(equals + 1);
  const auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), rate.bps);
  if (ec != std::errc() || end != number.data() + number.size()) return invalid();
  if (rate.bps < 0 || rate.bps > 10000) return invalid();
  for (const std::string& known : KnownRejectReasons()) {
    if (known == rate.reason) return rate;
  }
  return invalid();
}

Status CheckRules(const BankRules& rules) {
  std::int64_t total = 0;
  std::set<std::string> seen;
  for (const RejectRate& rate : rules.rejects) {
    total += rate.bps;
    if (!seen.insert(rate.reason).second || total > 10000) {
      return Fail(ErrorKind::kInvalidInput, "sim.rates_invalid",
                  "Tổng tỷ lệ từ chối vượt 100 % hoặc một mã lý do lặp lại.");
    }
  }
  if (rules.return_bps < 0 || rules.return_bps > 10000) {
    return Fail(ErrorKind::kInvalidInput, "sim.rates_invalid",
                "Tỷ lệ hoàn trả phải từ 0 đến 10000 điểm cơ bản.");
  }
  return {};
}

TxDecision DecideTransaction(const BankRules& rules, std::string_view end_to_end_id) {
  // One draw per transaction, cut into consecutive bands, one per reason:
  // the rates are exact shares of the draw space, not independent coins.
  const std::int64_t draw = SimDrawBps(rules.seed, "status", end_to_end_id);
  std::int64_t band_end = 0;
  for (const RejectRate& rate : rules.rejects) {
    band_end += rate.bps;
    if (draw < band_end) return {false, rate.reason};
  }
  return {true, ""};
}

std::optional<std::string> ReturnReason(const BankRules& rules, std::string_view end_to_end_id) {
  if (SimDrawBps(rules.seed, "return", end_to_end_id) >= rules.return_bps) return std::nullopt;
  static const char* const kReturnReasons[] = {"AC04", "AC06", "MD07"};
  return kReturnReasons[SimHash(rules.seed, "return-reason", end_to_end_id) % 3u];
}

}  // namespace ansinh::sims
