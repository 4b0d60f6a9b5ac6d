#include "core/period.h"

#include <gtest/gtest.h>

#include <string>

#include "unit/error_expectations.h"
#include "unit/test_table.h"

namespace ansinh::core {
namespace {

using test::ExpectError;
using test::IsErrorCode;
using test::ReadTable;
using test::RowName;
using test::TableRow;

Period MustParsePeriod(const std::string& text) {
  Result<Period> period = Period::Parse(text);
  EXPECT_TRUE(period.has_value()) << text;
  return period.value();
}

void ExpectPeriod(const Result<Period>& result, const std::string& expected) {
  if (IsErrorCode(expected)) {
    ExpectError(result, expected);
    return;
  }
  ASSERT_TRUE(result.has_value()) << result.error().code;
  EXPECT_EQ(result->ToString(), expected);
}

class PeriodParseTable : public ::testing::TestWithParam<TableRow> {};

TEST_P(PeriodParseTable, ParsesOrNamesTheError) {
  const TableRow& row = GetParam();
  ASSERT_TRUE(row.at(0) == "iso" || row.at(0) == "month_year") << row.at(0);
  ExpectPeriod(row.at(0) == "iso" ? Period::Parse(row.at(1)) : Period::ParseMonthYear(row.at(1)),
               row.at(2));
}

INSTANTIATE_TEST_SUITE_P(Cases, PeriodParseTable,
                         ::testing::ValuesIn(ReadTable("period_parse.csv")), RowName());

class PeriodArithmeticTable : public ::testing::TestWithParam<TableRow> {};

TEST_P(PeriodArithmeticTable, AddsMonthsWithinRange) {
  const TableRow& row = GetParam();
  Period start = MustParsePeriod(row.at(0));
  const int months = std::stoi(row.at(1));
  Result<Period> moved = start.PlusMonths(months);
  ExpectPeriod(moved, row.at(2));
  if (moved) {
    EXPECT_EQ(start.MonthsUntil(*moved), months);
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, PeriodArithmeticTable,
                         ::testing::ValuesIn(ReadTable("period_arith.csv")), RowName());

TEST(Period, MonthsUntilIsSigned) {
  EXPECT_EQ(MustParsePeriod("2024-07").MonthsUntil(MustParsePeriod("2024-10")), 3);
  EXPECT_EQ(MustParsePeriod("2024-10").MonthsUntil(MustParsePeriod("2024-07")), -3);
  EXPECT_EQ(MustParsePeriod("2023-12").MonthsUntil(MustParsePeriod("2024-01")), 1);
  EXPECT_EQ(MustParsePeriod("2024-07").MonthsUntil(MustParsePeriod("2024-07")), 0);
}

TEST(Period, FirstAndLastDay) {
  EXPECT_EQ(MustParsePeriod("2024-02").FirstDay().ToIso(), "2024-02-01");
  EXPECT_EQ(MustParsePeriod("2024-02").LastDay().ToIso(), "2024-02-29");
  EXPECT_EQ(MustParsePeriod("2023-02").LastDay().ToIso(), "2023-02-28");
  EXPECT_EQ(MustParsePeriod("2199-12").LastDay().ToIso(), "2199-12-31");
  EXPECT_FALSE(MustParsePeriod("1900-01").FirstDay().is_year_only());
}

TEST(Period, OrdersChronologically) {
  EXPECT_LT(MustParsePeriod("2023-12"), MustParsePeriod("2024-01"));
  EXPECT_LT(MustParsePeriod("2024-01"), MustParsePeriod("2024-02"));
  EXPECT_EQ(MustParsePeriod("2024-07"), *Period::ParseMonthYear("7/2024"));
  EXPECT_EQ(MustParsePeriod("2024-07"), *Period::FromYearMonth(2024, 7));
}

TEST(Period, FromYearMonthChecksRanges) {
  ExpectError(Period::FromYearMonth(2024, 13), "period.month_out_of_range");
  ExpectError(Period::FromYearMonth(1899, 12), "period.year_out_of_range");
}

}  // namespace
}  // namespace ansinh::core
