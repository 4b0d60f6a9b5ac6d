// Reference records → core rate types: the shipped files convert whole, and a
// bad record is named with its policy and a stable code.
#include "formats/rate_conversion.h"

#include <gtest/gtest.h>

#include "unit/error_expectations.h"
#include "unit/payroll_test_support.h"

namespace ansinh::formats {
namespace {

using test::ExpectError;

const std::filesystem::path kRateData = ANSINH_REFERENCE_DATA_DIR;

PolicyRateRecord GoodRecord() {
  PolicyRateRecord record;
  record.policy_code = "BTXH-5.1";
  record.group = "BTXH";
  record.basis = "COEFFICIENT";
  record.age_from_years = 0;
  record.age_to_years = 4;
  record.coefficient = "2.5";
  record.effective_from = "2021-07-01";
  return record;
}

TEST(RateConversionTest, ShippedFilesConvertWhole) {
  auto levels = LoadStandardLevels(kRateData / "standard_levels.csv");
  auto rates = LoadPolicyRates(kRateData / "policy_rates.csv");
  ASSERT_TRUE(levels && rates);
  auto core_levels = ToStandardLevels(*levels);
  auto core_rates = ToPolicyRates(*rates);
  ASSERT_TRUE(core_levels) << core_levels.error().message;
  ASSERT_TRUE(core_rates) << core_rates.error().message;
  EXPECT_EQ(core_levels->size(), levels->size());
  EXPECT_EQ(core_rates->size(), rates->size());
  EXPECT_EQ(core_rates->front().policy_code, "BTXH-5.1");
  EXPECT_EQ(core_rates->front().coefficient->ToString(), "2.5");
  EXPECT_EQ(core_rates->front().age_to, 4);
}

TEST(RateConversionTest, KeepsEveryField) {
  PolicyRateRecord record = GoodRecord();
  record.effective_to = "2024-06-30";
  auto rate = ToPolicyRate(record);
  ASSERT_TRUE(rate) << rate.error().message;
  EXPECT_EQ(rate->group, core::BeneficiaryGroup::kBtxh);
  EXPECT_EQ(rate->basis, core::RateBasis::kCoefficient);
  EXPECT_EQ(rate->age_from, 0);
  EXPECT_EQ(rate->effective_from.ToIso(), "2021-07-01");
  EXPECT_EQ(rate->effective_to->ToIso(), "2024-06-30");
  EXPECT_FALSE(rate->amount.has_value());
}

TEST(RateConversionTest, NamesTheBadRecord) {
  PolicyRateRecord bad_group = GoodRecord();
  bad_group.group = "XYZ";
  auto result = ToPolicyRate(bad_group);
  ExpectError(result, "rate.group_unknown");
  EXPECT_NE(result.error().message.find("BTXH-5.1"), std::string::npos);
  EXPECT_EQ(result.error().details.at(0).field, "policy_code");

  PolicyRateRecord bad_basis = GoodRecord();
  bad_basis.basis = "PERCENT";
  ExpectError(ToPolicyRate(bad_basis), "rate.basis_unknown");

  PolicyRateRecord bad_coefficient = GoodRecord();
  bad_coefficient.coefficient = "1,5";
  ExpectError(ToPolicyRate(bad_coefficient), "rate.coefficient_invalid");

  PolicyRateRecord bad_date = GoodRecord();
  bad_date.effective_from = "2021-13-01";
  ExpectError(ToPolicyRate(bad_date), "rate.date_invalid");

  PolicyRateRecord mismatch = GoodRecord();
  mismatch.amount_vnd = 100;
  ExpectError(ToPolicyRate(mismatch), "rate.basis_mismatch");

  StandardLevelRecord level{"BTXH_STANDARD", 500'000, "2024-07-01", "", ""};
  EXPECT_TRUE(ToStandardLevel(level));
  level.kind = "OTHER";
  ExpectError(ToStandardLevel(level), "rate.level_kind_unknown");
}

TEST(RateConversionTest, MakeRateTableStopsAtTheFirstBadRecord) {
  PolicyRateRecord bad = GoodRecord();
  bad.basis = "?";
  ExpectError(MakeRateTable({}, {GoodRecord(), bad}), "rate.basis_unknown");
  auto table = MakeRateTable({{"BTXH_STANDARD", 500'000, "2024-07-01", "", ""}}, {GoodRecord()});
  ASSERT_TRUE(table);
  EXPECT_NE(table->FindPolicy("BTXH-5.1"), core::RateTable::kNoPolicy);
}

}  // namespace
}  // namespace ansinh::formats
