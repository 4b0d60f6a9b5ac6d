// formats::ParseProviderResults: Vietnamese or English headers in any order,
// paid / not paid in words, grouped amounts, cash dates; XLSX and CSV give the
// same rows; every bad cell is named by row and field before anything is used.
#include "formats/provider_result_reader.h"

#include <gtest/gtest.h>

#include "unit/error_expectations.h"
#include "unit/provider_result_test_sheet.h"

namespace ansinh::formats {
namespace {

const test::SheetRows kGood = {
    {"STT", "Mã dòng", "Mã lô", "Kết quả", "Lý do", "Số tiền", "Ngày chi"},
    {"1", "202409-5-R-202409", "202409-001-P-VNPOST-C-1", "Đã chi", "", "750000", "16/09/2024"},
    {"2", "202409-6-R-202409", "202409-001-P-VNPOST-C-1", "Chưa chi", "Không gặp đối tượng",
     "750.000", ""},
    {"", "", "", "", "", "", ""},
    {"3", "202409-7-R-202409", "", "DA CHI", "", "2789000", "2024-09-17"}};

void ExpectGoodRows(const ProviderResultSheet& sheet) {
  ASSERT_EQ(sheet.rows.size(), 3u);
  EXPECT_EQ(sheet.rows[0].line_id, "202409-5-R-202409");
  EXPECT_EQ(sheet.rows[0].batch_id, "202409-001-P-VNPOST-C-1");
  EXPECT_TRUE(sheet.rows[0].paid);
  EXPECT_EQ(sheet.rows[0].amount_vnd, 750'000);
  EXPECT_EQ(sheet.rows[0].paid_on, "2024-09-16");
  EXPECT_EQ(sheet.rows[0].row_number, 2);
  EXPECT_FALSE(sheet.rows[1].paid);
  EXPECT_EQ(sheet.rows[1].reason, "Không gặp đối tượng");
  EXPECT_EQ(sheet.rows[1].amount_vnd, 750'000);
  EXPECT_FALSE(sheet.rows[1].paid_on);
  EXPECT_TRUE(sheet.rows[2].paid);
  EXPECT_EQ(sheet.rows[2].paid_on, "2024-09-17");
}

TEST(ProviderResultReaderTest, CsvAndXlsxGiveTheSameRows) {
  auto csv = ParseProviderResults(test::ResultCsv(kGood));
  ASSERT_TRUE(csv) << csv.error().message;
  EXPECT_EQ(csv->format, "csv");
  ExpectGoodRows(*csv);
  const std::string xlsx_bytes = test::ResultXlsx(kGood);
  ASSERT_FALSE(xlsx_bytes.empty());
  auto xlsx = ParseProviderResults(xlsx_bytes);
  ASSERT_TRUE(xlsx) << xlsx.error().message;
  EXPECT_EQ(xlsx->format, "xlsx");
  ExpectGoodRows(*xlsx);
  EXPECT_TRUE(LooksLikeProviderResults(test::ResultCsv(kGood)));
  EXPECT_TRUE(LooksLikeProviderResults(xlsx_bytes));
  EXPECT_FALSE(LooksLikeProviderResults("<?xml version=\"1.0\"?><Document/>"));
}

TEST(ProviderResultReaderTest, EnglishHeadersAndAmountForms) {
  auto sheet = ParseProviderResults(test::ResultCsv({{"line_id", "result", "amount", "reason"},
                                                     {"L1", "paid", "\"1,250,000\"", ""},
                                                     {"L2", "not paid", "750000.00", "MD07"}}));
  ASSERT_TRUE(sheet) << sheet.error().message;
  ASSERT_EQ(sheet->rows.size(), 2u);
  EXPECT_EQ(sheet->rows[0].amount_vnd, 1'250'000);
  EXPECT_EQ(sheet->rows[1].amount_vnd, 750'000);
  EXPECT_EQ(sheet->rows[1].reason, "MD07");
}

TEST(ProviderResultReaderTest, EveryBadCellIsNamedByRowAndField) {
  auto bad = ParseProviderResults(test::ResultCsv({{"Mã dòng", "Kết quả", "Số tiền", "Ngày chi"},
                                                   {"L1", "có lẽ", "750000", ""},
                                                   {"", "Đã chi", "75.5", "31/02/2024"}}));
  test::ExpectError(bad, "provider_result.rows_invalid");
  ASSERT_EQ(bad.error().details.size(), 4u);
  EXPECT_EQ(bad.error().details[0].row, 2);
  EXPECT_EQ(bad.error().details[0].field, "ket_qua");
  EXPECT_EQ(bad.error().details[1].row, 3);
  EXPECT_EQ(bad.error().details[1].field, "ma_dong_chi_tra");
  EXPECT_EQ(bad.error().details[2].field, "so_tien");
  EXPECT_EQ(bad.error().details[3].field, "ngay_chi");
  auto header = ParseProviderResults(test::ResultCsv({{"Mã dòng", "Số tiền"}, {"L1", "1"}}));
  test::ExpectError(header, "provider_result.header_invalid");
  ASSERT_EQ(header.error().details.size(), 1u);
  EXPECT_EQ(header.error().details[0].field, "ket_qua");
  test::ExpectError(ParseProviderResults(test::ResultCsv({{"Mã dòng", "Kết quả", "Số tiền"}})),
                    "provider_result.empty");
}

}  // namespace
}  // namespace ansinh::formats
