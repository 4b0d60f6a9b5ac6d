#include "formats/xlsx_values.h"

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <utility>

#include "core/ascii.h"

namespace ansinh::formats::xlsx {
namespace {

constexpr std::size_t kExcelColumnCount = 16384;  // columns A..XFD
constexpr long kMaxSerial1900 = 2'958'465;        // 31/12/9999
constexpr long kMaxSerial1904 = 2'957'003;
constexpr long kLotusLeapDay = 60;  // the 29/02/1900 that never was

char ToLowerAscii(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

// "+11", "-3", "05" -> the exponent, bounded so the expansion stays small.
std::optional<long> ParseExponent(std::string_view text) {
  bool negative = false;
  if (!text.empty() && (text.front() == '+' || text.front() == '-')) {
    negative = text.front() == '-';
    text.remove_prefix(1);
  }
  if (text.empty() || text.size() > 4 || !core::IsAsciiDigits(text)) return std::nullopt;
  long value = 0;
  for (char c : text) value = value * 10 + (c - '0');
  if (value > kMaxExpandedExponent) return std::nullopt;
  return negative ? -value : value;
}

// Joins digits with a decimal point after `point` digits (may be outside the
// digit run) and trims zeros that carry no value.
std::string PlaceDecimalPoint(const std::string& digits, long point) {
  const long size = static_cast<long>(digits.size());
  std::string whole;
  std::string fraction;
  if (point <= 0) {
    whole = "0";
    fraction = std::string(static_cast<std::size_t>(-point), '0') + digits;
  } else if (point >= size) {
    whole = digits + std::string(static_cast<std::size_t>(point - size), '0');
  } else {
    whole = digits.substr(0, static_cast<std::size_t>(point));
    fraction = digits.substr(static_cast<std::size_t>(point));
  }
  const std::size_t first = whole.find_first_not_of('0');
  whole = first == std::string::npos ? "0" : whole.substr(first);
  const std::size_t last = fraction.find_last_not_of('0');
  fraction.resize(last == std::string::npos ? 0 : last + 1);
  return fraction.empty() ? whole : whole + "." + fraction;
}

std::optional<std::string> ExpandExponent(std::string_view mantissa, std::string_view exponent) {
  bool negative = false;
  if (!mantissa.empty() && (mantissa.front() == '+' || mantissa.front() == '-')) {
    negative = mantissa.front() == '-';
    mantissa.remove_prefix(1);
  }
  const std::size_t dot = mantissa.find('.');
  const std::string_view whole = mantissa.substr(0, dot);
  const std::string_view fraction =
      dot == std::string_view::npos ? std::string_view() : mantissa.substr(dot + 1);
  if (whole.empty() && fraction.empty()) return std::nullopt;
  if (!whole.empty() && !core::IsAsciiDigits(whole)) return std::nullopt;
  if (!fraction.empty() && !core::IsAsciiDigits(fraction)) return std::nullopt;
  const std::optional<long> shift = ParseExponent(exponent);
  if (!shift) return std::nullopt;
  std::string digits(whole);
  digits += fraction;
  std::string plain = PlaceDecimalPoint(digits, static_cast<long>(whole.size()) + *shift);
  if (negative && plain != "0") plain.insert(0, 1, '-');
  return plain;
}

std::string DayMonthYear(unsigned day, unsigned month, int year) {
  char text[16];
  std::snprintf(text, sizeof text, "%02u/%02u/%04d", day, month, year);
  return text;
}

// Skips a quoted literal or a [...] section starting at code[i]; returns the
// index of its closing character (or the end).
std::size_t SkipSection(std::string_view code, std::size_t i) {
  const char close = code[i] == '"' ? '"' : ']';
  const std::size_t end = code.find(close, i + 1);
  return end == std::string_view::npos ? code.size() : end;
}

void AppendUtf8(std::string& out, unsigned code_point) {
  if (code_point < 0x80) {
    out += static_cast<char>(code_point);
  } else if (code_point < 0x800) {
    out += static_cast<char>(0xC0 | (code_point >> 6));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (code_point >> 12));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  }
}

// The code point of "_xHHHH_" at text[i], or std::nullopt.
std::optional<unsigned> EscapeAt(std::string_view text, std::size_t i) {
  if (i + 7 > text.size() || text[i + 1] != 'x' || text[i + 6] != '_') return std::nullopt;
  unsigned value = 0;
  for (std::size_t k = i + 2; k < i + 6; ++k) {
    const char c = ToLowerAscii(text[k]);
    unsigned digit = 0;
    if (core::IsAsciiDigit(c)) {
      digit = static_cast<unsigned>(c - '0');
    } else if (c >= 'a' && c <= 'f') {
      digit = static_cast<unsigned>(c - 'a' + 10);
    } else {
      return std::nullopt;
    }
    value = value * 16 + digit;
  }
  if (value == 0 || (value >= 0xD800 && value <= 0xDFFF)) return std::nullopt;
  return value;
}

}  // namespace

std::string NumberText(std::string_view stored) {
  const std::size_t e = stored.find_first_of("eE");
  if (e == std::string_view::npos) return std::string(stored);
  std::optional<std::string> plain = ExpandExponent(stored.substr(0, e), stored.substr(e + 1));
  return plain ? *plain : std::string(stored);
}

std::optional<std::string> SerialDateText(std::string_view number_text, bool date1904) {
  const std::string_view whole = number_text.substr(0, number_text.find('.'));
  if (whole.empty() || whole.size() > 7 || !core::IsAsciiDigits(whole)) return std::nullopt;
  long serial = 0;
  for (char c : whole) serial = serial * 10 + (c - '0');
  if (serial > (date1904 ? kMaxSerial1904 : kMaxSerial1900)) return std::nullopt;
  using namespace std::chrono;
  sys_days day;
  if (date1904) {
    day = sys_days(year(1904) / January / 1) + days(serial);
  } else if (serial == 0) {
    return DayMonthYear(0, 1, 1900);
  } else if (serial == kLotusLeapDay) {
    return DayMonthYear(29, 2, 1900);
  } else {
    // Before the fake leap day serial 1 is 01/01/1900; after it every serial
    // is one day later than the real calendar would put it.
    const sys_days origin = sys_days(year(1899) / December / (serial < kLotusLeapDay ? 31 : 30));
    day = origin + days(serial);
  }
  const year_month_day date(day);
  return DayMonthYear(static_cast<unsigned>(date.day()), static_cast<unsigned>(date.month()),
                      static_cast<int>(date.year()));
}

std::optional<std::string> IsoDateText(std::string_view iso) {
  if (iso.size() < 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
  const std::string_view y = iso.substr(0, 4), m = iso.substr(5, 2), d = iso.substr(8, 2);
  if (!core::IsAsciiDigits(y) || !core::IsAsciiDigits(m) || !core::IsAsciiDigits(d))
    return std::nullopt;
  std::string text(d);
  text += '/';
  text += m;
  text += '/';
  text += y;
  return text;
}

bool IsBuiltInDateFormat(long format_id) {
  return (format_id >= 14 && format_id <= 22) || (format_id >= 45 && format_id <= 47);
}

bool IsDateFormatCode(std::string_view code) {
  bool day_or_year = false, month = false, time = false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = ToLowerAscii(code[i]);
    if (c == '"' || c == '[') {
      i = SkipSection(code, i);
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;  // the next character is a literal, padding or fill
    } else if (c == 'd' || c == 'y') {
      day_or_year = true;
    } else if (c == 'm') {
      month = true;
    } else if (c == 'h' || c == 's') {
      time = true;
    }
  }
  return day_or_year || (month && !time);
}

std::optional<std::size_t> ColumnIndexOf(std::string_view cell_reference) {
  std::size_t column = 0;
  std::size_t letters = 0;
  for (char c : cell_reference) {
    const char upper = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    if (upper < 'A' || upper > 'Z') break;
    if (++letters > 3) return std::nullopt;
    column = column * 26 + static_cast<std::size_t>(upper - 'A' + 1);
  }
  if (letters == 0 || column > kExcelColumnCount) return std::nullopt;
  return column - 1;
}

std::string ColumnName(std::size_t column) {
  std::string name;
  for (std::size_t n = column + 1; n > 0; n = (n - 1) / 26) {
    name.insert(name.begin(), static_cast<char>('A' + (n - 1) % 26));
  }
  return name;
}

void DecodeExcelEscapes(std::string& text) {
  if (text.find("_x") == std::string::npos) return;
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const std::optional<unsigned> code_point = text[i] == '_' ? EscapeAt(text, i) : std::nullopt;
    if (code_point) {
      AppendUtf8(out, *code_point);
      i += 6;
    } else {
      out += text[i];
    }
  }
  text = std::move(out);
}

}  // namespace ansinh::formats::xlsx
