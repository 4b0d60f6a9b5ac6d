// The strict CSV reader: RFC 4180 quoting, BOM, delimiter detection, UTF-8 and
// limits, with errors naming the spreadsheet row and column.
#include <gtest/gtest.h>

#include "formats/csv_reader.h"

namespace ansinh::formats {
namespace {

std::vector<CsvRow> ReadAll(std::string text, const CsvLimits& limits = {}) {
  auto reader = CsvReader::FromString(std::move(text), limits);
  EXPECT_TRUE(reader) << reader.error().message;
  std::vector<CsvRow> rows;
  for (;;) {
    auto row = reader->Next();
    EXPECT_TRUE(row) << row.error().message;
    if (!row || !*row) return rows;
    rows.push_back(std::move(**row));
  }
}

Error FirstError(std::string text, const CsvLimits& limits = {}) {
  auto reader = CsvReader::FromString(std::move(text), limits);
  if (!reader) return reader.error();
  for (;;) {
    auto row = reader->Next();
    if (!row) return row.error();
    if (!*row) return MakeError(ErrorKind::kInternal, "test.no_error", "no error");
  }
}

TEST(CsvReaderTest, ReadsQuotedFieldsWithEscapesAndLineBreaks) {
  const auto rows = ReadAll("ma,ten\r\n1,\"Nguyễn \"\"Văn\"\" A\"\r\n2,\"dòng 1\ndòng 2\"\r\n3,\n");
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[1].fields[1], "Nguyễn \"Văn\" A");
  EXPECT_EQ(rows[2].fields[1], "dòng 1\ndòng 2");
  EXPECT_EQ(rows[3].fields, (std::vector<std::string>{"3", ""}));
  // A record spanning two lines is one spreadsheet row.
  EXPECT_EQ(rows[3].row_number, 4);
}

TEST(CsvReaderTest, StripsByteOrderMarkAndDetectsSemicolon) {
  auto reader = CsvReader::FromString("\xEF\xBB\xBFma;ten;\"a,b\"\n1;An;x\n");
  ASSERT_TRUE(reader);
  EXPECT_EQ(reader->delimiter(), ';');
  auto header = reader->Next();
  ASSERT_TRUE(header && *header);
  EXPECT_EQ((*header)->fields, (std::vector<std::string>{"ma", "ten", "a,b"}));
}

TEST(CsvReaderTest, CommaWinsWhenHeaderHasNoDelimiterChoice) {
  auto reader = CsvReader::FromString("ma\n1\n");
  ASSERT_TRUE(reader);
  EXPECT_EQ(reader->delimiter(), ',');
}

TEST(CsvReaderTest, LastLineWithoutLineBreakIsRead) {
  const auto rows = ReadAll("a,b\n1,2");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1].fields[1], "2");
}

struct BadCsv {
  const char* name;
  std::string text;
  const char* code;
  long row;
  const char* column;
};

class BadCsvTest : public ::testing::TestWithParam<BadCsv> {};

TEST_P(BadCsvTest, NamesRowAndColumn) {
  const Error error = FirstError(GetParam().text);
  EXPECT_EQ(error.code, GetParam().code);
  ASSERT_EQ(error.details.size(), 1u);
  EXPECT_EQ(error.details[0].row, GetParam().row);
  EXPECT_EQ(error.details[0].field, GetParam().column);
  EXPECT_NE(error.message.find("dòng"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, BadCsvTest,
    ::testing::Values(
        BadCsv{"Unterminated", "a,b\n1,\"open\n", "csv.unterminated_quote", 2, "2"},
        BadCsv{"StrayQuote", "a,b\n1,x\"y\n", "csv.stray_quote", 2, "2"},
        BadCsv{"TextAfterQuote", "a,b\n\"x\"y,1\n", "csv.text_after_quote", 2, "1"},
        BadCsv{"InvalidUtf8", "a,b\n1,2\n3,\xC3\x28\n", "csv.invalid_utf8", 3, "2"},
        BadCsv{"Overlong", "a\n\xC0\xAF\n", "csv.invalid_utf8", 2, "1"},
        BadCsv{"Surrogate", "a\n\xED\xA0\x80\n", "csv.invalid_utf8", 2, "1"}),
    [](const auto& test_info) { return std::string(test_info.param.name); });

TEST(CsvLimitsTest, FileSizeIsLimited) {
  CsvLimits limits;
  limits.max_file_bytes = 8;
  auto reader = CsvReader::FromString("a,b\n1,2\n3,4\n", limits);
  ASSERT_FALSE(reader);
  EXPECT_EQ(reader.error().kind, ErrorKind::kLimitExceeded);
  EXPECT_EQ(reader.error().code, "csv.file_too_large");
}

TEST(CsvLimitsTest, RowCountIsLimited) {
  CsvLimits limits;
  limits.max_rows = 2;
  const Error error = FirstError("a\n1\n2\n", limits);
  EXPECT_EQ(error.kind, ErrorKind::kLimitExceeded);
  EXPECT_EQ(error.code, "csv.too_many_rows");
  EXPECT_EQ(error.details.at(0).row, 3);
}

TEST(CsvLimitsTest, FieldSizeIsLimited) {
  CsvLimits limits;
  limits.max_field_bytes = 4;
  EXPECT_EQ(FirstError("a\n12345\n", limits).code, "csv.field_too_large");
  EXPECT_EQ(FirstError("a\n\"12345\"\n", limits).code, "csv.field_too_large");
}

TEST(CsvLimitsTest, FieldsPerRowAreLimited) {
  CsvLimits limits;
  limits.max_fields_per_row = 2;
  EXPECT_EQ(FirstError("a,b,c\n", limits).code, "csv.too_many_fields");
}

TEST(CsvTableTest, RowsMustMatchTheHeader) {
  auto table = ReadCsvTable(std::string("a,b\n1,2\n3\n"));
  ASSERT_FALSE(table);
  EXPECT_EQ(table.error().code, "csv.field_count");
  EXPECT_EQ(table.error().details.at(0).row, 3);
}

TEST(CsvTableTest, FindsColumnsByName) {
  auto table = ReadCsvTable(std::string("ma,ten\n1,An\n"));
  ASSERT_TRUE(table);
  EXPECT_EQ(table->ColumnIndex("ten"), 1u);
  EXPECT_EQ(table->ColumnIndex("khac"), std::nullopt);
  EXPECT_EQ(table->rows.at(0).row_number, 2);
}

TEST(CsvTableTest, EmptyTextIsRejected) {
  auto table = ReadCsvTable(std::string("\xEF\xBB\xBF"));
  ASSERT_FALSE(table);
  EXPECT_EQ(table.error().code, "csv.empty");
}

TEST(Utf8Test, AcceptsVietnameseAndFourByteSequences) {
  EXPECT_TRUE(IsValidUtf8("Thành phố Hồ Chí Minh"));
  EXPECT_TRUE(IsValidUtf8("\xF0\x9F\x98\x80"));
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_FALSE(IsValidUtf8("\xE2\x82"));          // truncated
}

}  // namespace
}  // namespace ansinh::formats
