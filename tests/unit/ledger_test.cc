// core::LedgerTransfer refuses every transfer that does not balance.
#include "core/ledger.h"

#include <gtest/gtest.h>

#include "unit/error_expectations.h"

namespace ansinh::core {
namespace {

using A = LedgerAccount;

TEST(LedgerTransferTest, BalancedLegsAreAccepted) {
  auto transfer = LedgerTransfer::Make({{A::kBudget, -1'000'000},
                                        {A::kPayable, 950'000},
                                        {A::kRecoveryReceivable, -50'000},
                                        {A::kBudget, 100'000}});
  ASSERT_TRUE(transfer) << transfer.error().message;
  EXPECT_EQ(transfer->legs().size(), 4u);
}

TEST(LedgerTransferTest, UnbalancedEmptyOrZeroLegsAreRefused) {
  test::ExpectError(LedgerTransfer::Make({{A::kBudget, -1'000'000}, {A::kPayable, 999'999}}),
                    "ledger.unbalanced", ErrorKind::kInternal);
  test::ExpectError(LedgerTransfer::Make({{A::kPayable, 0}, {A::kPaid, 0}}), "ledger.zero_leg",
                    ErrorKind::kInternal);
  test::ExpectError(LedgerTransfer::Make({}), "ledger.empty", ErrorKind::kInternal);
  test::ExpectError(LedgerTransfer::Make({{A::kPaid, 5}}), "ledger.empty", ErrorKind::kInternal);
  test::ExpectError(
      LedgerTransfer::Make({{A::kBudget, INT64_MAX}, {A::kPaid, INT64_MAX}, {A::kPayable, -1}}),
      "ledger.overflow", ErrorKind::kInternal);
}

TEST(LedgerTransferTest, MoveTakesFromOneAccountAndGivesToAnother) {
  auto move = LedgerTransfer::Move(A::kPayable, A::kProviderFloat, 750'000);
  ASSERT_TRUE(move);
  ASSERT_EQ(move->legs().size(), 2u);
  EXPECT_EQ(move->legs()[0].account, A::kPayable);
  EXPECT_EQ(move->legs()[0].amount_vnd, -750'000);
  EXPECT_EQ(move->legs()[1].account, A::kProviderFloat);
  EXPECT_EQ(move->legs()[1].amount_vnd, 750'000);
  auto nothing = LedgerTransfer::Move(A::kPayable, A::kPaid, 0);
  ASSERT_TRUE(nothing);
  EXPECT_TRUE(nothing->empty());
  test::ExpectError(LedgerTransfer::Move(A::kPayable, A::kPaid, -1), "ledger.negative_amount",
                    ErrorKind::kInternal);
}

TEST(LedgerTransferTest, AccountCodesRoundTrip) {
  for (LedgerAccount account : kAllLedgerAccounts) {
    EXPECT_EQ(ParseLedgerAccount(LedgerAccountCode(account)), account);
  }
  EXPECT_EQ(LedgerAccountCode(A::kRecoveryReceivable), "recovery_receivable");
  EXPECT_FALSE(ParseLedgerAccount("cash"));
}

}  // namespace
}  // namespace ansinh::core
