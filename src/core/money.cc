#include "core/money.h"

#include <algorithm>
#include <limits>

#include "core/ascii.h"

namespace ansinh::core {
namespace {

// GCC and Clang provide 128-bit integers as an extension; __extension__ keeps
// -Wpedantic quiet. A product of two int64 values always fits.
__extension__ typedef __int128 Int128;

constexpr int64_t kInt64Max = std::numeric_limits<int64_t>::max();
constexpr int64_t kInt64Min = std::numeric_limits<int64_t>::min();
constexpr uint64_t kNegativeLimit = uint64_t{1} << 63;  // |INT64_MIN|
constexpr std::size_t kFractionDigitCount = Coefficient::kMaxFractionDigits;

bool IsGroupSeparator(char c) {
  return c == '.' || c == ',' || c == ' ';
}

tl::unexpected<Error> MoneyError(std::string code, std::string message) {
  return Fail(ErrorKind::kInvalidInput, std::move(code), std::move(message));
}

tl::unexpected<Error> OverflowError() {
  return MoneyError("money.overflow", "Phép tính số tiền bị tràn số, vượt quá giới hạn cho phép");
}

Status CheckCharacters(std::string_view text) {
  for (char c : text) {
    if (IsAsciiDigit(c) || IsGroupSeparator(c)) continue;
    if (c == '+' || c == '-') {
      return MoneyError("money.invalid_sign",
                        "Số tiền chỉ được có một dấu trừ '-' ở đầu; không dùng dấu '+'");
    }
    return MoneyError("money.invalid_character",
                      "Số tiền chỉ được chứa chữ số và dấu phân cách hàng nghìn "
                      "(dấu chấm, dấu phẩy hoặc khoảng trắng)");
  }
  return {};
}

// A decimal part looks like "1.5" or "1.250.000,50": the last separator is a
// point or comma that occurs once, and one or two digits follow it. Anything
// else with a wrong group is reported as bad grouping, the likelier typo.
bool LooksLikeFraction(std::string_view text) {
  std::size_t last = text.find_last_not_of("0123456789");
  std::size_t tail_length = text.size() - last - 1;
  bool separator_once = std::count(text.begin(), text.end(), text[last]) == 1;
  return text[last] != ' ' && separator_once && (tail_length == 1 || tail_length == 2);
}

// Returns the digits of a grouped number such as "1.250.000".
// REQUIRES: text holds only digits and group separators, at least one separator.
Result<std::string> Ungroup(std::string_view text) {
  if (LooksLikeFraction(text)) {
    return MoneyError("money.fraction_not_allowed",
                      "Số tiền phải là số nguyên đồng, không có phần thập phân");
  }
  char separator = text[text.find_first_not_of("0123456789")];
  std::string digits;
  std::size_t group_start = 0;
  bool first_group = true;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && IsAsciiDigit(text[i])) continue;
    std::size_t length = i - group_start;
    bool valid = first_group ? (length >= 1 && length <= 3) : length == 3;
    if (!valid || (i < text.size() && text[i] != separator)) {
      return MoneyError("money.grouping_invalid",
                        "Số tiền phân cách hàng nghìn không đúng: mỗi nhóm sau dấu phân cách "
                        "phải có đúng 3 chữ số và chỉ dùng một loại dấu phân cách");
    }
    digits.append(text.substr(group_start, length));
    group_start = i + 1;
    first_group = false;
  }
  return digits;
}

Result<MoneyVnd> FromDigits(std::string_view digits, bool negative) {
  const uint64_t limit = negative ? kNegativeLimit : static_cast<uint64_t>(kInt64Max);
  uint64_t magnitude = 0;
  for (char c : digits) {
    auto digit = static_cast<uint64_t>(c - '0');
    if (magnitude > (limit - digit) / 10) {
      return MoneyError("money.out_of_range", "Số tiền quá lớn, vượt quá giới hạn cho phép");
    }
    magnitude = magnitude * 10 + digit;
  }
  if (!negative) return MoneyVnd::FromDong(static_cast<int64_t>(magnitude));
  if (magnitude == kNegativeLimit) return MoneyVnd::FromDong(kInt64Min);
  return MoneyVnd::FromDong(-static_cast<int64_t>(magnitude));
}

uint64_t Magnitude(int64_t value) {
  return value < 0 ? uint64_t{0} - static_cast<uint64_t>(value) : static_cast<uint64_t>(value);
}

tl::unexpected<Error> CoefficientError(std::string code, std::string message) {
  return Fail(ErrorKind::kInvalidInput, std::move(code), std::move(message));
}

tl::unexpected<Error> CoefficientFormatError() {
  return CoefficientError("coefficient.invalid_format",
                          "Hệ số phải là số thập phân không âm dùng dấu chấm, ví dụ 1.5");
}

}  // namespace

Result<Coefficient> Coefficient::Parse(std::string_view text) {
  text = TrimAsciiSpace(text);
  if (text.empty()) return CoefficientError("coefficient.empty", "Hệ số không được để trống");
  if (text.front() == '-') return CoefficientError("coefficient.negative", "Hệ số không được âm");
  std::size_t point = text.find('.');
  std::string_view whole = text.substr(0, point);
  std::string_view fraction = point == std::string_view::npos ? "" : text.substr(point + 1);
  bool has_point = point != std::string_view::npos;
  if (!IsAsciiDigits(whole) || (has_point && !IsAsciiDigits(fraction))) {
    return CoefficientFormatError();
  }
  if (fraction.size() > kFractionDigitCount) {
    return CoefficientError("coefficient.too_many_decimals",
                            "Hệ số chỉ được có tối đa 6 chữ số thập phân");
  }
  Int128 scaled = 0;
  for (char c : whole) {
    scaled = scaled * 10 + (c - '0');
    if (scaled * kScale > kInt64Max) {
      return CoefficientError("coefficient.out_of_range", "Hệ số quá lớn");
    }
  }
  Int128 fraction_scaled = 0;
  for (std::size_t i = 0; i < kFractionDigitCount; ++i) {
    fraction_scaled = fraction_scaled * 10 + (i < fraction.size() ? fraction[i] - '0' : 0);
  }
  scaled = scaled * kScale + fraction_scaled;
  if (scaled > kInt64Max) return CoefficientError("coefficient.out_of_range", "Hệ số quá lớn");
  return Coefficient(static_cast<int64_t>(scaled));
}

std::string Coefficient::ToString() const {
  std::string text = std::to_string(scaled_ / kScale);
  int64_t fraction = scaled_ % kScale;
  if (fraction == 0) return text;
  std::string fraction_digits = std::to_string(fraction);
  fraction_digits.insert(0, kFractionDigitCount - fraction_digits.size(), '0');
  fraction_digits.erase(fraction_digits.find_last_not_of('0') + 1);
  return text + "." + fraction_digits;
}

Result<MoneyVnd> MoneyVnd::Parse(std::string_view text) {
  text = TrimAsciiSpace(text);
  if (text.empty()) return MoneyError("money.empty", "Số tiền không được để trống");
  bool negative = text.front() == '-';
  if (negative) text.remove_prefix(1);
  if (auto checked = CheckCharacters(text); !checked) return Fail(std::move(checked.error()));
  if (text.empty()) {
    return MoneyError("money.invalid_sign", "Sau dấu trừ '-' phải có chữ số của số tiền");
  }
  if (IsAsciiDigits(text)) return FromDigits(text, negative);
  Result<std::string> digits = Ungroup(text);
  if (!digits) return Fail(std::move(digits.error()));
  return FromDigits(*digits, negative);
}

Result<MoneyVnd> MoneyVnd::Add(MoneyVnd other) const {
  int64_t sum = 0;
  if (__builtin_add_overflow(amount_vnd_, other.amount_vnd_, &sum)) return OverflowError();
  return MoneyVnd(sum);
}

Result<MoneyVnd> MoneyVnd::Subtract(MoneyVnd other) const {
  int64_t difference = 0;
  if (__builtin_sub_overflow(amount_vnd_, other.amount_vnd_, &difference)) {
    return OverflowError();
  }
  return MoneyVnd(difference);
}

Result<MoneyVnd> MoneyVnd::MultiplyBy(const Coefficient& coefficient) const {
  const Int128 product = Int128{amount_vnd_} * coefficient.scaled();
  Int128 quotient = product / Coefficient::kScale;   // truncates toward zero
  Int128 remainder = product % Coefficient::kScale;  // same sign as product
  Int128 twice_remainder = remainder < 0 ? -2 * remainder : 2 * remainder;
  if (twice_remainder >= Coefficient::kScale) quotient += product < 0 ? -1 : 1;
  if (quotient > kInt64Max || quotient < kInt64Min) return OverflowError();
  return MoneyVnd(static_cast<int64_t>(quotient));
}

std::string MoneyVnd::ToString() const {
  return std::to_string(amount_vnd_);
}

std::string MoneyVnd::ToGroupedString() const {
  std::string digits = std::to_string(Magnitude(amount_vnd_));
  std::string grouped;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped.push_back('.');
    grouped.push_back(digits[i]);
  }
  return amount_vnd_ < 0 ? "-" + grouped : grouped;
}

}  // namespace ansinh::core
