#include "formats/xlsx_errors.h"

#include <utility>

namespace ansinh::formats::xlsx {
namespace {

std::string Quoted(std::string_view text) {
  std::string quoted = "“";
  quoted += text;
  quoted += "”";
  return quoted;
}

Error WithDetail(Error error, long row, std::string field) {
  error.details.push_back(ErrorDetail{row, std::move(field), error.code, error.message});
  return error;
}

}  // namespace

Error NotAZip(bool legacy) {
  if (legacy) {
    return MakeError(ErrorKind::kInvalidInput, "xlsx.not_a_zip",
                     "Tệp là định dạng Excel cũ (.xls) hoặc đã đặt mật khẩu; hãy mở bằng "
                     "Excel, bỏ mật khẩu và lưu lại dưới dạng .xlsx");
  }
  return MakeError(ErrorKind::kInvalidInput, "xlsx.not_a_zip",
                   "Tệp không phải là tệp Excel (.xlsx) hợp lệ");
}

Error MissingPart(std::string_view part) {
  return WithDetail(MakeError(ErrorKind::kInvalidInput, "xlsx.missing_part",
                              "Tệp Excel (.xlsx) không hợp lệ: thiếu phần " + Quoted(part)),
                    0, std::string(part));
}

Error MalformedXml(std::string_view part, long row) {
  std::string message = "Tệp Excel bị hỏng: phần " + Quoted(part) + " không phải XML hợp lệ";
  if (row > 0) message += " (gần dòng " + std::to_string(row) + ")";
  return WithDetail(MakeError(ErrorKind::kInvalidInput, "xlsx.malformed_xml", std::move(message)),
                    row, std::string(part));
}

Error CorruptEntry(std::string_view part) {
  return WithDetail(MakeError(ErrorKind::kInvalidInput, "xlsx.corrupt_entry",
                              "Tệp Excel bị hỏng: không giải nén được phần " + Quoted(part)),
                    0, std::string(part));
}

Error LimitExceeded(std::string code, std::string_view what, std::size_t limit, long row) {
  std::string message = "Tệp Excel vượt quá giới hạn " + std::string(what) + " (tối đa " +
                        std::to_string(limit) + ")";
  if (row > 0) message += " tại dòng " + std::to_string(row);
  Error error = MakeError(ErrorKind::kLimitExceeded, std::move(code), std::move(message));
  return row > 0 ? WithDetail(std::move(error), row, "") : error;
}

Error CellError(std::string code, std::string message, long row, std::string field) {
  return WithDetail(MakeError(ErrorKind::kInvalidInput, std::move(code), std::move(message)), row,
                    std::move(field));
}

}  // namespace ansinh::formats::xlsx
