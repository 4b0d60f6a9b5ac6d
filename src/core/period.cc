#include "core/period.h"

#include <cstdint>
#include <cstdio>

#include "core/ascii.h"

namespace ansinh::core {
namespace {

tl::unexpected<Error> PeriodError(std::string code, std::string message) {
  return Fail(ErrorKind::kInvalidInput, std::move(code), std::move(message));
}

bool IsDigitsOfLength(std::string_view text, std::size_t length) {
  return text.size() == length && IsAsciiDigits(text);
}

}  // namespace

Result<Period> Period::Parse(std::string_view text) {
  text = TrimAsciiSpace(text);
  if (text.empty()) return PeriodError("period.empty", "Kỳ (tháng) không được để trống");
  if (text.size() != 7 || text[4] != '-' || !IsDigitsOfLength(text.substr(0, 4), 4) ||
      !IsDigitsOfLength(text.substr(5, 2), 2)) {
    return PeriodError("period.invalid_format", "Kỳ phải có dạng YYYY-MM, ví dụ 2024-07");
  }
  return FromYearMonth(SmallDigitsValue(text.substr(0, 4)), SmallDigitsValue(text.substr(5, 2)));
}

Result<Period> Period::ParseMonthYear(std::string_view text) {
  text = TrimAsciiSpace(text);
  if (text.empty()) return PeriodError("period.empty", "Tháng không được để trống");
  std::size_t slash = text.find('/');
  std::string_view month = text.substr(0, slash);
  std::string_view year = slash == std::string_view::npos ? "" : text.substr(slash + 1);
  bool month_ok = IsDigitsOfLength(month, 1) || IsDigitsOfLength(month, 2);
  if (!month_ok || !IsDigitsOfLength(year, 4)) {
    return PeriodError("period.invalid_format", "Tháng phải có dạng mm/yyyy, ví dụ 07/2024");
  }
  return FromYearMonth(SmallDigitsValue(year), SmallDigitsValue(month));
}

Result<Period> Period::FromYearMonth(int year, int month) {
  if (year < kMinYear || year > kMaxYear) {
    return PeriodError("period.year_out_of_range", "Năm của kỳ phải trong khoảng từ 1900 đến 2199");
  }
  if (month < 1 || month > 12) {
    return PeriodError("period.month_out_of_range", "Tháng phải từ 1 đến 12");
  }
  return Period(year, month);
}

Result<Period> Period::PlusMonths(int months) const {
  // int64 so that adding any int to a valid index cannot overflow.
  const int64_t index = int64_t{MonthIndex()} + months;
  if (index < int64_t{kMinYear} * 12 || index > int64_t{kMaxYear} * 12 + 11) {
    return PeriodError("period.out_of_range", "Kỳ tính ra nằm ngoài khoảng năm 1900–2199");
  }
  return Period(static_cast<int>(index / 12), static_cast<int>(index % 12) + 1);
}

int Period::MonthsUntil(const Period& other) const {
  return other.MonthIndex() - MonthIndex();
}

Date Period::FirstDay() const {
  return Date(year_, month_, 1);
}

Date Period::LastDay() const {
  return Date(year_, month_, Date::DaysInMonth(year_, month_));
}

std::string Period::ToString() const {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d", year_, month_);
  return buffer;
}

}  // namespace ansinh::core
