#include "core/date.h"

#include <cstdio>
#include <vector>

#include "core/ascii.h"

namespace ansinh::core {
namespace {

tl::unexpected<Error> DateError(std::string code, std::string message) {
  return Fail(ErrorKind::kInvalidInput, std::move(code), std::move(message));
}

tl::unexpected<Error> FormatError() {
  return DateError("date.invalid_format",
                   "Ngày phải có dạng dd/mm/yyyy, yyyy-mm-dd hoặc chỉ ghi năm yyyy");
}

std::vector<std::string_view> Split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == separator) {
      parts.push_back(text.substr(start, i - start));
      start = i + 1;
    }
  }
  return parts;
}

bool IsDigitsOfLength(std::string_view text, std::size_t min_length, std::size_t max_length) {
  return IsAsciiDigits(text) && text.size() >= min_length && text.size() <= max_length;
}

Status CheckYear(int year) {
  if (year >= Date::kMinYear && year <= Date::kMaxYear) return {};
  return DateError("date.year_out_of_range", "Năm phải trong khoảng từ 1900 đến 2199");
}

// "d/m/yyyy" or "dd/mm/yyyy".
Result<Date> ParseVietnamese(std::string_view text) {
  std::vector<std::string_view> parts = Split(text, '/');
  if (parts.size() != 3 || !IsDigitsOfLength(parts[0], 1, 2) || !IsDigitsOfLength(parts[1], 1, 2) ||
      !IsDigitsOfLength(parts[2], 4, 4)) {
    return FormatError();
  }
  return Date::FromYmd(SmallDigitsValue(parts[2]), SmallDigitsValue(parts[1]),
                       SmallDigitsValue(parts[0]));
}

// "yyyy-mm-dd" exactly.
Result<Date> ParseIso(std::string_view text) {
  std::vector<std::string_view> parts = Split(text, '-');
  if (parts.size() != 3 || !IsDigitsOfLength(parts[0], 4, 4) || !IsDigitsOfLength(parts[1], 2, 2) ||
      !IsDigitsOfLength(parts[2], 2, 2)) {
    return FormatError();
  }
  return Date::FromYmd(SmallDigitsValue(parts[0]), SmallDigitsValue(parts[1]),
                       SmallDigitsValue(parts[2]));
}

}  // namespace

Result<Date> Date::Parse(std::string_view text) {
  text = TrimAsciiSpace(text);
  if (text.empty()) return DateError("date.empty", "Ngày không được để trống");
  if (text.find('/') != std::string_view::npos) return ParseVietnamese(text);
  if (text.find('-') != std::string_view::npos) return ParseIso(text);
  if (IsDigitsOfLength(text, 4, 4)) return YearOnly(SmallDigitsValue(text));
  return FormatError();
}

Result<Date> Date::FromYmd(int year, int month, int day) {
  if (auto checked = CheckYear(year); !checked) return Fail(std::move(checked.error()));
  if (month < 1 || month > 12) {
    return DateError("date.month_out_of_range", "Tháng phải từ 1 đến 12");
  }
  int days = DaysInMonth(year, month);
  if (day < 1 || day > days) {
    return DateError("date.day_out_of_range", "Ngày " + std::to_string(day) +
                                                  " không có trong tháng " + std::to_string(month) +
                                                  "/" + std::to_string(year) + " (tháng này có " +
                                                  std::to_string(days) + " ngày)");
  }
  return Date(year, month, day);
}

Result<Date> Date::YearOnly(int year) {
  if (auto checked = CheckYear(year); !checked) return Fail(std::move(checked.error()));
  return Date(year, 0, 0);
}

bool Date::IsLeapYear(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int Date::DaysInMonth(int year, int month) {
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && IsLeapYear(year)) return 29;
  return kDays[month - 1];
}

std::string Date::ToIso() const {
  char buffer[16];
  if (is_year_only()) {
    std::snprintf(buffer, sizeof buffer, "%04d", year_);
  } else {
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year_, month_, day_);
  }
  return buffer;
}

int Date::AgeOn(const Date& day) const {
  // Year-only dates stand for 1 January (see the declaration).
  int birth_month = is_year_only() ? 1 : month_;
  int birth_day = is_year_only() ? 1 : day_;
  int on_month = day.is_year_only() ? 1 : day.month_;
  int on_day = day.is_year_only() ? 1 : day.day_;
  int age = day.year_ - year_;
  bool before_birthday = on_month < birth_month || (on_month == birth_month && on_day < birth_day);
  return before_birthday ? age - 1 : age;
}

}  // namespace ansinh::core
