#include "formats/xlsx_writer.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <system_error>
#include <utility>

namespace ansinh::formats {
namespace {

constexpr uint32_t kExcelMaxRows = 1'048'576;
constexpr int kMaxColumnWidthChars = 255;

tl::unexpected<Error> Invalid(std::string code, std::string message) {
  return Fail(ErrorKind::kInvalidInput, std::move(code), std::move(message));
}

Status SheetNameStatus(lxw_error error) {
  switch (error) {
    case LXW_NO_ERROR:
      return {};
    case LXW_ERROR_SHEETNAME_LENGTH_EXCEEDED:
      return Invalid("xlsx_write.sheet_name_too_long", "Tên trang tính dài quá 31 ký tự");
    case LXW_ERROR_INVALID_SHEETNAME_CHARACTER:
    case LXW_ERROR_SHEETNAME_START_END_APOSTROPHE:
      return Invalid("xlsx_write.sheet_name_invalid",
                     "Tên trang tính không được chứa các ký tự [ ] : * ? / \\ hoặc bắt đầu, kết "
                     "thúc bằng dấu nháy đơn");
    case LXW_ERROR_SHEETNAME_ALREADY_USED:
      return Invalid("xlsx_write.sheet_name_taken", "Tên trang tính đã được dùng trong tệp");
    default:
      return XlsxWriteStatus(error);
  }
}

// The error of a failed Status, for functions that return a Result.
tl::unexpected<Error> FailWith(const Status& failed) {
  return tl::unexpected<Error>(failed.error());
}

lxw_format* NewFormat(lxw_workbook* workbook, bool bold, const char* number_format) {
  lxw_format* format = workbook_add_format(workbook);
  if (format == nullptr) return nullptr;
  if (bold) format_set_bold(format);
  if (number_format != nullptr) format_set_num_format(format, number_format);
  return format;
}

}  // namespace

Status XlsxWriteStatus(int lxw_error_code) {
  const auto error = static_cast<lxw_error>(lxw_error_code);
  switch (error) {
    case LXW_NO_ERROR:
      return {};
    case LXW_ERROR_CREATING_XLSX_FILE:
      return Fail(ErrorKind::kUnavailable, "xlsx_write.create_failed",
                  "Không tạo được tệp Excel (thư mục không tồn tại hoặc không có quyền ghi)");
    case LXW_ERROR_CREATING_TMPFILE:
    case LXW_ERROR_READING_TMPFILE:
      return Fail(ErrorKind::kUnavailable, "xlsx_write.io_failed",
                  "Không ghi được tệp tạm khi tạo tệp Excel (đĩa đầy hoặc không có quyền ghi)");
    case LXW_ERROR_ZIP_FILE_OPERATION:
    case LXW_ERROR_ZIP_PARAMETER_ERROR:
    case LXW_ERROR_ZIP_BAD_ZIP_FILE:
    case LXW_ERROR_ZIP_INTERNAL_ERROR:
    case LXW_ERROR_ZIP_FILE_ADD:
    case LXW_ERROR_ZIP_CLOSE:
      return Fail(ErrorKind::kUnavailable, "xlsx_write.zip_failed",
                  "Không nén được tệp Excel (đĩa đầy hoặc lỗi ghi tệp)");
    case LXW_ERROR_32_STRING_LENGTH_EXCEEDED:
    case LXW_ERROR_128_STRING_LENGTH_EXCEEDED:
    case LXW_ERROR_255_STRING_LENGTH_EXCEEDED:
    case LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED:
      return Invalid("xlsx_write.text_too_long", "Nội dung ô dài quá giới hạn của Excel");
    case LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE:
      return Fail(ErrorKind::kLimitExceeded, "xlsx_write.sheet_full",
                  "Trang tính vượt quá số dòng hoặc số cột tối đa của Excel");
    case LXW_ERROR_SHEETNAME_LENGTH_EXCEEDED:
    case LXW_ERROR_INVALID_SHEETNAME_CHARACTER:
    case LXW_ERROR_SHEETNAME_START_END_APOSTROPHE:
    case LXW_ERROR_SHEETNAME_ALREADY_USED:
      return SheetNameStatus(error);
    default:
      return Fail(ErrorKind::kInternal, "xlsx_write.failed",
                  std::string("Lỗi khi tạo tệp Excel: ") + lxw_strerror(error));
  }
}

Result<std::unique_ptr<XlsxWriter>> XlsxWriter::Create(const std::filesystem::path& path) {
  std::error_code error;
  const std::filesystem::path parent = path.parent_path();
  if (!parent.empty() && !std::filesystem::is_directory(parent, error)) {
    return FailWith(XlsxWriteStatus(LXW_ERROR_CREATING_XLSX_FILE));
  }
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;
  lxw_workbook* workbook = workbook_new_opt(path.c_str(), &options);
  if (workbook == nullptr) {
    return FailWith(XlsxWriteStatus(LXW_ERROR_CREATING_XLSX_FILE));
  }
  std::unique_ptr<XlsxWriter> writer(new XlsxWriter(path, workbook));
  writer->bold_ = NewFormat(workbook, true, nullptr);
  writer->header_ = NewFormat(workbook, true, "@");
  writer->text_ = NewFormat(workbook, false, "@");
  writer->integer_ = NewFormat(workbook, false, "#,##0");
  if (!writer->bold_ || !writer->header_ || !writer->text_ || !writer->integer_) {
    return FailWith(XlsxWriteStatus(LXW_ERROR_MEMORY_MALLOC_FAILED));
  }
  format_set_bottom(writer->header_, LXW_BORDER_THIN);
  return writer;
}

XlsxWriter::XlsxWriter(std::filesystem::path path, lxw_workbook* workbook)
    : path_(std::move(path)), workbook_(workbook) {}

XlsxWriter::~XlsxWriter() {
  if (finished_) return;
  // libxlsxwriter frees its memory only in workbook_close, which also writes
  // the file; the unfinished file is removed straight after.
  workbook_close(workbook_);
  std::error_code ignored;
  std::filesystem::remove(path_, ignored);
}

Result<XlsxSheet*> XlsxWriter::AddSheet(std::string_view name, std::vector<XlsxColumn> columns) {
  if (finished_) return Invalid("xlsx_write.finished", "Tệp Excel đã được ghi xong");
  if (columns.empty() || columns.size() > LXW_COL_MAX) {
    return Invalid("xlsx_write.no_columns", "Trang tính cần ít nhất một cột");
  }
  const std::string sheet_name(name);
  if (sheet_name.empty()) return FailWith(SheetNameStatus(LXW_ERROR_INVALID_SHEETNAME_CHARACTER));
  if (Status valid = SheetNameStatus(workbook_validate_sheet_name(workbook_, sheet_name.c_str()));
      !valid) {
    return FailWith(valid);
  }
  lxw_worksheet* worksheet = workbook_add_worksheet(workbook_, sheet_name.c_str());
  if (worksheet == nullptr) return FailWith(XlsxWriteStatus(LXW_ERROR_MEMORY_MALLOC_FAILED));
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (columns[i].width_chars <= 0) continue;
    const auto column = static_cast<lxw_col_t>(i);
    const int width = std::min(columns[i].width_chars, kMaxColumnWidthChars);
    Status set = XlsxWriteStatus(worksheet_set_column(worksheet, column, column, width, nullptr));
    if (!set) return FailWith(set);
  }
  sheets_.push_back(
      std::unique_ptr<XlsxSheet>(new XlsxSheet(*this, worksheet, std::move(columns))));
  return sheets_.back().get();
}

Status XlsxWriter::SetProperties(const XlsxProperties& properties) {
  if (finished_) return Invalid("xlsx_write.finished", "Tệp Excel đã được ghi xong");
  // libxlsxwriter copies the strings, so pointers into `properties` suffice.
  const auto field = [](const std::string& text) {
    return text.empty() ? nullptr : const_cast<char*>(text.c_str());
  };
  lxw_doc_properties props{};
  props.title = field(properties.title);
  props.subject = field(properties.subject);
  props.author = field(properties.author);
  props.company = field(properties.company);
  props.comments = field(properties.comments);
  props.keywords = field(properties.keywords);
  return XlsxWriteStatus(workbook_set_properties(workbook_, &props));
}

Status XlsxWriter::Finish() {
  if (finished_) return Invalid("xlsx_write.finished", "Tệp Excel đã được ghi xong");
  finished_ = true;
  const lxw_error error = workbook_close(workbook_);
  workbook_ = nullptr;
  Status status = XlsxWriteStatus(error);
  if (!status) {
    std::error_code ignored;
    std::filesystem::remove(path_, ignored);
  }
  return status;
}

XlsxSheet::XlsxSheet(XlsxWriter& writer, lxw_worksheet* worksheet, std::vector<XlsxColumn> columns)
    : writer_(writer), worksheet_(worksheet), columns_(std::move(columns)) {}

Status XlsxSheet::FinishRow() {
  ++next_row_;
  return {};
}

Status XlsxSheet::AddTextLine(std::string_view text, bool bold) {
  if (writer_.finished_) return Invalid("xlsx_write.finished", "Tệp Excel đã được ghi xong");
  if (next_row_ >= kExcelMaxRows) return XlsxWriteStatus(LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE);
  const std::string line(text);
  Status written = XlsxWriteStatus(worksheet_write_string(worksheet_, next_row_, 0, line.c_str(),
                                                          bold ? writer_.bold_ : nullptr));
  if (!written) return written;
  return FinishRow();
}

Status XlsxSheet::SetPrintFooter(std::string_view text) {
  if (writer_.finished_) return Invalid("xlsx_write.finished", "Tệp Excel đã được ghi xong");
  std::string footer = "&C";
  for (const char c : text) {
    footer.push_back(c);
    if (c == '&') footer.push_back('&');  // a literal ampersand in Excel's footer codes
  }
  return XlsxWriteStatus(worksheet_set_footer(worksheet_, footer.c_str()));
}

Status XlsxSheet::AddHeader() {
  if (header_written_) return Invalid("xlsx_write.header_twice", "Dòng tiêu đề đã được ghi");
  if (writer_.finished_) return Invalid("xlsx_write.finished", "Tệp Excel đã được ghi xong");
  if (next_row_ >= kExcelMaxRows) return XlsxWriteStatus(LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE);
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    Status written =
        XlsxWriteStatus(worksheet_write_string(worksheet_, next_row_, static_cast<lxw_col_t>(i),
                                               columns_[i].header.c_str(), writer_.header_));
    if (!written) return written;
  }
  worksheet_freeze_panes(worksheet_, next_row_ + 1, 0);
  header_written_ = true;
  return FinishRow();
}

Status XlsxSheet::WriteCell(uint16_t column, const XlsxValue& value) {
  if (const std::string* text = value.text()) {
    return XlsxWriteStatus(
        worksheet_write_string(worksheet_, next_row_, column, text->c_str(), writer_.text_));
  }
  if (const int64_t* integer = value.integer()) {
    if (*integer > kXlsxMaxExactInteger || *integer < -kXlsxMaxExactInteger) {
      return Invalid("xlsx_write.integer_too_large",
                     "Số " + std::to_string(*integer) + " quá lớn để Excel lưu chính xác");
    }
    // Exact: every integer of magnitude up to 2^53 is a double.
    return XlsxWriteStatus(worksheet_write_number(worksheet_, next_row_, column,
                                                  static_cast<double>(*integer), writer_.integer_));
  }
  return {};
}

Status XlsxSheet::AddRow(const std::vector<XlsxValue>& cells) {
  if (!header_written_)
    return Invalid("xlsx_write.no_header", "Cần ghi dòng tiêu đề trước dòng dữ liệu");
  if (writer_.finished_) return Invalid("xlsx_write.finished", "Tệp Excel đã được ghi xong");
  if (cells.size() > columns_.size()) {
    return Invalid("xlsx_write.too_many_cells", "Dòng có nhiều ô hơn số cột của trang tính");
  }
  if (next_row_ >= kExcelMaxRows) return XlsxWriteStatus(LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE);
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (Status written = WriteCell(static_cast<uint16_t>(i), cells[i]); !written) return written;
  }
  return FinishRow();
}

}  // namespace ansinh::formats
