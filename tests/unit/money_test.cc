#include "core/money.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
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

int64_t ToInt64(const std::string& text) {
  return std::stoll(text);
}

MoneyVnd Dong(const std::string& text) {
  return MoneyVnd::FromDong(ToInt64(text));
}

void ExpectMoney(const Result<MoneyVnd>& result, const std::string& expected) {
  if (IsErrorCode(expected)) {
    ExpectError(result, expected);
    return;
  }
  ASSERT_TRUE(result.has_value()) << result.error().code;
  EXPECT_EQ(result->dong(), ToInt64(expected));
}

class MoneyParseTable : public ::testing::TestWithParam<TableRow> {};

TEST_P(MoneyParseTable, ParsesOrNamesTheError) {
  ExpectMoney(MoneyVnd::Parse(GetParam().at(0)), GetParam().at(1));
}

INSTANTIATE_TEST_SUITE_P(Cases, MoneyParseTable, ::testing::ValuesIn(ReadTable("money_parse.csv")),
                         RowName());

class MoneyMultiplyTable : public ::testing::TestWithParam<TableRow> {};

TEST_P(MoneyMultiplyTable, RoundsHalfAwayFromZero) {
  Result<Coefficient> coefficient = Coefficient::Parse(GetParam().at(1));
  ASSERT_TRUE(coefficient.has_value()) << coefficient.error().code;
  ExpectMoney(Dong(GetParam().at(0)).MultiplyBy(*coefficient), GetParam().at(2));
}

INSTANTIATE_TEST_SUITE_P(Cases, MoneyMultiplyTable,
                         ::testing::ValuesIn(ReadTable("money_multiply.csv")), RowName());

class MoneyArithmeticTable : public ::testing::TestWithParam<TableRow> {};

TEST_P(MoneyArithmeticTable, ChecksOverflow) {
  const TableRow& row = GetParam();
  MoneyVnd a = Dong(row.at(1));
  MoneyVnd b = Dong(row.at(2));
  ASSERT_TRUE(row.at(0) == "add" || row.at(0) == "sub") << row.at(0);
  ExpectMoney(row.at(0) == "add" ? a.Add(b) : a.Subtract(b), row.at(3));
}

INSTANTIATE_TEST_SUITE_P(Cases, MoneyArithmeticTable,
                         ::testing::ValuesIn(ReadTable("money_arith.csv")), RowName());

class CoefficientParseTable : public ::testing::TestWithParam<TableRow> {};

TEST_P(CoefficientParseTable, ParsesExactly) {
  Result<Coefficient> result = Coefficient::Parse(GetParam().at(0));
  const std::string& expected = GetParam().at(1);
  if (IsErrorCode(expected)) {
    ExpectError(result, expected);
    return;
  }
  ASSERT_TRUE(result.has_value()) << result.error().code;
  EXPECT_EQ(result->scaled(), ToInt64(expected));
}

INSTANTIATE_TEST_SUITE_P(Cases, CoefficientParseTable,
                         ::testing::ValuesIn(ReadTable("coefficient_parse.csv")), RowName());

TEST(MoneyVnd, ComparesByAmount) {
  EXPECT_LT(MoneyVnd::FromDong(-1), MoneyVnd::Zero());
  EXPECT_EQ(MoneyVnd::FromDong(500), *MoneyVnd::Parse("500"));
  EXPECT_GT(MoneyVnd::FromDong(1'250'000), MoneyVnd::FromDong(999'999));
  static_assert(MoneyVnd::FromDong(7).dong() == 7);
}

TEST(MoneyVnd, FormatsPlainAndGrouped) {
  EXPECT_EQ(MoneyVnd::FromDong(-1'250'000).ToString(), "-1250000");
  EXPECT_EQ(MoneyVnd::FromDong(1'250'000).ToGroupedString(), "1.250.000");
  EXPECT_EQ(MoneyVnd::FromDong(999).ToGroupedString(), "999");
  EXPECT_EQ(MoneyVnd::FromDong(-5'000).ToGroupedString(), "-5.000");
  EXPECT_EQ(MoneyVnd::FromDong(std::numeric_limits<int64_t>::min()).ToGroupedString(),
            "-9.223.372.036.854.775.808");
}

TEST(MoneyVnd, GroupedStringParsesBack) {
  for (int64_t amount :
       {int64_t{0}, int64_t{-1}, int64_t{1'000}, int64_t{123'456'789},
        std::numeric_limits<int64_t>::max(), std::numeric_limits<int64_t>::min()}) {
    MoneyVnd money = MoneyVnd::FromDong(amount);
    EXPECT_EQ(MoneyVnd::Parse(money.ToGroupedString()), money) << amount;
    EXPECT_EQ(MoneyVnd::Parse(money.ToString()), money) << amount;
  }
}

TEST(Coefficient, PrintsShortestExactForm) {
  EXPECT_EQ(Coefficient::Parse("1.500")->ToString(), "1.5");
  EXPECT_EQ(Coefficient::Parse("2")->ToString(), "2");
  EXPECT_EQ(Coefficient::Parse("0.000001")->ToString(), "0.000001");
  EXPECT_EQ(Coefficient::Parse("12.05")->ToString(), "12.05");
  EXPECT_EQ(Coefficient::One().scaled(), Coefficient::kScale);
}

}  // namespace
}  // namespace ansinh::core
