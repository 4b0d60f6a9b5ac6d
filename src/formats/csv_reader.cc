#include "formats/csv_reader.h"

#include <fstream>
#include <iterator>
#include <utility>

namespace ansinh::formats {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

tl::unexpected<Error> RowError(ErrorKind kind, long row, std::size_t column, std::string code,
                               std::string message) {
  Error error = MakeError(kind, code, "Tệp CSV không hợp lệ ở dòng " + std::to_string(row) +
                                          ", cột " + std::to_string(column) + ": " + message);
  error.details.push_back(ErrorDetail{row, std::to_string(column), std::move(code),
                                      std::move(message)});
  return Fail(std::move(error));
}

// Counts delimiters in the first record outside quotes; a header rarely quotes
// a delimiter, but a quoted one must not decide the guess.
char DetectDelimiter(std::string_view text) {
  std::size_t commas = 0;
  std::size_t semicolons = 0;
  bool quoted = false;
  for (char c : text) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n' || c == '\r') break;
    if (c == ',') ++commas;
    if (c == ';') ++semicolons;
  }
  return semicolons > commas ? ';' : ',';
}

}  // namespace

CsvReader::CsvReader(std::unique_ptr<const std::string> owned, std::string_view text,
                     const CsvLimits& limits)
    : owned_(std::move(owned)), text_(text), limits_(limits) {
  if (text_.starts_with(kUtf8Bom)) pos_ = kUtf8Bom.size();
  delimiter_ = DetectDelimiter(text_.substr(pos_));
}

Result<CsvReader> CsvReader::FromString(std::string text, const CsvLimits& limits) {
  auto owned = std::make_unique<const std::string>(std::move(text));
  auto reader = FromView(*owned, limits);
  if (reader) reader->owned_ = std::move(owned);
  return reader;
}

Result<CsvReader> CsvReader::FromView(std::string_view text, const CsvLimits& limits) {
  if (text.size() > limits.max_file_bytes) {
    return Fail(ErrorKind::kLimitExceeded, "csv.file_too_large",
                "Tệp CSV vượt quá " + std::to_string(limits.max_file_bytes) + " byte.");
  }
  CsvReader reader(nullptr, text, limits);
  if (reader.pos_ >= reader.text_.size()) {
    return Fail(ErrorKind::kInvalidInput, "csv.empty", "Tệp CSV không có dữ liệu.");
  }
  return reader;
}

Result<CsvReader> CsvReader::FromFile(const std::filesystem::path& path, const CsvLimits& limits) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) {
    return Fail(ErrorKind::kNotFound, "csv.file_not_found",
                "Không tìm thấy tệp CSV: " + path.string());
  }
  if (size > limits.max_file_bytes) {
    return Fail(ErrorKind::kLimitExceeded, "csv.file_too_large",
                "Tệp CSV " + path.string() + " vượt quá " +
                    std::to_string(limits.max_file_bytes) + " byte.");
  }
  std::ifstream in(path, std::ios::binary);
  std::string text(static_cast<std::size_t>(size), '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<std::size_t>(in.gcount()));
  if (in.bad()) {
    return Fail(ErrorKind::kUnavailable, "csv.read_failed",
                "Không đọc được tệp CSV: " + path.string());
  }
  return FromString(std::move(text), limits);
}

bool CsvReader::AtRecordEnd() const {
  return pos_ >= text_.size() || text_[pos_] == '\n' || text_[pos_] == '\r';
}

void CsvReader::SkipRecordEnd() {
  if (pos_ < text_.size() && text_[pos_] == '\r') ++pos_;
  if (pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
}

Status CsvReader::ReadQuoted(long row, std::size_t column, std::string& field) {
  field.clear();
  ++pos_;  // opening quote
  while (pos_ < text_.size()) {
    // Whole runs up to the next quote at once.
    const std::size_t quote = text_.find('"', pos_);
    const std::size_t stop = quote == std::string_view::npos ? text_.size() : quote;
    field.append(text_.substr(pos_, stop - pos_));
    pos_ = stop;
    if (field.size() > limits_.max_field_bytes || quote == std::string_view::npos) break;
    ++pos_;  // the quote
    if (pos_ < text_.size() && text_[pos_] == '"') {
      field.push_back('"');
      ++pos_;
      continue;
    }
    if (!AtRecordEnd() && text_[pos_] != delimiter_) {
      return RowError(ErrorKind::kInvalidInput, row, column, "csv.text_after_quote",
                      "có ký tự sau dấu ngoặc kép đóng.");
    }
    return {};
  }
  if (field.size() > limits_.max_field_bytes) {
    return RowError(ErrorKind::kLimitExceeded, row, column, "csv.field_too_large",
                    "ô dữ liệu dài quá " + std::to_string(limits_.max_field_bytes) + " byte.");
  }
  return RowError(ErrorKind::kInvalidInput, row, column, "csv.unterminated_quote",
                  "thiếu dấu ngoặc kép đóng.");
}

Status CsvReader::ReadUnquoted(long row, std::size_t column, std::string& field) {
  const std::size_t start = pos_;
  while (!AtRecordEnd() && text_[pos_] != delimiter_) {
    if (text_[pos_] == '"') {
      return RowError(ErrorKind::kInvalidInput, row, column, "csv.stray_quote",
                      "dấu ngoặc kép nằm giữa ô không được bao bởi ngoặc kép.");
    }
    ++pos_;
  }
  if (pos_ - start > limits_.max_field_bytes) {
    return RowError(ErrorKind::kLimitExceeded, row, column, "csv.field_too_large",
                    "ô dữ liệu dài quá " + std::to_string(limits_.max_field_bytes) + " byte.");
  }
  field.assign(text_.substr(start, pos_ - start));
  return {};
}

Status CsvReader::ReadField(long row, std::size_t column, std::string& field,
                            bool& end_of_record) {
  auto read = (pos_ < text_.size() && text_[pos_] == '"') ? ReadQuoted(row, column, field)
                                                         : ReadUnquoted(row, column, field);
  if (!read) return read;
  if (!IsValidUtf8(field)) {
    return RowError(ErrorKind::kInvalidInput, row, column, "csv.invalid_utf8",
                    "dữ liệu không phải UTF-8 hợp lệ.");
  }
  end_of_record = AtRecordEnd();
  if (end_of_record) {
    SkipRecordEnd();
  } else {
    ++pos_;  // the delimiter
  }
  return {};
}

Result<std::optional<CsvRow>> CsvReader::Next() {
  CsvRow record;
  auto read = NextInto(record);
  if (!read) return Fail(std::move(read.error()));
  if (!*read) return std::optional<CsvRow>();
  return std::optional<CsvRow>(std::move(record));
}

Result<bool> CsvReader::NextInto(CsvRow& record) {
  if (pos_ >= text_.size()) return false;
  const long row = rows_read_ + 1;
  if (static_cast<std::size_t>(row) > limits_.max_rows) {
    return RowError(ErrorKind::kLimitExceeded, row, 1, "csv.too_many_rows",
                    "tệp có quá " + std::to_string(limits_.max_rows) + " dòng.");
  }
  record.row_number = row;
  std::size_t count = 0;
  bool end_of_record = false;
  while (!end_of_record) {
    const std::size_t column = count + 1;
    if (column > limits_.max_fields_per_row) {
      return RowError(ErrorKind::kLimitExceeded, row, column, "csv.too_many_fields",
                      "dòng có quá " + std::to_string(limits_.max_fields_per_row) + " cột.");
    }
    if (record.fields.size() < column) record.fields.emplace_back();
    auto field = ReadField(row, column, record.fields[count], end_of_record);
    if (!field) return Fail(std::move(field.error()));
    ++count;
  }
  record.fields.resize(count);
  rows_read_ = row;
  return true;
}

std::optional<std::size_t> CsvTable::ColumnIndex(std::string_view name) const {
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (header[i] == name) return i;
  }
  return std::nullopt;
}

namespace {

Result<CsvTable> ReadTable(CsvReader& reader) {
  CsvTable table;
  auto header = reader.Next();
  if (!header) return Fail(std::move(header.error()));
  if (!*header) return Fail(ErrorKind::kInvalidInput, "csv.empty", "Tệp CSV không có dữ liệu.");
  table.header = std::move((*header)->fields);
  for (;;) {
    auto row = reader.Next();
    if (!row) return Fail(std::move(row.error()));
    if (!*row) return table;
    if ((*row)->fields.size() != table.header.size()) {
      return RowError(ErrorKind::kInvalidInput, (*row)->row_number, (*row)->fields.size(),
                      "csv.field_count",
                      "dòng có " + std::to_string((*row)->fields.size()) + " cột, dòng tiêu đề có " +
                          std::to_string(table.header.size()) + " cột.");
    }
    table.rows.push_back(std::move(**row));
  }
}

}  // namespace

Result<CsvTable> ReadCsvTable(const std::filesystem::path& path, const CsvLimits& limits) {
  auto reader = CsvReader::FromFile(path, limits);
  if (!reader) return Fail(std::move(reader.error()));
  return ReadTable(*reader);
}

Result<CsvTable> ReadCsvTable(std::string text, const CsvLimits& limits) {
  auto reader = CsvReader::FromString(std::move(text), limits);
  if (!reader) return Fail(std::move(reader.error()));
  return ReadTable(*reader);
}

}  // namespace ansinh::formats
