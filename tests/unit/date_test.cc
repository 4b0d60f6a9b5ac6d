#include "core/date.h"

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

Date MustParseDate(const std::string& text) {
  Result<Date> date = Date::Parse(text);
  EXPECT_TRUE(date.has_value()) << text;
  return date.value();
}

class DateParseTable : public ::testing::TestWithParam<TableRow> {};

TEST_P(DateParseTable, ParsesOrNamesTheError) {
  Result<Date> result = Date::Parse(GetParam().at(0));
  const std::string& expected = GetParam().at(1);
  if (IsErrorCode(expected)) {
    ExpectError(result, expected);
    return;
  }
  ASSERT_TRUE(result.has_value()) << result.error().code;
  EXPECT_EQ(result->ToIso(), expected);
  EXPECT_EQ(result->is_year_only(), expected.size() == 4);
}

INSTANTIATE_TEST_SUITE_P(Cases, DateParseTable, ::testing::ValuesIn(ReadTable("date_parse.csv")),
                         RowName());

class DateAgeTable : public ::testing::TestWithParam<TableRow> {};

TEST_P(DateAgeTable, CountsCompletedYears) {
  Date birth = MustParseDate(GetParam().at(0));
  Date on = MustParseDate(GetParam().at(1));
  EXPECT_EQ(birth.AgeOn(on), std::stoi(GetParam().at(2)));
}

INSTANTIATE_TEST_SUITE_P(Cases, DateAgeTable, ::testing::ValuesIn(ReadTable("date_age.csv")),
                         RowName());

TEST(Date, YearOnlyHasNoMonthOrDay) {
  Date date = MustParseDate("1935");
  EXPECT_TRUE(date.is_year_only());
  EXPECT_EQ(date.year(), 1935);
  EXPECT_EQ(date.month(), 0);
  EXPECT_EQ(date.day(), 0);
}

TEST(Date, AllInputFormsOfOneDayAreEqual) {
  EXPECT_EQ(MustParseDate("07/03/1950"), MustParseDate("1950-03-07"));
  EXPECT_EQ(MustParseDate("7/3/1950"), *Date::FromYmd(1950, 3, 7));
  EXPECT_NE(MustParseDate("1950"), MustParseDate("1950-01-01"));
}

TEST(Date, OrdersChronologicallyWithYearOnlyFirstInItsYear) {
  EXPECT_LT(MustParseDate("1950-03-07"), MustParseDate("1950-03-08"));
  EXPECT_LT(MustParseDate("31/12/1949"), MustParseDate("1950"));
  EXPECT_LT(MustParseDate("1950"), MustParseDate("1950-01-01"));
  EXPECT_LT(MustParseDate("1950-12-31"), MustParseDate("1951"));
}

TEST(Date, FromYmdAndYearOnlyCheckRanges) {
  ExpectError(Date::FromYmd(2023, 2, 29), "date.day_out_of_range");
  ExpectError(Date::FromYmd(2024, 4, 31), "date.day_out_of_range");
  ExpectError(Date::YearOnly(1899), "date.year_out_of_range");
  ExpectError(Date::YearOnly(2200), "date.year_out_of_range");
  EXPECT_TRUE(Date::YearOnly(2199).has_value());
}

TEST(Date, DayOutOfRangeMessageNamesTheMonthLength) {
  Result<Date> result = Date::Parse("29/02/2023");
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().message, "Ngày 29 không có trong tháng 2/2023 (tháng này có 28 ngày)");
}

TEST(Date, LeapYearRule) {
  EXPECT_TRUE(Date::IsLeapYear(2000));
  EXPECT_TRUE(Date::IsLeapYear(2024));
  EXPECT_FALSE(Date::IsLeapYear(1900));
  EXPECT_FALSE(Date::IsLeapYear(2100));
  EXPECT_FALSE(Date::IsLeapYear(2023));
  EXPECT_EQ(Date::DaysInMonth(2024, 2), 29);
  EXPECT_EQ(Date::DaysInMonth(2023, 2), 28);
  EXPECT_EQ(Date::DaysInMonth(2023, 11), 30);
}

}  // namespace
}  // namespace ansinh::core
