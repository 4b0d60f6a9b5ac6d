#include "core/phone.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "unit/core_test_codes.h"
#include "unit/error_expectations.h"
#include "unit/test_table.h"

namespace ansinh::core {
namespace {

using test::ExpectError;
using test::IsErrorCode;
using test::ReadTable;
using test::RowName;
using test::TableRow;
using test::TestCodes;

class PhoneParseTable : public ::testing::TestWithParam<TableRow> {};

TEST_P(PhoneParseTable, NormalisesOrNamesTheError) {
  Result<Phone> result = Phone::Parse(GetParam().at(0), TestCodes());
  const std::string& expected = GetParam().at(1);
  if (IsErrorCode(expected)) {
    ExpectError(result, expected);
    return;
  }
  ASSERT_TRUE(result.has_value()) << result.error().code;
  EXPECT_EQ(result->digits(), expected);
}

INSTANTIATE_TEST_SUITE_P(Cases, PhoneParseTable, ::testing::ValuesIn(ReadTable("phone_parse.csv")),
                         RowName());

TEST(Phone, NamesTheCarrier) {
  EXPECT_EQ(Phone::Parse("0326123456", TestCodes())->carrier(), "Viettel");
  EXPECT_EQ(Phone::Parse("+84 90 123 4567", TestCodes())->carrier(), "MobiFone");
  EXPECT_EQ(Phone::Parse("0912345678", TestCodes())->carrier(), "VinaPhone");
  EXPECT_EQ(Phone::Parse("0991234567", TestCodes())->carrier(), "Gmobile (Gtel)");
}

TEST(Phone, UnknownPrefixMessageNamesThePrefix) {
  Result<Phone> result = Phone::Parse("0241234567", TestCodes());
  ASSERT_FALSE(result.has_value());
  EXPECT_THAT(result.error().message, ::testing::HasSubstr("024"));
}

TEST(Phone, MasksAllButLastFour) {
  EXPECT_EQ(Phone::Parse("0912345678", TestCodes())->Masked(), "******5678");
}

TEST(Phone, EqualityIsOnTheNationalForm) {
  EXPECT_EQ(*Phone::Parse("+84912345678", TestCodes()), *Phone::Parse("0912 345 678", TestCodes()));
}

}  // namespace
}  // namespace ansinh::core
