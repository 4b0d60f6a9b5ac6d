// Reads one worksheet of an Excel .xlsx file (a beneficiary import, a
// provider's result sheet) into rows of UTF-8 text, as the user saw them.
//
// What a cell becomes:
//   text (shared, inline, rich-text runs joined)  -> the text, exactly;
//   number                                        -> exact decimal text, never
//       through double ("1250000", "1.5"; "3.8012345678E+11" -> "380123456780");
//   number with a date format (built-in 14-22, 45-47, or a custom code with
//       d/m/y)                                     -> "dd/mm/yyyy" (1900 or 1904
//       date system, as workbook.xml says);
//   boolean -> "TRUE" / "FALSE"; error -> its code ("#N/A");
//   formula -> its cached value, by the rules above.
// Cells missing between two cells of a row read as ""; cells after a row's last
// stored cell are not there (XlsxRow::Cell gives "" for them). Rows without any
// cell element are skipped; row_number is always the sheet's own.
//
// Limits are explicit (XlsxLimits) and each has its own error. The sheet is
// decompressed into one buffer bounded by max_entry_bytes and parsed a chunk of
// rows at a time, so memory stays near the size of that buffer however many
// rows it holds, and the caller sees one row at a time.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace ansinh::formats {

struct XlsxLimits {
  std::size_t max_file_bytes = 32u * 1024u * 1024u;    // the .xlsx as uploaded
  std::size_t max_entry_bytes = 256u * 1024u * 1024u;  // any one part, decompressed
  std::size_t max_zip_entries = 10'000;
  std::size_t max_rows = 500'000;       // rows holding cells, header included
  std::size_t max_columns = 256;        // the last column a cell may sit in is max_columns
  std::size_t max_cell_bytes = 32'767;  // Excel's own cap, in characters, is 32,767
};

struct XlsxRow {
  long row_number = 0;  // 1-based, as Excel numbers the row
  std::vector<std::string> cells;

  // The cell in zero-based `column`, or "" past the row's last stored cell.
  std::string_view Cell(std::size_t column) const {
    return column < cells.size() ? std::string_view(cells[column]) : std::string_view();
  }
};

// Receives each row; the reference is valid only during the call. A failed
// Status stops the reading and is returned as it is.
using XlsxRowCallback = std::function<Status(const XlsxRow&)>;

// An opened workbook. Not thread-safe; movable. Reading a sheet twice reads it
// from the archive again.
class XlsxWorkbook {
 public:
  // Errors: kNotFound "xlsx.file_not_found"; kUnavailable "xlsx.read_failed";
  // then as OpenBuffer.
  static Result<XlsxWorkbook> OpenFile(const std::filesystem::path& path,
                                       const XlsxLimits& limits = {});
  // Errors: kLimitExceeded "xlsx.file_too_large", "xlsx.too_many_entries",
  // "xlsx.entry_too_large"; kInvalidInput "xlsx.not_a_zip",
  // "xlsx.missing_part", "xlsx.malformed_xml", "xlsx.no_sheets".
  static Result<XlsxWorkbook> OpenBuffer(std::string bytes, const XlsxLimits& limits = {});

  XlsxWorkbook(XlsxWorkbook&& other) noexcept;
  XlsxWorkbook& operator=(XlsxWorkbook&& other) noexcept;
  ~XlsxWorkbook();

  // Sheet names in tab order.
  std::vector<std::string> SheetNames() const;

  // Calls on_row for each row of the sheet named `sheet_name` (exact match),
  // or of the first sheet when it is empty. Errors: kInvalidInput
  // "xlsx.sheet_not_found"; kLimitExceeded "xlsx.entry_too_large",
  // "xlsx.too_many_rows", "xlsx.too_many_columns", "xlsx.cell_too_large"
  // (each with the row in details); kInvalidInput "xlsx.malformed_xml",
  // "xlsx.bad_cell_reference", "xlsx.bad_row_number",
  // "xlsx.bad_shared_string", "xlsx.invalid_utf8"; or on_row's own error.
  Status ForEachRow(std::string_view sheet_name, const XlsxRowCallback& on_row) const;

  // All rows of a sheet at once, for sheets known to be small.
  Result<std::vector<XlsxRow>> ReadAllRows(std::string_view sheet_name = {}) const;

 private:
  struct Impl;
  explicit XlsxWorkbook(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Conveniences: open, then ReadAllRows.
Result<std::vector<XlsxRow>> ReadXlsxFile(const std::filesystem::path& path,
                                          std::string_view sheet_name = {},
                                          const XlsxLimits& limits = {});
Result<std::vector<XlsxRow>> ReadXlsxBuffer(std::string bytes, std::string_view sheet_name = {},
                                            const XlsxLimits& limits = {});

}  // namespace ansinh::formats
