#include "core/admin_unit_code.h"

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

Result<AdminUnitCode> ParseFor(const std::string& level, const std::string& text) {
  if (level == "province") return AdminUnitCode::ParseAtLevel(text, AdminLevel::kProvince);
  if (level == "district") return AdminUnitCode::ParseAtLevel(text, AdminLevel::kDistrict);
  if (level == "commune") return AdminUnitCode::ParseAtLevel(text, AdminLevel::kCommune);
  EXPECT_EQ(level, "any");
  return AdminUnitCode::Parse(text);
}

AdminLevel LevelOfLength(std::size_t length) {
  if (length == 2) return AdminLevel::kProvince;
  if (length == 3) return AdminLevel::kDistrict;
  return AdminLevel::kCommune;
}

class AdminUnitCodeTable : public ::testing::TestWithParam<TableRow> {};

TEST_P(AdminUnitCodeTable, ParsesOrNamesTheError) {
  const TableRow& row = GetParam();
  Result<AdminUnitCode> result = ParseFor(row.at(0), row.at(1));
  const std::string& expected = row.at(2);
  if (IsErrorCode(expected)) {
    ExpectError(result, expected);
    return;
  }
  ASSERT_TRUE(result.has_value()) << result.error().code;
  EXPECT_EQ(result->value(), expected);
  EXPECT_EQ(result->level(), LevelOfLength(expected.size()));
  EXPECT_EQ(AdminLevelCodeLength(result->level()), expected.size());
}

INSTANTIATE_TEST_SUITE_P(Cases, AdminUnitCodeTable,
                         ::testing::ValuesIn(ReadTable("admin_unit_code_parse.csv")), RowName());

TEST(AdminUnitCode, TooLongMessageNamesTheLevel) {
  Result<AdminUnitCode> result = AdminUnitCode::ParseAtLevel("267340", AdminLevel::kCommune);
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().message,
            "Mã đơn vị hành chính cấp xã chỉ có 5 chữ số, giá trị đã nhập có 6 chữ số");
}

TEST(AdminUnitCode, OrdersProvincesBeforeDistrictsBeforeCommunes) {
  AdminUnitCode province = *AdminUnitCode::Parse("79");
  AdminUnitCode district = *AdminUnitCode::Parse("001");
  AdminUnitCode commune = *AdminUnitCode::Parse("00001");
  EXPECT_LT(province, district);
  EXPECT_LT(district, commune);
  EXPECT_LT(*AdminUnitCode::Parse("01"), province);
  EXPECT_EQ(commune, *AdminUnitCode::ParseAtLevel("1", AdminLevel::kCommune));
}

}  // namespace
}  // namespace ansinh::core
