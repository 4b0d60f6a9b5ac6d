// The bank simulator's decisions (sims/bank/bank_rules.h): deterministic by
// seed and EndToEndId, rejection shares close to the configured rates, the
// reason taken from the configured set, returns only for the configured share.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "sims/bank/bank_rules.h"

namespace ansinh::sims {
namespace {

BankRules SimRules(std::uint64_t seed) {
  return BankRules{seed, {{"AC01", 500}, {"AC04", 1000}, {"MD07", 500}}, 1000};
}

TEST(BankSimRulesTest, TheSameSeedAndIdAlwaysGiveTheSameAnswer) {
  for (int i = 0; i < 200; ++i) {
    const std::string id = "202611-" + std::to_string(i) + "-R-202611";
    const TxDecision a = DecideTransaction(SimRules(7), id);
    const TxDecision b = DecideTransaction(SimRules(7), id);
    EXPECT_EQ(a.paid, b.paid);
    EXPECT_EQ(a.reason, b.reason);
    EXPECT_EQ(ReturnReason(SimRules(7), id), ReturnReason(SimRules(7), id));
  }
}

TEST(BankSimRulesTest, SharesFollowTheRatesAndAnotherSeedChangesTheDraw) {
  std::map<std::string, int> counts;
  int returned = 0, differ = 0;
  constexpr int kLines = 20'000;
  for (int i = 0; i < kLines; ++i) {
    const std::string id = "L" + std::to_string(i);
    const TxDecision decision = DecideTransaction(SimRules(1), id);
    ++counts[decision.paid ? "ACSC" : decision.reason];
    if (decision.paid && ReturnReason(SimRules(1), id)) ++returned;
    if (decision.paid != DecideTransaction(SimRules(2), id).paid) ++differ;
  }
  EXPECT_NEAR(counts["AC01"], kLines * 5 / 100, kLines / 100);
  EXPECT_NEAR(counts["AC04"], kLines * 10 / 100, kLines / 100);
  EXPECT_NEAR(counts["MD07"], kLines * 5 / 100, kLines / 100);
  EXPECT_EQ(counts.count("AC06"), 0u);
  EXPECT_NEAR(returned, counts["ACSC"] / 10, kLines / 100);
  EXPECT_GT(differ, kLines / 10);
}

TEST(BankSimRulesTest, NoRatesMeansEverythingIsPaidAndNothingReturns) {
  const BankRules rules;
  EXPECT_TRUE(DecideTransaction(rules, "x").paid);
  EXPECT_EQ(ReturnReason(rules, "x"), std::nullopt);
}

TEST(BankSimRulesTest, RatesAreParsedAndChecked) {
  auto rate = ParseRejectRate("AC06=250");
  ASSERT_TRUE(rate);
  EXPECT_EQ(rate->reason, "AC06");
  EXPECT_EQ(rate->bps, 250);
  for (const char* bad : {"AC06", "XX01=5", "AC06=-1", "AC06=10001", "AC06=5%", "=5"}) {
    EXPECT_FALSE(ParseRejectRate(bad)) << bad;
  }
  EXPECT_FALSE(CheckRules(BankRules{1, {{"AC01", 6000}, {"AC04", 5000}}, 0}));
  EXPECT_FALSE(CheckRules(BankRules{1, {{"AC01", 10}, {"AC01", 10}}, 0}));
  EXPECT_FALSE(CheckRules(BankRules{1, {}, 10001}));
  EXPECT_TRUE(CheckRules(SimRules(1)));
}

}  // namespace
}  // namespace ansinh::sims
