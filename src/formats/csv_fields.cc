#include "formats/csv_fields.h"

#include <charconv>
#include <utility>

#include "core/ascii.h"

namespace ansinh::formats {
namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

int ToInt(std::string_view digits) {
  int value = 0;
  std::from_chars(digits.data(), digits.data() + digits.size(), value);
  return value;
}

}  // namespace

std::string CollapseSpaces(std::string_view text) {
  std::string out;
  bool pending_space = false;
  for (char c : text) {
    if (IsSpace(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(c);
  }
  return out;
}

bool IsIsoDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  const auto year = text.substr(0, 4), month = text.substr(5, 2), day = text.substr(8, 2);
  if (!core::IsAsciiDigits(year) || !core::IsAsciiDigits(month) || !core::IsAsciiDigits(day))
    return false;
  const int y = ToInt(year), m = ToInt(month), d = ToInt(day);
  if (m < 1 || m > 12 || d < 1) return false;
  constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return d <= kDays[m - 1] + ((m == 2 && leap) ? 1 : 0);
}

Result<CsvColumns> CsvColumns::Require(const CsvTable& table, std::string file,
                                       const std::vector<std::string>& names) {
  CsvColumns columns;
  columns.file_ = std::move(file);
  columns.names_ = names;
  for (const auto& name : names) {
    const auto index = table.ColumnIndex(name);
    if (!index) {
      return Fail(ErrorKind::kInvalidInput, "reference.missing_column",
                  "Tệp " + columns.file_ + " thiếu cột \"" + name + "\".");
    }
    columns.index_.push_back(*index);
  }
  return columns;
}

std::string_view CsvColumns::Text(const CsvRow& row, std::size_t column) const {
  return row.fields[index_[column]];
}

Error CsvColumns::FieldError(const CsvRow& row, std::size_t column, std::string code,
                             std::string problem) const {
  Error error = MakeError(ErrorKind::kInvalidInput, code,
                          "Tệp " + file_ + ", dòng " + std::to_string(row.row_number) + ", cột " +
                              names_[column] + ": " + problem);
  error.details.push_back(
      ErrorDetail{row.row_number, names_[column], std::move(code), std::move(problem)});
  return error;
}

Result<std::string> CsvColumns::Digits(const CsvRow& row, std::size_t column,
                                       std::size_t digits) const {
  const std::string value = CollapseSpaces(Text(row, column));
  if (value.size() != digits || !core::IsAsciiDigits(value)) {
    return Fail(
        FieldError(row, column, "reference.bad_code",
                   "cần đúng " + std::to_string(digits) + " chữ số, nhận \"" + value + "\"."));
  }
  return value;
}

Result<std::optional<std::int64_t>> CsvColumns::OptionalInt(const CsvRow& row,
                                                            std::size_t column) const {
  const std::string value = CollapseSpaces(Text(row, column));
  if (value.empty()) return std::optional<std::int64_t>();
  std::int64_t number = 0;
  const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), number);
  if (ec != std::errc() || end != value.data() + value.size() || number < 0) {
    return Fail(FieldError(row, column, "reference.bad_integer",
                           "cần một số nguyên không âm, nhận \"" + value + "\"."));
  }
  return std::optional<std::int64_t>(number);
}

Result<std::optional<std::string>> CsvColumns::OptionalDate(const CsvRow& row,
                                                            std::size_t column) const {
  std::string value = CollapseSpaces(Text(row, column));
  if (value.empty()) return std::optional<std::string>();
  if (!IsIsoDate(value)) {
    return Fail(FieldError(row, column, "reference.bad_date",
                           "cần ngày dạng YYYY-MM-DD, nhận \"" + value + "\"."));
  }
  return std::optional<std::string>(std::move(value));
}

Result<std::optional<std::string>> CsvColumns::OptionalDecimal(const CsvRow& row,
                                                               std::size_t column) const {
  std::string value = CollapseSpaces(Text(row, column));
  if (value.empty()) return std::optional<std::string>();
  const auto dot = value.find('.');
  const std::string_view whole = std::string_view(value).substr(0, dot);
  const std::string_view fraction =
      dot == std::string::npos ? std::string_view("0") : std::string_view(value).substr(dot + 1);
  if (!core::IsAsciiDigits(whole) || !core::IsAsciiDigits(fraction) || value.size() > 20) {
    return Fail(FieldError(row, column, "reference.bad_decimal",
                           "cần một số thập phân dạng 1.5, nhận \"" + value + "\"."));
  }
  return std::optional<std::string>(std::move(value));
}

}  // namespace ansinh::formats
