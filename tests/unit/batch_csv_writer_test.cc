// formats::WriteBatchCsv: header, one row per transfer, quoting, formula
// guard and the control-total row.
#include "formats/batch_csv_writer.h"

#include <gtest/gtest.h>

namespace ansinh::formats {
namespace {

TEST(BatchCsvWriterTest, RowsAndControlTotals) {
  const std::string csv =
      WriteBatchCsv({{"202611-1-R-202611", "BT001", "Nguyễn Văn An", "14908", "BANK_ACCOUNT",
                      "970436", "0123456789", "NGUYEN VAN AN", 750'000, "2026-11"},
                     {"202611-2-R-202611", "BT002", "Lê, Thị \"Bình\"", "14908", "CASH_PAYPOINT",
                      "", "", "", 1'250'000, "2026-11"}});
  EXPECT_EQ(csv.rfind("\xEF\xBB\xBFstt,ma_dong_chi_tra,", 0), 0u);
  EXPECT_NE(csv.find("1,202611-1-R-202611,BT001,Nguyễn Văn An,14908,BANK_ACCOUNT,970436,"
                     "0123456789,NGUYEN VAN AN,750000,2026-11\r\n"),
            std::string::npos);
  EXPECT_NE(csv.find(",\"Lê, Thị \"\"Bình\"\"\","), std::string::npos);
  EXPECT_NE(csv.find("TONG_CONG,2,,,,,,,,2000000,\r\n"), std::string::npos);
}

TEST(BatchCsvWriterTest, AWatermarkRowFollowsTheTotals) {
  const std::vector<BatchCsvRow> rows{
      {"L1", "BT001", "An", "1", "CASH_HOME", "", "", "", 1, "2026-11"}};
  const std::string csv = WriteBatchCsv(rows, "Xuất bởi huyen01, lúc 11:44:35");
  EXPECT_NE(csv.find("TONG_CONG,1,,,,,,,,1,\r\n"
                     "XUAT_BOI,\"Xuất bởi huyen01, lúc 11:44:35\",,,,,,,,,\r\n"),
            std::string::npos)
      << csv;
  EXPECT_EQ(WriteBatchCsv(rows).find("XUAT_BOI"), std::string::npos);
}

TEST(BatchCsvWriterTest, FormulaLikeCellsAreDefused) {
  const std::string csv =
      WriteBatchCsv({{"L1", "=CMD()", "@x", "1", "CASH_HOME", "", "", "", 1, "2026-11"}});
  EXPECT_NE(csv.find(",'=CMD(),'@x,"), std::string::npos);
}

}  // namespace
}  // namespace ansinh::formats
