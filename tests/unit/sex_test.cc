#include "core/sex.h"

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
using test::Unescape;

class SexParseTable : public ::testing::TestWithParam<TableRow> {};

TEST_P(SexParseTable, ParsesOrNamesTheError) {
  Result<Sex> result = ParseSex(Unescape(GetParam().at(0)));
  const std::string& expected = GetParam().at(1);
  if (IsErrorCode(expected)) {
    ExpectError(result, expected);
    return;
  }
  ASSERT_TRUE(result.has_value()) << result.error().code;
  ASSERT_TRUE(expected == "male" || expected == "female") << expected;
  EXPECT_EQ(*result, expected == "male" ? Sex::kMale : Sex::kFemale);
}

INSTANTIATE_TEST_SUITE_P(Cases, SexParseTable, ::testing::ValuesIn(ReadTable("sex_parse.csv")),
                         RowName());

TEST(Sex, LabelsParseBack) {
  EXPECT_EQ(std::string(SexLabel(Sex::kFemale)), "Nữ");
  EXPECT_EQ(ParseSex(SexLabel(Sex::kMale)), Sex::kMale);
  EXPECT_EQ(ParseSex(SexLabel(Sex::kFemale)), Sex::kFemale);
}

}  // namespace
}  // namespace ansinh::core
