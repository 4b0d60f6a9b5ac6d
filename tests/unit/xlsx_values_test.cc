// The pure conversions behind the xlsx reader: exact numbers, date serials,
// date format detection and cell references. Case tables in code, one row per
// behaviour.
#include "formats/xlsx_values.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

namespace ansinh::formats::xlsx {
namespace {

struct TextCase {
  const char* input;
  const char* expected;
};

TEST(XlsxValuesTest, NumberTextExpandsExponentsExactly) {
  const TextCase cases[] = {
      {"1250000", "1250000"},  // plain text is kept as it is
      {"1.5", "1.5"},
      {"-0.75", "-0.75"},
      {"3.8012345678E+11", "380123456780"},  // a citizen ID typed as a number
      {"3.8012345678e11", "380123456780"},
      {"1E+20", "100000000000000000000"},
      {"1.5E-3", "0.0015"},
      {"-2E0", "-2"},
      {"-0E+5", "0"},
      {"12.50E+1", "125"},
      {"0.000E+00", "0"},
      {"9.9999999999999995E+22", "99999999999999995000000"},
      {"1E+999", "1E+999"},  // beyond any double: not from Excel, left alone
      {"abcE5", "abcE5"},
      {"1.2.3E4", "1.2.3E4"},
      {"E5", "E5"},
      {"", ""},
  };
  for (const TextCase& c : cases) EXPECT_EQ(NumberText(c.input), c.expected) << c.input;
}

TEST(XlsxValuesTest, SerialDatesIn1900SystemKeepTheLotusLeapDay) {
  const TextCase cases[] = {
      {"0", "00/01/1900"},     {"1", "01/01/1900"},        {"59", "28/02/1900"},
      {"60", "29/02/1900"},    {"61", "01/03/1900"},       {"45292", "01/01/2024"},
      {"45351", "29/02/2024"}, {"45292.75", "01/01/2024"}, {"2958465", "31/12/9999"},
      {"25569", "01/01/1970"},
  };
  for (const TextCase& c : cases) {
    EXPECT_EQ(SerialDateText(c.input, false).value_or("none"), c.expected) << c.input;
  }
}

TEST(XlsxValuesTest, SerialDatesIn1904System) {
  EXPECT_EQ(SerialDateText("0", true).value_or("none"), "01/01/1904");
  EXPECT_EQ(SerialDateText("43830", true).value_or("none"), "01/01/2024");
  EXPECT_EQ(SerialDateText("2957003", true).value_or("none"), "31/12/9999");
}

TEST(XlsxValuesTest, SerialsThatAreNotDatesStayNumbers) {
  for (const char* input : {"-1", "2958466", "12345678", "", "abc", ".5"}) {
    EXPECT_EQ(SerialDateText(input, false), std::nullopt) << input;
  }
  EXPECT_EQ(SerialDateText("2957004", true), std::nullopt);
}

TEST(XlsxValuesTest, IsoDates) {
  EXPECT_EQ(IsoDateText("2024-03-01T00:00:00").value_or("none"), "01/03/2024");
  EXPECT_EQ(IsoDateText("2024-03-01").value_or("none"), "01/03/2024");
  EXPECT_EQ(IsoDateText("01/03/2024"), std::nullopt);
}

TEST(XlsxValuesTest, BuiltInDateFormats) {
  for (long id : {14L, 15L, 17L, 22L, 45L, 47L}) EXPECT_TRUE(IsBuiltInDateFormat(id)) << id;
  for (long id : {0L, 1L, 3L, 13L, 23L, 44L, 48L, 49L, 164L})
    EXPECT_FALSE(IsBuiltInDateFormat(id)) << id;
}

TEST(XlsxValuesTest, CustomDateFormatCodes) {
  for (const char* code : {"dd/mm/yyyy", "d/m/yy;@", "[$-42A]d mmmm yyyy", "yyyy", "mm/yyyy",
                           "[Red]dd-mm-yy", "DD.MM.YYYY"}) {
    EXPECT_TRUE(IsDateFormatCode(code)) << code;
  }
  for (const char* code :
       {"General", "0", "#,##0", "0.00\" ngày\"", "h:mm", "[h]:mm:ss", "mm:ss", "#,##0 \"đồng\"",
        "0.00E+00", "@", "\\d0", "_d0", "*d0", "h:mm AM/PM", "[$-F800]"}) {
    EXPECT_FALSE(IsDateFormatCode(code)) << code;
  }
}

TEST(XlsxValuesTest, ColumnReferences) {
  EXPECT_EQ(ColumnIndexOf("A1"), 0u);
  EXPECT_EQ(ColumnIndexOf("z9"), 25u);
  EXPECT_EQ(ColumnIndexOf("AA10"), 26u);
  EXPECT_EQ(ColumnIndexOf("XFD1048576"), 16383u);
  EXPECT_EQ(ColumnIndexOf("XFE1"), std::nullopt);
  EXPECT_EQ(ColumnIndexOf("ABCD1"), std::nullopt);
  EXPECT_EQ(ColumnIndexOf("12"), std::nullopt);
  for (std::size_t column : {0u, 25u, 26u, 51u, 52u, 701u, 702u, 16383u}) {
    EXPECT_EQ(ColumnIndexOf(ColumnName(column) + "1"), column) << ColumnName(column);
  }
  EXPECT_EQ(ColumnName(27), "AB");
}

TEST(XlsxValuesTest, ExcelEscapes) {
  std::string text = "Dòng 1_x000D_Dòng 2_x00e9_ _x0000_ _xD800_ _x12_";
  DecodeExcelEscapes(text);
  EXPECT_EQ(text, "Dòng 1\rDòng 2é _x0000_ _xD800_ _x12_");
}

}  // namespace
}  // namespace ansinh::formats::xlsx
