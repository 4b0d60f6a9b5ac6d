// A strict RFC 4180 CSV reader for the shipped reference data and, later, the
// beneficiary import.
//
// Accepted: quoted fields with "" escapes and line breaks inside quotes, CRLF or
// LF line ends, an optional UTF-8 byte-order mark, comma or semicolon as the
// delimiter (whichever occurs in the header line outside quotes; comma wins a
// tie, since Vietnamese text rarely contains semicolons but spreadsheets in a
// vi-VN locale export them). Rejected with the row and column named: invalid
// UTF-8, a stray quote inside an unquoted field, text after a closing quote, an
// unterminated quote, and anything over the limits below.
//
// Rows are numbered as a spreadsheet user counts them: the header is row 1 and a
// record spanning several physical lines is still one row.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace ansinh::formats {

struct CsvLimits {
  std::size_t max_file_bytes = 64u * 1024u * 1024u;
  std::size_t max_rows = 500'000;          // including the header row
  std::size_t max_field_bytes = 64u * 1024u;
  std::size_t max_fields_per_row = 256;
};

struct CsvRow {
  long row_number = 0;  // 1-based, header = 1
  std::vector<std::string> fields;
};

// Reads records one at a time from text it owns. Not thread-safe; cheap to move.
class CsvReader {
 public:
  // Errors: kLimitExceeded "csv.file_too_large"; kInvalidInput "csv.empty".
  static Result<CsvReader> FromString(std::string text, const CsvLimits& limits = {});
  // The same over text the caller keeps. REQUIRES: `text` outlives the reader.
  static Result<CsvReader> FromView(std::string_view text, const CsvLimits& limits = {});
  // Errors as FromString, plus kNotFound "csv.file_not_found" / kUnavailable "csv.read_failed".
  static Result<CsvReader> FromFile(const std::filesystem::path& path,
                                    const CsvLimits& limits = {});

  char delimiter() const { return delimiter_; }

  // The next record, or std::nullopt at the end of the text. After an error the
  // reader must not be used again. A trailing line break does not make an empty row.
  Result<std::optional<CsvRow>> Next();
  // The same into `row`, reusing its strings (no allocation per field once
  // warm): false at the end of the text.
  Result<bool> NextInto(CsvRow& row);

 private:
  CsvReader(std::unique_ptr<const std::string> owned, std::string_view text,
            const CsvLimits& limits);
  Status ReadField(long row, std::size_t column, std::string& field, bool& end_of_record);
  Status ReadQuoted(long row, std::size_t column, std::string& field);
  Status ReadUnquoted(long row, std::size_t column, std::string& field);
  bool AtRecordEnd() const;
  void SkipRecordEnd();

  std::unique_ptr<const std::string> owned_;  // null when reading the caller's text
  std::string_view text_;                     // *owned_ or the caller's
  std::size_t pos_ = 0;
  long rows_read_ = 0;
  CsvLimits limits_;
  char delimiter_ = ',';
};

// A whole file with its header row, for tables small enough to hold in memory.
struct CsvTable {
  std::vector<std::string> header;
  std::vector<CsvRow> rows;  // data rows only; row_number still counts the header

  // Index of a header column, or std::nullopt.
  std::optional<std::size_t> ColumnIndex(std::string_view name) const;
};

// Reads a file whose first row is the header; every data row must have exactly
// as many fields as the header (error "csv.field_count" with the row).
Result<CsvTable> ReadCsvTable(const std::filesystem::path& path, const CsvLimits& limits = {});
Result<CsvTable> ReadCsvTable(std::string text, const CsvLimits& limits = {});

// True when `text` is well-formed UTF-8 (no overlongs, surrogates or > U+10FFFF).
bool IsValidUtf8(std::string_view text);

}  // namespace ansinh::formats
