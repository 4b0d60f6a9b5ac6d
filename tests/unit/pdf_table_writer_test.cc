// formats::RenderPdfTables: a PDF whose text (read back with poppler's
// pdftotext) holds the Vietnamese title, headers, rows, totals and signature
// block; the header row repeats on every page, pages are numbered x/y, and a
// malformed document is refused before anything is drawn.
#include "formats/pdf_table_writer.h"

#include <gtest/gtest.h>

#include "unit/pdf_text.h"

namespace ansinh::formats {
namespace {

PdfTableDocument Sample(std::size_t rows) {
  PdfSection section{{"Điểm chi trả: Xã Đông Tiến (14908)"},
                     {{"STT", 12, PdfAlign::kCenter},
                      {"Họ và tên", 70},
                      {"Số tiền (đồng)", 35, PdfAlign::kRight},
                      {"Ký nhận", 50}},
                     {},
                     {"", "Tổng cộng", "1.000.000", ""},
                     {"Người lập biểu", "Thủ trưởng đơn vị"}};
  for (std::size_t i = 1; i <= rows; ++i) {
    section.rows.push_back({std::to_string(i), "Nguyễn Thị Hường " + std::to_string(i), "500.000"});
  }
  return {"DANH SÁCH KÝ NHẬN TIỀN TRỢ CẤP",
          {"Kỳ chi trả tháng 11/2026"},
          "Xuất bởi huyen01 lúc 11:44:35 23/11/2026 (giờ Việt Nam)",
          "huyen01",
          9,
          {section}};
}

TEST(PdfTableWriterTest, TheTextReadsBackInVietnamese) {
  auto pdf = RenderPdfTables(Sample(2));
  ASSERT_TRUE(pdf) << pdf.error().message;
  EXPECT_EQ(pdf->rfind("%PDF-", 0), 0u);
  const std::string text = test::PdfText(*pdf);
  for (const char* expected :
       {"DANH SÁCH KÝ NHẬN TIỀN TRỢ CẤP", "Điểm chi trả: Xã Đông Tiến (14908)", "Họ và tên",
        "Ký nhận", "Nguyễn Thị Hường 2", "500.000", "Tổng cộng", "Người lập biểu",
        "(Ký, ghi rõ họ tên)", "Xuất bởi huyen01", "Trang 1/1"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n" << text;
  }
  EXPECT_NE(test::PopplerOutput("pdfinfo", *pdf).find("huyen01"), std::string::npos);  // Author
}

TEST(PdfTableWriterTest, LongListsRunOverPagesWithTheHeaderRepeated) {
  auto pdf = RenderPdfTables(Sample(60));
  ASSERT_TRUE(pdf) << pdf.error().message;
  const std::string text = test::PdfText(*pdf);
  EXPECT_NE(text.find("Trang 1/4"), std::string::npos) << text;
  EXPECT_NE(text.find("Trang 4/4"), std::string::npos);
  EXPECT_NE(text.find("(tiếp theo)"), std::string::npos);
  std::size_t headers = 0;
  for (auto at = text.find("Ký nhận"); at != std::string::npos; at = text.find("Ký nhận", at + 1)) {
    ++headers;
  }
  EXPECT_GE(headers, 3u);
  EXPECT_NE(text.find("Nguyễn Thị Hường 60"), std::string::npos);
}

TEST(PdfTableWriterTest, MalformedDocumentsAreRefused) {
  PdfTableDocument empty;
  EXPECT_EQ(RenderPdfTables(empty).error().code, "pdf.no_section");
  PdfTableDocument wide = Sample(1);
  wide.sections[0].columns.push_back({"Ghi chú", 200});
  EXPECT_EQ(RenderPdfTables(wide).error().code, "pdf.too_wide");
  PdfTableDocument crowded = Sample(1);
  crowded.sections[0].rows[0] = {"1", "2", "3", "4", "5"};
  auto refused = RenderPdfTables(crowded);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, "pdf.too_many_cells");
  ASSERT_EQ(refused.error().details.size(), 1u);
  EXPECT_EQ(refused.error().details[0].row, 1);
}

}  // namespace
}  // namespace ansinh::formats
