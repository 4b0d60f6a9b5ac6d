#include "formats/xlsx_reader.h"

#include <fstream>
#include <system_error>
#include <utility>

#include "formats/csv_reader.h"
#include "formats/xlsx_errors.h"
#include "formats/xlsx_sheet.h"
#include "formats/xlsx_workbook.h"
#include "formats/xlsx_zip.h"

namespace ansinh::formats {

struct XlsxWorkbook::Impl {
  xlsx::ZipArchive zip;
  xlsx::WorkbookLayout layout;
  XlsxLimits limits;
};

namespace {

Error FileTooLarge(std::size_t max_file_bytes) {
  return xlsx::LimitExceeded("xlsx.file_too_large", "dung lượng tệp (byte)", max_file_bytes);
}

Result<std::string> ReadWholeFile(const std::filesystem::path& path, std::size_t max_file_bytes) {
  std::error_code error;
  const std::uintmax_t size = std::filesystem::file_size(path, error);
  if (error == std::errc::no_such_file_or_directory) {
    return Fail(ErrorKind::kNotFound, "xlsx.file_not_found",
                "Không tìm thấy tệp Excel “" + path.string() + "”");
  }
  if (!error && size > max_file_bytes) return Fail(FileTooLarge(max_file_bytes));
  std::ifstream in(path, std::ios::binary);
  std::string bytes(error ? 0 : static_cast<std::size_t>(size), '\0');
  if (error || !in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()))) {
    return Fail(ErrorKind::kUnavailable, "xlsx.read_failed",
                "Không đọc được tệp Excel “" + path.string() + "”");
  }
  return bytes;
}

Status CheckSharedStrings(const std::vector<std::string>& strings, const std::string& part) {
  for (const std::string& text : strings) {
    if (!IsValidUtf8(text)) {
      return Fail(
          ErrorKind::kInvalidInput, "xlsx.invalid_utf8",
          "Tệp Excel bị hỏng: phần “" + part + "” chứa ký tự không hợp lệ (không phải UTF-8)");
    }
  }
  return {};
}

const xlsx::SheetEntry* FindSheet(const xlsx::WorkbookLayout& layout, std::string_view name) {
  if (name.empty()) return &layout.sheets.front();
  for (const xlsx::SheetEntry& sheet : layout.sheets) {
    if (sheet.name == name) return &sheet;
  }
  return nullptr;
}

}  // namespace

XlsxWorkbook::XlsxWorkbook(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
XlsxWorkbook::XlsxWorkbook(XlsxWorkbook&& other) noexcept = default;
XlsxWorkbook& XlsxWorkbook::operator=(XlsxWorkbook&& other) noexcept = default;
XlsxWorkbook::~XlsxWorkbook() = default;

Result<XlsxWorkbook> XlsxWorkbook::OpenFile(const std::filesystem::path& path,
                                            const XlsxLimits& limits) {
  Result<std::string> bytes = ReadWholeFile(path, limits.max_file_bytes);
  if (!bytes) return Fail(std::move(bytes.error()));
  return OpenBuffer(std::move(*bytes), limits);
}

Result<XlsxWorkbook> XlsxWorkbook::OpenBuffer(std::string bytes, const XlsxLimits& limits) {
  if (bytes.size() > limits.max_file_bytes) return Fail(FileTooLarge(limits.max_file_bytes));
  Result<xlsx::ZipArchive> zip = xlsx::ZipArchive::Open(std::move(bytes), limits.max_zip_entries);
  if (!zip) return Fail(std::move(zip.error()));
  Result<xlsx::WorkbookLayout> layout = xlsx::ReadWorkbookLayout(*zip, limits.max_entry_bytes);
  if (!layout) return Fail(std::move(layout.error()));
  return XlsxWorkbook(std::make_unique<Impl>(Impl{std::move(*zip), std::move(*layout), limits}));
}

std::vector<std::string> XlsxWorkbook::SheetNames() const {
  std::vector<std::string> names;
  for (const xlsx::SheetEntry& sheet : impl_->layout.sheets) names.push_back(sheet.name);
  return names;
}

Status XlsxWorkbook::ForEachRow(std::string_view sheet_name, const XlsxRowCallback& on_row) const {
  const xlsx::SheetEntry* sheet = FindSheet(impl_->layout, sheet_name);
  if (sheet == nullptr) {
    return Fail(ErrorKind::kInvalidInput, "xlsx.sheet_not_found",
                "Không tìm thấy trang tính “" + std::string(sheet_name) + "” trong tệp Excel");
  }
  const std::size_t max_entry_bytes = impl_->limits.max_entry_bytes;
  const std::string& strings_part = impl_->layout.shared_strings_part;
  Result<std::vector<std::string>> strings =
      xlsx::ReadSharedStrings(impl_->zip, strings_part, max_entry_bytes);
  if (!strings) return Fail(std::move(strings.error()));
  if (Status checked = CheckSharedStrings(*strings, strings_part); !checked) return checked;
  Result<std::vector<bool>> date_styles =
      xlsx::ReadDateStyles(impl_->zip, impl_->layout.styles_part, max_entry_bytes);
  if (!date_styles) return Fail(std::move(date_styles.error()));
  Result<std::string> xml = impl_->zip.Read(sheet->part, max_entry_bytes);
  if (!xml) return Fail(std::move(xml.error()));
  const xlsx::SheetContext context{sheet->part, &*strings, &*date_styles, impl_->layout.date1904};
  return xlsx::StreamSheetRows(*xml, context, impl_->limits, on_row);
}

Result<std::vector<XlsxRow>> XlsxWorkbook::ReadAllRows(std::string_view sheet_name) const {
  std::vector<XlsxRow> rows;
  Status read = ForEachRow(sheet_name, [&rows](const XlsxRow& row) -> Status {
    rows.push_back(row);
    return {};
  });
  if (!read) return Fail(std::move(read.error()));
  return rows;
}

Result<std::vector<XlsxRow>> ReadXlsxFile(const std::filesystem::path& path,
                                          std::string_view sheet_name, const XlsxLimits& limits) {
  Result<XlsxWorkbook> workbook = XlsxWorkbook::OpenFile(path, limits);
  if (!workbook) return Fail(std::move(workbook.error()));
  return workbook->ReadAllRows(sheet_name);
}

Result<std::vector<XlsxRow>> ReadXlsxBuffer(std::string bytes, std::string_view sheet_name,
                                            const XlsxLimits& limits) {
  Result<XlsxWorkbook> workbook = XlsxWorkbook::OpenBuffer(std::move(bytes), limits);
  if (!workbook) return Fail(std::move(workbook.error()));
  return workbook->ReadAllRows(sheet_name);
}

}  // namespace ansinh::formats
