// core::FeeRule: fixed fees, percentages in basis points with min/max, the
// rounding of a fraction of a đồng, and the rules' bounds.
#include "core/fee_rule.h"

#include <gtest/gtest.h>

#include "unit/error_expectations.h"

namespace ansinh::core {
namespace {

TEST(FeeRuleTest, FixedFeeIsTheSameForEveryAmount) {
  auto rule = FeeRule::Fixed(3'300);
  ASSERT_TRUE(rule);
  EXPECT_EQ(rule->FeeFor(0), 3'300);
  EXPECT_EQ(rule->FeeFor(7'500'000), 3'300);
  EXPECT_EQ(rule->kind(), FeeKind::kFixed);
}

TEST(FeeRuleTest, PercentIsRoundedHalfAwayFromZeroAndBounded) {
  auto rule = FeeRule::Percent(55, 2'000, 20'000);  // 0.55 %
  ASSERT_TRUE(rule);
  struct Case {
    std::int64_t amount_vnd;
    std::int64_t fee_vnd;
  };
  for (const Case& c : {Case{360'000, 2'000},         // 1,980 → the minimum
                        Case{500'000, 2'750},         // exact
                        Case{750'100, 4'126},         // 4,125.55 → 4,126
                        Case{750'090, 4'125},         // 4,125.495 → 4,125
                        Case{818'100, 4'500},         // 4,499.55 → 4,500
                        Case{10'000'000, 20'000}}) {  // 55,000 → the maximum
    EXPECT_EQ(rule->FeeFor(c.amount_vnd), c.fee_vnd) << c.amount_vnd;
  }
  auto half = FeeRule::Percent(1, 0, 1'000'000);  // 0.01 %
  ASSERT_TRUE(half);
  EXPECT_EQ(half->FeeFor(5'000), 1);  // 0.5 → 1
  EXPECT_EQ(half->FeeFor(4'999), 0);  // 0.4999 → 0
}

TEST(FeeRuleTest, RulesOutsideTheirBoundsAreRefused) {
  test::ExpectError(FeeRule::Fixed(-1), "fee.fixed_invalid");
  test::ExpectError(FeeRule::Percent(10'001, 0, 0), "fee.bps_invalid");
  test::ExpectError(FeeRule::Percent(-1, 0, 0), "fee.bps_invalid");
  test::ExpectError(FeeRule::Percent(50, 5'000, 4'000), "fee.bounds_invalid");
  test::ExpectError(FeeRule::Percent(50, -1, 4'000), "fee.bounds_invalid");
  EXPECT_EQ(ParseFeeKind("PERCENT"), FeeKind::kPercent);
  EXPECT_EQ(FeeKindCode(FeeKind::kFixed), "FIXED");
  EXPECT_FALSE(ParseFeeKind("percent"));
}

}  // namespace
}  // namespace ansinh::core
