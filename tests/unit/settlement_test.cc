// core/settlement: the settlement equation of both routes, to the đồng, and
// the stage of a pay cycle.
#include "core/settlement.h"

#include <gtest/gtest.h>

namespace ansinh::core {
namespace {

SettlementItem Item(const char* line, const char* channel, std::int64_t vnd, const char* status) {
  return {line, channel, vnd, status, true, false, std::nullopt};
}

SettlementItem Reissued(const char* line, const char* channel, std::int64_t vnd,
                        std::optional<std::string> now_with) {
  return {line, channel, vnd, "pending", false, false, std::move(now_with)};
}

const ChannelFigures& Channel(const SettlementFigures& f, const char* channel) {
  for (const auto& c : f.channels) {
    if (c.channel == channel) return c;
  }
  static const ChannelFigures none;
  ADD_FAILURE() << "no channel " << channel;
  return none;
}

TEST(SettlementTest, AdvanceEqualsPaidPlusReturnedPlusFeesWithTheSurplusReturned) {
  const std::vector<SettlementItem> items = {
      Item("L1", "BANK_ACCOUNT", 750'000, "paid"),
      Item("L2", "BANK_ACCOUNT", 750'000, "failed"),
      Item("L3", "CASH_PAYPOINT", 500'000, "paid_cash"),
      Item("L4", "CASH_HOME", 400'000, "returned"),
      Item("L5", "MOBILE_MONEY", 0, "paid"),  // netted to nothing: not counted
  };
  auto f = ComputeSettlement("PROVIDER", "VNPOST", 3'000'000, 12'000, items);
  EXPECT_EQ(f.paid_account_vnd, 750'000);
  EXPECT_EQ(f.paid_cash_vnd, 500'000);
  EXPECT_EQ(f.returned_transfers_vnd, 1'150'000);
  EXPECT_EQ(f.surplus_vnd, 3'000'000 - 750'000 - 500'000 - 1'150'000 - 12'000);
  EXPECT_EQ(f.returned_vnd, 1'150'000 + f.surplus_vnd);
  EXPECT_EQ(f.difference_vnd, 0);
  EXPECT_EQ(f.to_budget_vnd, 1'150'000);
  EXPECT_EQ(Channel(f, "BANK_ACCOUNT").lines, 2);
  EXPECT_EQ(Channel(f, "BANK_ACCOUNT").returned_vnd, 750'000);
  EXPECT_EQ(Channel(f, "CASH_HOME").returned_vnd, 400'000);
  EXPECT_EQ(Channel(f, "MOBILE_MONEY").lines, 0);
  EXPECT_TRUE(f.unresolved_lines.empty());
}

TEST(SettlementTest, AShortAdvanceDoesNotBalanceAndSaysByHowMuch) {
  auto f = ComputeSettlement("PROVIDER", "VNPOST", 1'000'000, 3'000,
                             {Item("L1", "BANK_ACCOUNT", 1'000'000, "paid")});
  EXPECT_EQ(f.surplus_vnd, 0);
  EXPECT_EQ(f.difference_vnd, -3'000);
}

TEST(SettlementTest, UnclaimedCashIsReturnedButAlreadyInTheBudget) {
  SettlementItem unclaimed = Item("L1", "CASH_PAYPOINT", 500'000, "returned");
  unclaimed.unclaimed = true;
  auto f = ComputeSettlement("PROVIDER", "VNPOST", 500'000, 0, {unclaimed});
  EXPECT_EQ(f.returned_vnd, 500'000);
  EXPECT_EQ(f.to_budget_vnd, 0);
  EXPECT_EQ(f.difference_vnd, 0);
}

TEST(SettlementTest, LinesWithoutAResultAndReissuesWaitingAreNamed) {
  auto f = ComputeSettlement("PROVIDER", "VNPOST", 2'000'000, 0,
                             {Item("L1", "BANK_ACCOUNT", 750'000, "sent"),
                              Reissued("L2", "BANK_ACCOUNT", 750'000, std::nullopt)});
  EXPECT_EQ(f.unresolved_lines, std::vector<std::string>{"L1"});
  EXPECT_EQ(f.awaiting_lines, std::vector<std::string>{"L2"});
}

TEST(SettlementTest, ReissueThroughTheSameProviderSpendsTheMoneyThere) {
  // L2 failed at the bank and was paid in cash by the same provider; L3
  // failed and went to another payer (a route changed), so it comes back.
  auto f = ComputeSettlement("PROVIDER", "VNPOST", 2'250'000, 0,
                             {Item("L1", "BANK_ACCOUNT", 750'000, "paid"),
                              Reissued("L2", "BANK_ACCOUNT", 750'000, "VNPOST"),
                              Reissued("L3", "BANK_ACCOUNT", 750'000, "970436"),
                              Reissued("L3", "CASH_PAYPOINT", 750'000, "970436"),
                              Item("L2", "CASH_PAYPOINT", 750'000, "paid_cash")});
  EXPECT_EQ(f.paid_account_vnd, 750'000);
  EXPECT_EQ(f.paid_cash_vnd, 750'000);
  EXPECT_EQ(f.returned_transfers_vnd, 750'000);  // L3 once
  EXPECT_EQ(f.to_budget_vnd, 0);                 // the ledger re-used it through payable
  EXPECT_EQ(f.difference_vnd, 0);
}

TEST(SettlementTest, PaymentOrdersEqualPaidPlusReturnedOnRoute2) {
  // Every attempt was a transfer of an order: the re-issued one came back.
  const std::vector<SettlementItem> items = {
      Item("N1", "BANK_ACCOUNT", 2'055'000, "paid"),
      Reissued("N2", "BANK_ACCOUNT", 2'055'000, "KBNN"),
      Item("N2", "CASH_PAYPOINT", 2'055'000, "paid_cash"),
      Item("N3", "BANK_ACCOUNT", 2'055'000, "returned"),
  };
  auto f = ComputeSettlement("TREASURY_DIRECT", "KBNN", 4 * 2'055'000, 0, items);
  EXPECT_EQ(f.paid_account_vnd + f.paid_cash_vnd, 2 * 2'055'000);
  EXPECT_EQ(f.returned_vnd, 2 * 2'055'000);
  EXPECT_EQ(f.surplus_vnd, 0);
  EXPECT_EQ(f.difference_vnd, 0);
  EXPECT_EQ(f.to_budget_vnd, 2'055'000);  // N3; N2's money went out again
  // An order beyond the list is no surplus on route 2: it does not balance.
  EXPECT_EQ(
      ComputeSettlement("TREASURY_DIRECT", "KBNN", 4 * 2'055'000 + 1, 0, items).difference_vnd, 1);
}

TEST(SettlementTest, FeesAreInTheEquationOfRoute1Only) {
  const std::vector<SettlementItem> items = {Item("L1", "BANK_ACCOUNT", 100'000, "paid")};
  EXPECT_EQ(ComputeSettlement("PROVIDER", "P", 105'000, 5'000, items).difference_vnd, 0);
  EXPECT_EQ(ComputeSettlement("TREASURY_DIRECT", "KBNN", 100'000, 5'000, items).difference_vnd, 0);
}

TEST(SettlementTest, StagesAreCumulative) {
  CycleStageFacts f;
  EXPECT_EQ(DeriveCycleStage(f), CycleStage::kDraft);
  f.approved = true;
  EXPECT_EQ(DeriveCycleStage(f), CycleStage::kApproved);  // no batch yet
  f.payers = 2;
  f.payers_funded = 1;
  f.unresolved = 10;
  EXPECT_EQ(DeriveCycleStage(f), CycleStage::kApproved);
  f.payers_funded = 2;
  EXPECT_EQ(DeriveCycleStage(f), CycleStage::kFunded);
  f.results = 3;
  EXPECT_EQ(DeriveCycleStage(f), CycleStage::kDisbursing);
  f.unresolved = 0;
  f.lines_waiting = 1;  // a held line
  EXPECT_EQ(DeriveCycleStage(f), CycleStage::kDisbursing);
  f.lines_waiting = 0;
  EXPECT_EQ(DeriveCycleStage(f), CycleStage::kReconciled);
  f.payers_settled = 2;
  EXPECT_EQ(DeriveCycleStage(f), CycleStage::kSettled);
  f.lines_waiting = 1;  // released after: back to disbursing
  EXPECT_EQ(DeriveCycleStage(f), CycleStage::kDisbursing);
  EXPECT_EQ(CycleStageCode(CycleStage::kReconciled), "reconciled");
}

}  // namespace
}  // namespace ansinh::core
