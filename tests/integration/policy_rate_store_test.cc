// Standard levels and policy rates: exact money and exact coefficients.
#include <gtest/gtest.h>

#include "integration/test_database.h"
#include "store/migrations.h"
#include "store/policy_rate_store.h"

namespace ansinh::store {
namespace {

class PolicyRateStoreTest : public testing_support::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    ASSERT_TRUE(ApplyMigrations(database(), testing_support::SourceMigrationsRoot()));
  }
};

formats::PolicyRateRecord CoefficientRate(std::string coefficient, int age_from) {
  formats::PolicyRateRecord rate;
  rate.policy_code = "BTXH-5.1";
  rate.group = "BTXH";
  rate.name_vi = "Trẻ em dưới 16 tuổi không có nguồn nuôi dưỡng";
  rate.basis = "COEFFICIENT";
  rate.age_from_years = age_from;
  rate.age_to_years = age_from == 0 ? 4 : 16;
  rate.coefficient = std::move(coefficient);
  rate.effective_from = "2021-07-01";
  rate.legal_basis = "NĐ 20/2021/NĐ-CP Điều 5, Điều 6";
  return rate;
}

TEST_P(PolicyRateStoreTest, CoefficientsAndAmountsRoundTripExactly) {
  auto session = database().Acquire();
  ASSERT_TRUE(session);
  auto store = MakePolicyRateStore(**session);
  formats::PolicyRateRecord fixed;
  fixed.policy_code = "NCC-TB-100";
  fixed.group = "NCC";
  fixed.name_vi = "Thương binh, tỷ lệ tổn thương cơ thể 100%";
  fixed.basis = "FIXED";
  fixed.amount_vnd = 8'944'000;
  fixed.effective_from = "2024-07-01";
  fixed.effective_to = "2099-12-31";
  fixed.legal_basis = "NĐ 77/2024/NĐ-CP Phụ lục II";
  auto inserted = store->InsertPolicyRates({CoefficientRate("2.5", 0),
                                            CoefficientRate("0.75", 4), fixed});
  ASSERT_TRUE(inserted) << inserted.error().message;
  EXPECT_EQ(*inserted, 3);
  auto rates = store->ListPolicyRates();
  ASSERT_TRUE(rates) << rates.error().message;
  ASSERT_EQ(rates->size(), 3u);
  EXPECT_EQ((*rates)[0].coefficient, "2.5");
  EXPECT_EQ((*rates)[1].coefficient, "0.75");
  EXPECT_EQ((*rates)[1].age_to_years, 16);
  EXPECT_EQ((*rates)[2].amount_vnd, 8'944'000);
  EXPECT_EQ((*rates)[2].coefficient, std::nullopt);
  EXPECT_EQ((*rates)[2].effective_to, "2099-12-31");
  EXPECT_EQ(store->InsertPolicyRates({CoefficientRate("2.5", 0)}).value(), 0);
}

TEST_P(PolicyRateStoreTest, RateWithBothCoefficientAndAmountIsRejected) {
  auto session = database().Acquire();
  ASSERT_TRUE(session);
  auto rate = CoefficientRate("1.5", 0);
  rate.amount_vnd = 540'000;
  auto inserted = MakePolicyRateStore(**session)->InsertPolicyRates({rate});
  ASSERT_FALSE(inserted);
  EXPECT_EQ(inserted.error().kind, ErrorKind::kConflict);
}

TEST_P(PolicyRateStoreTest, StandardLevelsKeepLargeAmounts) {
  auto session = database().Acquire();
  ASSERT_TRUE(session);
  auto store = MakePolicyRateStore(**session);
  const std::int64_t beyond_32_bits_vnd = 5'000'000'000;
  ASSERT_TRUE(store->InsertStandardLevels(
      {{"NCC_STANDARD", 2'789'000, "2024-07-01", "NĐ 77/2024/NĐ-CP", "verified"},
       {"TEST_STANDARD", beyond_32_bits_vnd, "2030-01-01", "test", "test"}}));
  auto levels = store->ListStandardLevels();
  ASSERT_TRUE(levels);
  ASSERT_EQ(levels->size(), 2u);
  EXPECT_EQ((*levels)[0].amount_vnd, 2'789'000);
  EXPECT_EQ((*levels)[0].effective_from, "2024-07-01");
  EXPECT_EQ((*levels)[1].amount_vnd, beyond_32_bits_vnd);
}

ANSINH_INSTANTIATE_ON_BOTH_DATABASES(PolicyRateStoreTest);

}  // namespace
}  // namespace ansinh::store
