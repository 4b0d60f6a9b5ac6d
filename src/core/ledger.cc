#include "core/ledger.h"

#include <utility>

namespace ansinh::core {
namespace {

struct AccountName {
  LedgerAccount account;
  std::string_view code;
};

constexpr AccountName kNames[] = {
    {LedgerAccount::kBudget, "budget"},
    {LedgerAccount::kPayable, "payable"},
    {LedgerAccount::kTreasuryAdvance, "treasury_advance"},
    {LedgerAccount::kProviderFloat, "provider_float"},
    {LedgerAccount::kCashHeld, "cash_held"},
    {LedgerAccount::kPaid, "paid"},
    {LedgerAccount::kReturned, "returned"},
    {LedgerAccount::kServiceFees, "service_fees"},
    {LedgerAccount::kRecoveryReceivable, "recovery_receivable"},
};

Error LedgerError(std::string code, std::string message) {
  return MakeError(ErrorKind::kInternal, std::move(code), std::move(message));
}

}  // namespace

std::string_view LedgerAccountCode(LedgerAccount account) {
  for (const auto& name : kNames) {
    if (name.account == account) return name.code;
  }
  return "unknown";
}

std::optional<LedgerAccount> ParseLedgerAccount(std::string_view code) {
  for (const auto& name : kNames) {
    if (name.code == code) return name.account;
  }
  return std::nullopt;
}

Result<LedgerTransfer> LedgerTransfer::Make(std::vector<LedgerLeg> legs) {
  if (legs.size() < 2) {
    return Fail(LedgerError("ledger.empty", "Bút toán cần ít nhất hai vế."));
  }
  std::int64_t sum_vnd = 0;
  for (const LedgerLeg& leg : legs) {
    if (leg.amount_vnd == 0) {
      return Fail(LedgerError("ledger.zero_leg", "Bút toán có một vế bằng 0 đồng."));
    }
    if (__builtin_add_overflow(sum_vnd, leg.amount_vnd, &sum_vnd)) {
      return Fail(LedgerError("ledger.overflow", "Tổng bút toán vượt quá giới hạn."));
    }
  }
  if (sum_vnd != 0) {
    return Fail(LedgerError("ledger.unbalanced", "Bút toán không cân: tổng các vế là " +
                                                     std::to_string(sum_vnd) + " đồng."));
  }
  return LedgerTransfer(std::move(legs));
}

Result<LedgerTransfer> LedgerTransfer::Move(LedgerAccount from, LedgerAccount to,
                                            std::int64_t amount_vnd) {
  if (amount_vnd < 0) {
    return Fail(LedgerError("ledger.negative_amount", "Số tiền chuyển không được âm."));
  }
  if (amount_vnd == 0) return LedgerTransfer({});
  return Make({{from, -amount_vnd}, {to, amount_vnd}});
}

}  // namespace ansinh::core
