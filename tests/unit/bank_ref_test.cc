#include "core/bank_ref.h"

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

class BankRefParseTable : public ::testing::TestWithParam<TableRow> {};

TEST_P(BankRefParseTable, NormalisesOrNamesTheError) {
  const TableRow& row = GetParam();
  Result<BankRef> result = BankRef::Parse(row.at(0), row.at(1), TestCodes());
  const std::string& expected = row.at(2);
  if (IsErrorCode(expected)) {
    ExpectError(result, expected);
    return;
  }
  ASSERT_TRUE(result.has_value()) << result.error().code;
  EXPECT_EQ(result->account(), expected);
  EXPECT_EQ(result->bin().size(), 6u);
}

INSTANTIATE_TEST_SUITE_P(Cases, BankRefParseTable,
                         ::testing::ValuesIn(ReadTable("bank_ref_parse.csv")), RowName());

TEST(BankRef, TellsBanksFromMobileMoney) {
  Result<BankRef> bank = BankRef::Parse("970436", "0011004123456", TestCodes());
  ASSERT_TRUE(bank.has_value());
  EXPECT_EQ(bank->kind(), PaymentInstitutionKind::kBank);
  EXPECT_EQ(bank->institution().short_name, "Vietcombank");
  EXPECT_FALSE(bank->is_mobile_money());

  for (const char* bin : {"971005", "971011"}) {
    Result<BankRef> wallet = BankRef::Parse(bin, "0912345678", TestCodes());
    ASSERT_TRUE(wallet.has_value()) << bin;
    EXPECT_EQ(wallet->kind(), PaymentInstitutionKind::kMobileMoney) << bin;
    EXPECT_EQ(wallet->bin(), bin);
  }
}

TEST(BankRef, UnknownBinMessageNamesTheBin) {
  Result<BankRef> result = BankRef::Parse("970999", "0011004123456", TestCodes());
  ASSERT_FALSE(result.has_value());
  EXPECT_THAT(result.error().message, ::testing::HasSubstr("970999"));
}

TEST(BankRef, MasksAllButLastFour) {
  EXPECT_EQ(BankRef::Parse("970436", "0011004123456", TestCodes())->Masked(), "*********3456");
}

TEST(BankRef, EqualityIgnoresFormatting) {
  EXPECT_EQ(*BankRef::Parse("970436", "vcb-0011 abc", TestCodes()),
            *BankRef::Parse("970436", "VCB0011ABC", TestCodes()));
  EXPECT_FALSE(*BankRef::Parse("970436", "0011004123456", TestCodes()) ==
               *BankRef::Parse("970405", "0011004123456", TestCodes()));
}

}  // namespace
}  // namespace ansinh::core
