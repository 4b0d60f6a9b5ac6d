// The xlsx writer, checked by reading its files back with our reader: what an
// export writes is what an import of that file sees.
#include "formats/xlsx_writer.h"

#include <gtest/gtest.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "formats/xlsx_reader.h"
#include "formats/xlsx_zip.h"
#include "unit/error_expectations.h"

namespace ansinh::formats {
namespace {

using Cells = std::vector<std::string>;

// A fresh path per test in the test temporary directory.
std::filesystem::path TempXlsx(const std::string& name) {
  static std::atomic<int> counter{0};
  return std::filesystem::path(testing::TempDir()) /
         ("ansinh_" + name + "_" + std::to_string(::getpid()) + "_" + std::to_string(counter++) +
          ".xlsx");
}

std::vector<Cells> ReadBack(const std::filesystem::path& path, std::string_view sheet = {}) {
  const auto rows = ReadXlsxFile(path, sheet);
  EXPECT_TRUE(rows) << (rows ? "" : rows.error().message);
  std::vector<Cells> cells;
  if (rows) {
    for (const XlsxRow& row : *rows) cells.push_back(row.cells);
  }
  std::filesystem::remove(path);
  return cells;
}

XlsxValue T(std::string_view text) {
  return XlsxValue::Text(text);
}
XlsxValue N(int64_t value) {
  return XlsxValue::Integer(value);
}

const std::vector<XlsxColumn> kColumns = {
    {"Mã đối tượng", 14}, {"Họ và tên", 30}, {"Số định danh", 16}, {"Số tiền", 14}, {"Ghi chú", 0}};

TEST(XlsxWriterTest, RoundTripKeepsTextLeadingZerosAndExactIntegers) {
  const auto path = TempXlsx("round_trip");
  auto writer = XlsxWriter::Create(path);
  ASSERT_TRUE(writer) << writer.error().message;
  auto sheet = (*writer)->AddSheet("Danh sách chi trả", kColumns);
  ASSERT_TRUE(sheet) << sheet.error().message;
  ASSERT_TRUE((*sheet)->AddHeader());
  ASSERT_TRUE((*sheet)->AddRow(
      {T("BT000123"), T("Nguyễn Thị Ánh Tuyết"), T("001234567890"), N(1'250'000), T("Đã chi")}));
  ASSERT_TRUE(
      (*sheet)->AddRow({T("BT000124"), XlsxValue(), T("012345678901"), N(kXlsxMaxExactInteger)}));
  ASSERT_TRUE((*sheet)->AddRow(
      {T("BT000125"), T("Lê Văn Bảy"), T(""), N(-kXlsxMaxExactInteger), XlsxValue()}));
  ASSERT_TRUE((*writer)->Finish());
  const std::vector<Cells> expected = {
      {"Mã đối tượng", "Họ và tên", "Số định danh", "Số tiền", "Ghi chú"},
      {"BT000123", "Nguyễn Thị Ánh Tuyết", "001234567890", "1250000", "Đã chi"},
      {"BT000124", "", "012345678901", "9007199254740992"},
      {"BT000125", "Lê Văn Bảy", "", "-9007199254740992"}};
  const std::vector<Cells> read = ReadBack(path);
  EXPECT_EQ(read, expected);
  for (const Cells& row : read) {
    for (const std::string& cell : row) EXPECT_TRUE(test::IsNfc(cell)) << cell;
  }
}

TEST(XlsxWriterTest, TextLinesAboveTheHeaderAndAFooter) {
  const auto path = TempXlsx("lines");
  auto writer = XlsxWriter::Create(path);
  ASSERT_TRUE(writer);
  auto sheet = (*writer)->AddSheet("Bảng kê", {{"Mã", 10}, {"Số tiền", 12}});
  ASSERT_TRUE(sheet);
  ASSERT_TRUE((*sheet)->AddTextLine("BẢNG KÊ CHI TRẢ THÁNG 03/2024", true));
  ASSERT_TRUE((*sheet)->AddTextLine("Tổng số: 1 dòng; tổng tiền: 500.000 đồng"));
  test::ExpectError(Result<int>((*sheet)->AddRow({T("x")}).map([] { return 0; })),
                    "xlsx_write.no_header");
  ASSERT_TRUE((*sheet)->AddHeader());
  test::ExpectError(Result<int>((*sheet)->AddHeader().map([] { return 0; })),
                    "xlsx_write.header_twice");
  ASSERT_TRUE((*sheet)->AddRow({T("01"), N(500'000)}));
  ASSERT_TRUE((*sheet)->AddTextLine("BẢN SAO — KHÔNG DÙNG ĐỂ CHI TRẢ"));
  EXPECT_EQ((*sheet)->rows_written(), 5u);
  ASSERT_TRUE((*writer)->Finish());
  const auto rows = ReadXlsxFile(path);
  ASSERT_TRUE(rows);
  ASSERT_EQ(rows->size(), 5u);
  EXPECT_EQ((*rows)[2].cells, (Cells{"Mã", "Số tiền"}));
  EXPECT_EQ((*rows)[2].row_number, 3);
  EXPECT_EQ((*rows)[4].cells, (Cells{"BẢN SAO — KHÔNG DÙNG ĐỂ CHI TRẢ"}));
  std::filesystem::remove(path);
}

// The watermark of an export: document properties and a printed footer.
TEST(XlsxWriterTest, PropertiesAndPrintFooterAreWritten) {
  const auto path = TempXlsx("stamp");
  auto writer = XlsxWriter::Create(path);
  ASSERT_TRUE(writer);
  ASSERT_TRUE((*writer)->SetProperties({"Danh sách", "", "huyen01", "ansinh",
                                        "Xuất bởi huyen01 lúc 10:00:00 23/11/2026", ""}));
  auto sheet = (*writer)->AddSheet("Trang 1", {{"Mã", 10}});
  ASSERT_TRUE(sheet);
  ASSERT_TRUE((*sheet)->SetPrintFooter("Xuất bởi A&B"));
  test::ExpectError(Result<int>((*sheet)->SetPrintFooter(std::string(300, 'x')).map([] {
    return 0;
  })),
                    "xlsx_write.text_too_long");
  ASSERT_TRUE((*sheet)->AddHeader());
  ASSERT_TRUE((*writer)->Finish());
  std::ifstream file(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  auto zip = xlsx::ZipArchive::Open(std::move(bytes), 100);
  ASSERT_TRUE(zip);
  const auto core = zip->Read("docProps/core.xml", 1 << 20);
  ASSERT_TRUE(core);
  EXPECT_NE(core->find("<dc:creator>huyen01</dc:creator>"), std::string::npos) << *core;
  EXPECT_NE(core->find("<dc:title>Danh sách</dc:title>"), std::string::npos);
  EXPECT_NE(core->find("Xuất bởi huyen01 lúc"), std::string::npos);
  const auto sheet_xml = zip->Read("xl/worksheets/sheet1.xml", 1 << 20);
  ASSERT_TRUE(sheet_xml);
  EXPECT_NE(sheet_xml->find("<oddFooter>&amp;CXuất bởi A&amp;&amp;B</oddFooter>"),
            std::string::npos)
      << *sheet_xml;
  std::filesystem::remove(path);
}

TEST(XlsxWriterTest, TenThousandRowsInTwoSheets) {
  const auto path = TempXlsx("ten_thousand");
  auto writer = XlsxWriter::Create(path);
  ASSERT_TRUE(writer);
  auto summary = (*writer)->AddSheet("Tổng hợp", {{"Số dòng", 10}});
  auto list = (*writer)->AddSheet("Danh sách", kColumns);
  ASSERT_TRUE(summary && list);
  ASSERT_TRUE((*summary)->AddHeader() && (*summary)->AddRow({N(10'000)}));
  ASSERT_TRUE((*list)->AddHeader());
  for (int i = 0; i < 10'000; ++i) {
    const std::string id = std::to_string(1'000'000 + i).substr(1);  // "000000".."009999"
    ASSERT_TRUE((*list)->AddRow({T("BT" + id), T("Phạm Thị Hồng " + std::to_string(i)),
                                 T("0" + id + "00000"), N(int64_t{1'500'000} + i),
                                 i % 2 == 0 ? T("Chi tại nhà") : XlsxValue()}));
  }
  ASSERT_TRUE((*writer)->Finish());
  const auto rows = ReadXlsxFile(path, "Danh sách");
  ASSERT_TRUE(rows) << rows.error().message;
  ASSERT_EQ(rows->size(), 10'001u);
  EXPECT_EQ((*rows)[10'000].row_number, 10'001);
  EXPECT_EQ((*rows)[10'000].cells,
            (Cells{"BT009999", "Phạm Thị Hồng 9999", "000999900000", "1509999"}));
  EXPECT_EQ((*rows)[1].cells,
            (Cells{"BT000000", "Phạm Thị Hồng 0", "000000000000", "1500000", "Chi tại nhà"}));
  EXPECT_EQ(ReadBack(path, "Tổng hợp"), (std::vector<Cells>{{"Số dòng"}, {"10000"}}));
}

TEST(XlsxWriterTest, RefusesWhatExcelCannotHold) {
  const auto path = TempXlsx("refuse");
  auto writer = XlsxWriter::Create(path);
  ASSERT_TRUE(writer);
  auto sheet = (*writer)->AddSheet("Dữ liệu", {{"A", 0}, {"B", 0}});
  ASSERT_TRUE(sheet && (*sheet)->AddHeader());
  const auto as_result = [](Status status) { return Result<int>(status.map([] { return 0; })); };
  test::ExpectError(as_result((*sheet)->AddRow({N(kXlsxMaxExactInteger + 1)})),
                    "xlsx_write.integer_too_large");
  test::ExpectError(as_result((*sheet)->AddRow({T("a"), T("b"), T("c")})),
                    "xlsx_write.too_many_cells");
  test::ExpectError(as_result((*sheet)->AddRow({T(std::string(40'000, 'x'))})),
                    "xlsx_write.text_too_long");
  test::ExpectError((*writer)->AddSheet("Dữ liệu", {{"A", 0}}), "xlsx_write.sheet_name_taken");
  test::ExpectError((*writer)->AddSheet("Tháng 03/2024", {{"A", 0}}),
                    "xlsx_write.sheet_name_invalid");
  test::ExpectError((*writer)->AddSheet("", {{"A", 0}}), "xlsx_write.sheet_name_invalid");
  test::ExpectError((*writer)->AddSheet(std::string(32, 'a'), {{"A", 0}}),
                    "xlsx_write.sheet_name_too_long");
  test::ExpectError((*writer)->AddSheet("Trống", {}), "xlsx_write.no_columns");
  ASSERT_TRUE((*writer)->Finish());
  test::ExpectError(as_result((*writer)->Finish()), "xlsx_write.finished");
  std::filesystem::remove(path);
}

TEST(XlsxWriterTest, UnfinishedWorkbookLeavesNoFile) {
  const auto path = TempXlsx("unfinished");
  {
    auto writer = XlsxWriter::Create(path);
    ASSERT_TRUE(writer);
    auto sheet = (*writer)->AddSheet("Dở dang", {{"A", 0}});
    ASSERT_TRUE(sheet && (*sheet)->AddHeader());
  }
  EXPECT_FALSE(std::filesystem::exists(path));
}

TEST(XlsxWriterTest, CannotCreateInAMissingFolder) {
  test::ExpectError(XlsxWriter::Create("/nonexistent/folder/bao_cao.xlsx"),
                    "xlsx_write.create_failed", ErrorKind::kUnavailable);
}

TEST(XlsxWriterTest, LibraryErrorCodesMapToSpecificErrors) {
  const auto code_of = [](int error) {
    const Status status = XlsxWriteStatus(error);
    return status ? std::string() : status.error().code;
  };
  EXPECT_EQ(code_of(LXW_NO_ERROR), "");
  EXPECT_EQ(code_of(LXW_ERROR_CREATING_XLSX_FILE), "xlsx_write.create_failed");
  EXPECT_EQ(code_of(LXW_ERROR_CREATING_TMPFILE), "xlsx_write.io_failed");
  EXPECT_EQ(code_of(LXW_ERROR_ZIP_CLOSE), "xlsx_write.zip_failed");
  EXPECT_EQ(code_of(LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED), "xlsx_write.text_too_long");
  EXPECT_EQ(code_of(LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE), "xlsx_write.sheet_full");
  EXPECT_EQ(code_of(LXW_ERROR_SHEETNAME_ALREADY_USED), "xlsx_write.sheet_name_taken");
  EXPECT_EQ(code_of(LXW_ERROR_IMAGE_DIMENSIONS), "xlsx_write.failed");
  for (int error = 1; error < LXW_MAX_ERRNO; ++error) {
    EXPECT_TRUE(test::IsNfc(XlsxWriteStatus(error).error().message)) << error;
  }
}

}  // namespace
}  // namespace ansinh::formats
