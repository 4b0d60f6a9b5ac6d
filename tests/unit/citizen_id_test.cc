#include "core/citizen_id.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

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

CitizenId MustParseCitizenId(const std::string& text) {
  Result<CitizenId> id = CitizenId::Parse(text, TestCodes());
  EXPECT_TRUE(id.has_value()) << text;
  return id.value();
}

std::vector<std::string> SplitCodes(const std::string& joined) {
  std::vector<std::string> codes;
  if (joined == "none") return codes;
  std::size_t start = 0;
  for (std::size_t end = joined.find(';');; end = joined.find(';', start)) {
    codes.push_back(joined.substr(start, end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return codes;
}

class CitizenIdParseTable : public ::testing::TestWithParam<TableRow> {};

TEST_P(CitizenIdParseTable, ParsesOrNamesTheError) {
  Result<CitizenId> result = CitizenId::Parse(GetParam().at(0), TestCodes());
  const std::string& expected = GetParam().at(1);
  if (IsErrorCode(expected)) {
    ExpectError(result, expected);
    return;
  }
  ASSERT_TRUE(result.has_value()) << result.error().code;
  ASSERT_TRUE(expected == "cccd" || expected == "cmnd") << expected;
  EXPECT_EQ(result->is_legacy(), expected == "cmnd");
  EXPECT_EQ(result->kind(),
            expected == "cmnd" ? CitizenIdKind::kLegacyCmnd9 : CitizenIdKind::kCitizenId12);
  EXPECT_EQ(result->digits().size(), expected == "cmnd" ? 9u : 12u);
}

INSTANTIATE_TEST_SUITE_P(Cases, CitizenIdParseTable,
                         ::testing::ValuesIn(ReadTable("citizen_id_parse.csv")), RowName());

class CitizenIdConsistencyTable : public ::testing::TestWithParam<TableRow> {};

TEST_P(CitizenIdConsistencyTable, ReportsEachDisagreement) {
  const TableRow& row = GetParam();
  Result<Sex> sex = ParseSex(row.at(1));
  Result<Date> birth = Date::Parse(row.at(2));
  ASSERT_TRUE(sex.has_value() && birth.has_value()) << row.at(1) << " " << row.at(2);
  std::vector<std::string> codes;
  for (const CitizenIdInconsistency& found : CheckConsistency(MustParseCitizenId(row.at(0)), *sex, *birth)) {
    codes.push_back(found.code);
    EXPECT_TRUE(test::IsNfc(found.message));
    EXPECT_FALSE(found.message.empty());
  }
  EXPECT_EQ(codes, SplitCodes(row.at(3)));
}

INSTANTIATE_TEST_SUITE_P(Cases, CitizenIdConsistencyTable,
                         ::testing::ValuesIn(ReadTable("citizen_id_consistency.csv")), RowName());

TEST(CitizenId, UnknownProvinceMessageNamesTheCode) {
  Result<CitizenId> result = CitizenId::Parse("003050123456", TestCodes());
  ASSERT_FALSE(result.has_value());
  EXPECT_THAT(result.error().message, ::testing::HasSubstr("003"));
}

TEST(CitizenId, ExposesProvinceAndMasksAllButLastFour) {
  CitizenId id = MustParseCitizenId(" 079205000123 ");
  EXPECT_EQ(id.digits(), "079205000123");
  EXPECT_EQ(id.province_code(), "079");
  EXPECT_EQ(id.Masked(), "********0123");
  EXPECT_EQ(MustParseCitizenId("012345678").Masked(), "*****5678");
}

TEST(CitizenId, InconsistencyKindsAreDistinct) {
  std::vector<CitizenIdInconsistency> found =
      CheckConsistency(MustParseCitizenId("001150123456"), Sex::kMale, *Date::Parse("2051"));
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0].kind, CitizenIdInconsistencyKind::kSexDigit);
  EXPECT_EQ(found[1].kind, CitizenIdInconsistencyKind::kCenturyDigit);
  EXPECT_EQ(found[2].kind, CitizenIdInconsistencyKind::kBirthYearDigits);
  EXPECT_EQ(
      found[0].message,
      "Chữ số thứ 4 của số định danh (1) ứng với giới tính Nữ, nhưng hồ sơ ghi giới tính Nam");
  EXPECT_THAT(found[1].message, ::testing::HasSubstr("1900 đến 1999"));
  EXPECT_THAT(found[2].message, ::testing::HasSubstr("(50)"));
}

TEST(CitizenId, EqualityIsByDigits) {
  EXPECT_EQ(MustParseCitizenId("001050123456"), MustParseCitizenId(" 001050123456"));
  EXPECT_FALSE(MustParseCitizenId("001050123456") == MustParseCitizenId("001050123457"));
}

}  // namespace
}  // namespace ansinh::core
