#include "core/name.h"

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

void ExpectText(const Result<std::string>& result, const std::string& expected) {
  if (IsErrorCode(expected)) {
    ExpectError(result, expected);
    return;
  }
  ASSERT_TRUE(result.has_value()) << result.error().code;
  EXPECT_EQ(*result, expected);
  EXPECT_TRUE(test::IsNfc(*result));
}

class NameTable : public ::testing::TestWithParam<TableRow> {};

TEST_P(NameTable, NormalisesForDisplay) {
  ExpectText(NormalizeName(Unescape(GetParam().at(0))), Unescape(GetParam().at(1)));
}

TEST_P(NameTable, BuildsTheMatchKey) {
  ExpectText(NameMatchKey(Unescape(GetParam().at(0))), Unescape(GetParam().at(2)));
}

INSTANTIATE_TEST_SUITE_P(Cases, NameTable, ::testing::ValuesIn(ReadTable("name_normalize.csv")),
                         RowName());

TEST(Name, NormalisingTwiceChangesNothing) {
  for (const char* raw : {"  Nguye\xcc\x82\xcc\x83n  Va\xcc\x86n\tAn", "ĐẶNG THỊ ĐÀO"}) {
    Result<std::string> once = NormalizeName(raw);
    ASSERT_TRUE(once.has_value());
    EXPECT_EQ(NormalizeName(*once).value_or(""), *once);
    Result<std::string> key = NameMatchKey(raw);
    ASSERT_TRUE(key.has_value());
    EXPECT_EQ(NameMatchKey(*key).value_or(""), *key);
  }
}

TEST(Name, KeyIsPlainAscii) {
  Result<std::string> key = NameMatchKey("Đỗ Thị Hương Giang");
  ASSERT_TRUE(key.has_value());
  for (char c : *key) EXPECT_TRUE(c == ' ' || (c >= 'a' && c <= 'z')) << *key;
}

TEST(Name, RejectsInputOverTheLimit) {
  std::string longest(kMaxNameBytes, 'a');
  EXPECT_TRUE(NormalizeName(longest).has_value());
  ExpectError(NormalizeName(longest + "a"), "name.too_long");
  ExpectError(NameMatchKey(longest + "a"), "name.too_long");
}

TEST(Name, KeepsEmbeddedNulOut) {
  ExpectError(NormalizeName(std::string("An\0B", 4)), "name.control_character");
}

// The fast path for NFC Vietnamese text must answer exactly as ICU does, for
// every letter it claims and for whole names around it.
std::string Outcome(const Result<std::string>& result) {
  return result ? "ok:" + *result : "error:" + result.error().code;
}

TEST(Name, FastPathAgreesWithIcuOnEveryLatinLetter) {
  auto utf8 = [](char32_t c) {
    std::string out;
    if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
    } else {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    }
    out += static_cast<char>(0x80 | (c & 0x3F));
    return out;
  };
  for (char32_t c = 0xC0; c <= 0x1EFF; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    const std::string text = " X" + utf8(c) + "y  Z ";
    const auto code_point = static_cast<unsigned>(c);
    EXPECT_EQ(Outcome(NameMatchKey(text)), Outcome(name_detail::IcuNameMatchKey(text)))
        << std::hex << code_point;
    EXPECT_EQ(Outcome(NormalizeName(text)), Outcome(name_detail::IcuNormalizeName(text)))
        << std::hex << code_point;
  }
}

TEST(Name, FastPathAgreesWithIcuOnNames) {
  for (const char* raw : {"Nguyễn Thị Thu Hương", "  ĐẶNG   THỊ ĐÀO ", "Lê Lệ", "NGUYEN VAN AN",
                          "Ngô Bảo Châu", "Phạm\tVăn Đồng", "A", "O'Neil-Trần", "Ưng Hoàng Phúc",
                          "Nguye\xcc\x82\xcc\x83n", "Trần\xc2\xa0Văn", "  ", "\xef\xbb\xbf" "An"}) {
    EXPECT_EQ(Outcome(NameMatchKey(raw)), Outcome(name_detail::IcuNameMatchKey(raw))) << raw;
    EXPECT_EQ(Outcome(NormalizeName(raw)), Outcome(name_detail::IcuNormalizeName(raw))) << raw;
  }
}

}  // namespace
}  // namespace ansinh::core
