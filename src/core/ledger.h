// The double-entry ledger of disbursement (issue 5 item 2, docs/disbursement.md):
// the accounts money passes through from the budget to a beneficiary, and the
// transfer, a set of legs that must balance to the đồng.
//
// Convention: a leg moves money INTO an account when positive and OUT of it
// when negative; an account's balance is the sum of its legs. A transfer's
// legs sum to zero, so the balances of all accounts always sum to zero too.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace ansinh::core {

enum class LedgerAccount {
  kBudget,              // ngân sách: goes negative by what was committed
  kPayable,             // phải trả đối tượng: approved, not yet handed to a payer
  kTreasuryAdvance,     // route 2: sent by the Treasury on a payment order, unconfirmed
  kProviderFloat,       // route 1: advanced to a provider for account payments, unpaid
  kCashHeld,            // cash held by a provider for pay points and home delivery
  kPaid,                // reached the beneficiary
  kReturned,            // came back (rejected, returned, unclaimed)
  kServiceFees,         // fees owed to providers
  kRecoveryReceivable,  // negative: what beneficiaries owe back (truy thu not netted)
};

inline constexpr LedgerAccount kAllLedgerAccounts[] = {
    LedgerAccount::kBudget,        LedgerAccount::kPayable,     LedgerAccount::kTreasuryAdvance,
    LedgerAccount::kProviderFloat, LedgerAccount::kCashHeld,    LedgerAccount::kPaid,
    LedgerAccount::kReturned,      LedgerAccount::kServiceFees, LedgerAccount::kRecoveryReceivable};

// "budget", "payable", "treasury_advance", ... (stored and printed).
std::string_view LedgerAccountCode(LedgerAccount account);
std::optional<LedgerAccount> ParseLedgerAccount(std::string_view code);

struct LedgerLeg {
  LedgerAccount account = LedgerAccount::kBudget;
  std::int64_t amount_vnd = 0;  // > 0 into the account, < 0 out of it; never 0
};

// A balanced movement. Valid by construction: Make refuses anything else.
class LedgerTransfer {
 public:
  // Errors (kInternal: an unbalanced transfer is a bug in the caller):
  // ledger.empty (fewer than two legs), ledger.zero_leg, ledger.overflow,
  // ledger.unbalanced (the legs do not sum to zero; the message gives the sum).
  static Result<LedgerTransfer> Make(std::vector<LedgerLeg> legs);
  // `amount_vnd` out of `from` into `to`; amount 0 gives an empty transfer
  // (no legs), which callers skip. Errors as Make; ledger.negative_amount.
  static Result<LedgerTransfer> Move(LedgerAccount from, LedgerAccount to, std::int64_t amount_vnd);

  const std::vector<LedgerLeg>& legs() const { return legs_; }
  bool empty() const { return legs_.empty(); }

 private:
  explicit LedgerTransfer(std::vector<LedgerLeg> legs) : legs_(std::move(legs)) {}
  std::vector<LedgerLeg> legs_;
};

}  // namespace ansinh::core
