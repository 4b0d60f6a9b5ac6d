// Field helpers shared by the reference loaders: typed, validated access to the
// cells of a CsvTable with errors that name the file, row and column.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "formats/csv_reader.h"

namespace ansinh::formats {

// Trims ASCII whitespace (incl. line breaks inside quoted cells) at both ends
// and collapses inner runs of whitespace to one space.
std::string CollapseSpaces(std::string_view text);

// The source file name is kept for error messages.
class CsvColumns {
 public:
  // Errors: kInvalidInput "reference.missing_column" naming the first absent column.
  static Result<CsvColumns> Require(const CsvTable& table, std::string file,
                                    const std::vector<std::string>& names);

  std::string_view Text(const CsvRow& row, std::size_t column) const;
  // Value of the column, which must match `digits` decimal digits exactly.
  Result<std::string> Digits(const CsvRow& row, std::size_t column, std::size_t digits) const;
  Result<std::optional<std::int64_t>> OptionalInt(const CsvRow& row, std::size_t column) const;
  Result<std::optional<std::string>> OptionalDate(const CsvRow& row, std::size_t column) const;
  // An exact non-negative decimal such as "2.5" or "0.75", kept as text.
  Result<std::optional<std::string>> OptionalDecimal(const CsvRow& row, std::size_t column) const;

  Error FieldError(const CsvRow& row, std::size_t column, std::string code,
                   std::string problem) const;

 private:
  std::string file_;
  std::vector<std::size_t> index_;  // position of the i-th required name
  std::vector<std::string> names_;
};

// True for YYYY-MM-DD with a real calendar day.
bool IsIsoDate(std::string_view text);

}  // namespace ansinh::formats
