// The amount rule on the shipped rates (data-driven), the age convention, and
// the table's own rules on small hand-made tables.
#include "core/rate_table.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "unit/error_expectations.h"
#include "unit/payroll_test_support.h"
#include "unit/test_table.h"

namespace ansinh::core {
namespace {

using test::Day;
using test::Dong;
using test::ExpectError;
using test::IsErrorCode;
using test::Month;
using test::ReadTable;
using test::RowName;
using test::ShippedRates;
using test::TableRow;

Entitlement MakeEntitlement(const std::string& policy, std::optional<MoneyVnd> fixed = {}) {
  return Entitlement{policy, Month("2000-01"), std::nullopt, "QĐ 1/2024", fixed};
}

class RateMonthlyAmountTable : public ::testing::TestWithParam<TableRow> {};

TEST_P(RateMonthlyAmountTable, FollowsTheAmountRule) {
  const TableRow& row = GetParam();
  std::optional<MoneyVnd> fixed;
  if (!row.at(3).empty()) fixed = Dong(std::stoll(row.at(3)));
  Result<MoneyVnd> amount = ShippedRates().MonthlyAmount(MakeEntitlement(row.at(0), fixed),
                                                         Day(row.at(1)), Month(row.at(2)));
  const std::string& expected = row.at(4);
  if (IsErrorCode(expected)) {
    ExpectError(amount, expected);
    ASSERT_EQ(amount.error().details.size(), 2u);
    EXPECT_EQ(amount.error().details[0].message, row.at(0));
    EXPECT_EQ(amount.error().details[1].message, row.at(2));
    EXPECT_NE(amount.error().message.find(row.at(0)), std::string::npos);
    EXPECT_NE(amount.error().message.find(row.at(2)), std::string::npos);
    return;
  }
  ASSERT_TRUE(amount.has_value()) << amount.error().message;
  EXPECT_EQ(amount->dong(), std::stoll(expected));
}

INSTANTIATE_TEST_SUITE_P(Shipped, RateMonthlyAmountTable,
                         ::testing::ValuesIn(ReadTable("rate_monthly_amount.csv")), RowName());

// The month-number shortcut used by the cycle agrees with Date::AgeOn on the
// first day of every month, for awkward birth dates.
TEST(RateAgeTest, AgeInMonthEqualsAgeOnTheFirstDay) {
  for (const char* birth_text : {"1944-02-29", "1950-01-01", "1950-01-31", "1950-12-01",
                                 "1950-12-31", "1950", "2020-09-01", "2020-09-02"}) {
    const Date birth = Day(birth_text);
    const int base = AgeBaseMonth(birth);
    for (int year = 1940; year <= 2060; ++year) {
      for (int month = 1; month <= 12; ++month) {
        const Period period = Period::FromYearMonth(year, month).value();
        ASSERT_EQ(AgeInMonth(base, MonthNumber(period)), AgeOn(birth, period.FirstDay()))
            << birth_text << " in " << period.ToString();
      }
    }
  }
}

TEST(RateAgeTest, MonthsOfDates) {
  EXPECT_EQ(PeriodOfMonthNumber(FirstMonthOnOrAfter(Day("2024-07-01"))), Month("2024-07"));
  EXPECT_EQ(PeriodOfMonthNumber(FirstMonthOnOrAfter(Day("2024-07-02"))), Month("2024-08"));
  EXPECT_EQ(PeriodOfMonthNumber(FirstMonthOnOrAfter(Day("2024-12-15"))), Month("2025-01"));
  EXPECT_EQ(PeriodOfMonthNumber(FirstMonthOnOrAfter(Day("2024"))), Month("2024-01"));
  EXPECT_EQ(PeriodOfMonthNumber(LastMonthOnOrBefore(Day("2024-06-30"))), Month("2024-06"));
  EXPECT_EQ(PeriodOfMonthNumber(LastMonthOnOrBefore(Day("2024-07-01"))), Month("2024-07"));
}

PolicyRate CoefficientRate(const std::string& code, const char* coefficient, const char* from,
                           int age_from = 0, std::optional<int> age_to = {},
                           std::optional<Date> to = {}) {
  return PolicyRate{code,
                    BeneficiaryGroup::kBtxh,
                    RateBasis::kCoefficient,
                    age_from,
                    age_to,
                    Coefficient::Parse(coefficient).value(),
                    std::nullopt,
                    Day(from),
                    to};
}

PolicyRate FixedRate(const std::string& code, std::optional<MoneyVnd> amount, const char* from,
                     std::optional<Date> to = {}) {
  return PolicyRate{code,
                    BeneficiaryGroup::kNcc,
                    RateBasis::kFixed,
                    0,
                    std::nullopt,
                    std::nullopt,
                    amount,
                    Day(from),
                    to};
}

StandardLevel Level(const char* kind, std::int64_t amount, const char* from) {
  return StandardLevel{kind, Dong(amount), Day(from)};
}

Result<MoneyVnd> Amount(const RateTable& table, const std::string& policy, const char* month,
                        std::optional<MoneyVnd> fixed = {}) {
  return table.MonthlyAmount(MakeEntitlement(policy, fixed), Day("1950-01-01"), Month(month));
}

TEST(RateTableTest, AmountByDecisionComesFromTheEntitlement) {
  RateTable table({}, {FixedRate("NCC-X", std::nullopt, "2024-01-01")});
  EXPECT_EQ(Amount(table, "NCC-X", "2024-03", Dong(1'234'000))->dong(), 1'234'000);
  ExpectError(Amount(table, "NCC-X", "2024-03"), "payroll.amount_missing");
}

TEST(RateTableTest, TheRowsAmountWinsOverTheEntitlements) {
  RateTable table({}, {FixedRate("NCC-X", Dong(2'000'000), "2024-01-01")});
  EXPECT_EQ(Amount(table, "NCC-X", "2024-03", Dong(1'234'000))->dong(), 2'000'000);
}

TEST(RateTableTest, TheLaterRowWinsWhereRowsOverlap) {
  // An officer adds a new coefficient from 2025-01 without closing the old row.
  RateTable table(
      {Level("BTXH_STANDARD", 500'000, "2024-07-01")},
      {CoefficientRate("P", "1.5", "2024-07-01", 60), CoefficientRate("P", "2", "2025-01-01", 70)});
  const Date born = Day("1962-06-15");   // 62 in 2025-01: only the old row's band
  const Date older = Day("1940-06-15");  // 84
  EXPECT_EQ(table.MonthlyAmount(MakeEntitlement("P"), born, Month("2025-01"))->dong(), 750'000);
  EXPECT_EQ(table.MonthlyAmount(MakeEntitlement("P"), older, Month("2024-12"))->dong(), 750'000);
  EXPECT_EQ(table.MonthlyAmount(MakeEntitlement("P"), older, Month("2025-01"))->dong(), 1'000'000);
}

TEST(RateTableTest, DatesInsideAMonthCountOnTheFirstDay) {
  // A level from the 15th is first in force on the next month's first day;
  // a rate ending on the 15th is still in force on that month's first day.
  RateTable table({Level("BTXH_STANDARD", 360'000, "2021-07-01"),
                   Level("BTXH_STANDARD", 500'000, "2024-07-15")},
                  {CoefficientRate("P", "1", "2021-07-01", 0, std::nullopt, Day("2024-09-15"))});
  EXPECT_EQ(Amount(table, "P", "2024-07")->dong(), 360'000);
  EXPECT_EQ(Amount(table, "P", "2024-08")->dong(), 500'000);
  EXPECT_EQ(Amount(table, "P", "2024-09")->dong(), 500'000);
  ExpectError(Amount(table, "P", "2024-10"), "payroll.rate_missing");
}

TEST(RateTableTest, ACoefficientNeedsAStandardLevelInForce) {
  RateTable table({Level("BTXH_STANDARD", 500'000, "2024-07-01")},
                  {CoefficientRate("P", "1.5", "2021-07-01")});
  ExpectError(Amount(table, "P", "2024-06"), "payroll.standard_level_missing");
  EXPECT_EQ(Amount(table, "P", "2024-07")->dong(), 750'000);
}

TEST(RateTableTest, NccCoefficientsMultiplyTheNccLevel) {
  PolicyRate rate = CoefficientRate("NCC-C", "1.2", "2024-07-01");
  rate.group = BeneficiaryGroup::kNcc;
  RateTable table({Level("BTXH_STANDARD", 500'000, "2024-07-01"),
                   Level("NCC_STANDARD", 2'789'000, "2024-07-01")},
                  {rate});
  EXPECT_EQ(Amount(table, "NCC-C", "2024-07")->dong(), 3'346'800);
  EXPECT_EQ(table.PolicyGroup("NCC-C"), BeneficiaryGroup::kNcc);
  EXPECT_EQ(table.PolicyGroup("NONE"), std::nullopt);
}

TEST(RateTableTest, RoundsHalfAwayFromZero) {
  RateTable table({Level("BTXH_STANDARD", 333'333, "2024-07-01")},
                  {CoefficientRate("P", "1.5", "2024-07-01")});
  EXPECT_EQ(Amount(table, "P", "2024-07")->dong(), 500'000);  // 499,999.5 → 500,000
}

TEST(RateTableTest, InvalidRowsNeverReachTheTable) {
  PolicyRate no_coefficient = CoefficientRate("P", "1", "2024-07-01");
  no_coefficient.coefficient.reset();
  ExpectError(ValidatePolicyRate(no_coefficient), "rate.basis_mismatch");
  ExpectError(ValidatePolicyRate(CoefficientRate("P", "1", "2024-07-01", 10, 10)),
              "rate.age_band_invalid");
  ExpectError(ValidatePolicyRate(CoefficientRate("P", "1", "2024-07-02", 0, {}, Day("2024-07-31"))),
              "rate.window_invalid");
  ExpectError(ValidatePolicyRate(FixedRate("N", Dong(0), "2024-07-01")), "rate.amount_invalid");
  ExpectError(ValidatePolicyRate(FixedRate("", Dong(1), "2024-07-01")), "rate.policy_code_empty");
  ExpectError(ValidateStandardLevel(Level("OTHER", 1, "2024-07-01")), "rate.level_kind_unknown");
  ExpectError(ValidateStandardLevel(Level("BTXH_STANDARD", 0, "2024-07-01")),
              "rate.amount_invalid");
  RateTable table({}, {no_coefficient});
  ExpectError(Amount(table, "P", "2024-07"), "payroll.policy_unknown");
}

}  // namespace
}  // namespace ansinh::core
