// Writes export spreadsheets (payment lists for providers, reports) with
// libxlsxwriter in constant_memory mode, so a 100,000-row sheet costs about
// one row of memory: rows go to a temporary file as they are written.
//
// The constant_memory contract, which this API keeps by construction: within a
// sheet, rows are written top to bottom and never revisited. Text lines (a
// title, control totals, a watermark) may come before the header row; the
// header row is bold and frozen; data rows follow; text lines may close the
// sheet as a footer.
//
// Values: an integer (đồng) becomes a number with a "#,##0" format. Excel holds
// numbers as doubles, which are exact only up to 2^53, so larger magnitudes
// are refused rather than rounded. Identifiers (citizen IDs, account numbers,
// codes) must be Text so that Excel keeps their leading zeros.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/error.h"

// libxlsxwriter's handles, declared here so callers need not see its C header.
struct lxw_workbook;
struct lxw_worksheet;
struct lxw_format;

namespace ansinh::formats {

// The largest magnitude an XlsxValue::Integer may have: 2^53, below which every
// integer is exactly representable in Excel's double.
inline constexpr int64_t kXlsxMaxExactInteger = int64_t{1} << 53;

// One cell to write: empty, text or an integer.
class XlsxValue {
 public:
  XlsxValue() = default;
  static XlsxValue Text(std::string_view text) { return XlsxValue(std::string(text)); }
  static XlsxValue Integer(int64_t value) { return XlsxValue(value); }

  bool empty() const { return std::holds_alternative<std::monostate>(value_); }
  const std::string* text() const { return std::get_if<std::string>(&value_); }
  const int64_t* integer() const { return std::get_if<int64_t>(&value_); }

 private:
  explicit XlsxValue(std::string text) : value_(std::move(text)) {}
  explicit XlsxValue(int64_t value) : value_(value) {}
  std::variant<std::monostate, std::string, int64_t> value_;
};

struct XlsxColumn {
  std::string header;
  int width_chars = 0;  // 0 keeps Excel's default width; at most 255
};

// Document properties (File > Info in Excel): where an export states who made
// it and when, besides the visible watermark line. Empty fields are left out.
struct XlsxProperties {
  std::string title;
  std::string subject;
  std::string author;
  std::string company;
  std::string comments;
  std::string keywords;
};

class XlsxWriter;

// One worksheet of an XlsxWriter; owned by it and valid while it lives.
// Every call returns a failed Status for misuse or a libxlsxwriter error; after
// a failure the workbook should be abandoned (destroyed without Finish).
class XlsxSheet {
 public:
  // A plain text line in column A: before the header (title, control totals,
  // watermark) or after the data rows (footer). `bold` for a title.
  Status AddTextLine(std::string_view text, bool bold = false);

  // The bold header row, frozen so it stays visible. Once per sheet.
  // Error "xlsx_write.header_twice".
  Status AddHeader();

  // A data row; at most as many cells as columns, missing ones stay empty.
  // REQUIRES: AddHeader was called. Errors: "xlsx_write.no_header",
  // "xlsx_write.too_many_cells", kInvalidInput "xlsx_write.integer_too_large",
  // "xlsx_write.text_too_long" (over 32,767 characters), kLimitExceeded
  // "xlsx_write.sheet_full" (past Excel's 1,048,576 rows).
  Status AddRow(const std::vector<XlsxValue>& cells);

  // Rows written so far, text lines and header included.
  uint32_t rows_written() const { return next_row_; }

  // A centred footer on every printed page (e.g. the export watermark). '&'
  // is escaped, so the text prints as given. Errors: "xlsx_write.text_too_long"
  // (Excel allows 255 characters, escapes included).
  Status SetPrintFooter(std::string_view text);

 private:
  friend class XlsxWriter;
  XlsxSheet(XlsxWriter& writer, lxw_worksheet* worksheet, std::vector<XlsxColumn> columns);
  Status WriteCell(uint16_t column, const XlsxValue& value);
  Status FinishRow();

  XlsxWriter& writer_;
  lxw_worksheet* worksheet_;
  std::vector<XlsxColumn> columns_;
  uint32_t next_row_ = 0;
  bool header_written_ = false;
};

// A workbook being written to a file. Not thread-safe; not movable (sheets
// point back to it). Destroying it without Finish removes the partial file, so
// a failed export never leaves a plausible-looking spreadsheet behind.
class XlsxWriter {
 public:
  // Errors: kUnavailable "xlsx_write.create_failed".
  static Result<std::unique_ptr<XlsxWriter>> Create(const std::filesystem::path& path);

  XlsxWriter(const XlsxWriter&) = delete;
  XlsxWriter& operator=(const XlsxWriter&) = delete;
  ~XlsxWriter();

  // A new sheet with these columns (widths applied now). Errors (kInvalidInput):
  // "xlsx_write.sheet_name_too_long" (over 31 characters),
  // "xlsx_write.sheet_name_invalid" ([]:*?/\ or edge apostrophes),
  // "xlsx_write.sheet_name_taken", "xlsx_write.no_columns".
  Result<XlsxSheet*> AddSheet(std::string_view name, std::vector<XlsxColumn> columns);

  // Sets the document properties; any time before Finish. Errors: the
  // library's (kInternal "xlsx_write.failed"), "xlsx_write.finished".
  Status SetProperties(const XlsxProperties& properties);

  // Writes the file out. Errors: kUnavailable "xlsx_write.io_failed" and
  // "xlsx_write.zip_failed", kInternal "xlsx_write.failed"; "xlsx_write.finished"
  // when called twice.
  Status Finish();

 private:
  friend class XlsxSheet;
  XlsxWriter(std::filesystem::path path, lxw_workbook* workbook);

  std::filesystem::path path_;
  lxw_workbook* workbook_;
  // Owned by the workbook, freed when it closes.
  lxw_format* bold_ = nullptr;
  lxw_format* header_ = nullptr;
  lxw_format* text_ = nullptr;     // "@": Excel keeps typed edits as text too
  lxw_format* integer_ = nullptr;  // "#,##0"
  std::vector<std::unique_ptr<XlsxSheet>> sheets_;
  bool finished_ = false;
};

// The Status for a libxlsxwriter error code (0 is success). Exposed for tests.
Status XlsxWriteStatus(int lxw_error_code);

}  // namespace ansinh::formats
