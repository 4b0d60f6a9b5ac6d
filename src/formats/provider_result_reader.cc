#include "formats/provider_result_reader.h"

#include <algorithm>
#include <array>
#include <utility>

#include "core/date.h"
#include "core/name.h"
#include "formats/csv_reader.h"
#include "formats/xlsx_reader.h"

namespace ansinh::formats {
namespace {

enum ResultColumn : std::size_t { kLineCol, kBatchCol, kResultCol, kReasonCol, kAmountCol, kDateCol, kResultColumns };

struct ResultColumnSpec {
  const char* key;  // the name in error details
  bool required;
  std::vector<std::string> aliases;  // match keys
};

const std::array<ResultColumnSpec, kResultColumns>& ResultColumnSpecs() {
  static const std::array<ResultColumnSpec, kResultColumns> specs{{
      {"ma_dong_chi_tra", true, {"ma dong chi tra", "ma dong", "line id", "endtoendid"}},
      {"ma_lo", false, {"ma lo", "batch id", "ma lo chi tra"}},
      {"ket_qua", true, {"ket qua", "result", "ket qua chi tra"}},
      {"ly_do", false, {"ly do", "reason", "ly do chua chi"}},
      {"so_tien", true, {"so tien", "amount", "so tien dong"}},
      {"ngay_chi", false, {"ngay chi", "ngay chi tra", "paid on", "date paid"}},
  }};
  return specs;
}

// Case, diacritics and '_' do not matter: "Mã dòng", "MA_DONG" and "ma dong" meet.
std::string ResultMatchKey(std::string_view text) {
  auto key = core::NameMatchKey(text);
  if (!key) return {};
  std::replace(key->begin(), key->end(), '_', ' ');
  std::string out;
  for (char c : *key) {
    if (c == '(' || c == ')') continue;
    out.push_back(c);
  }
  return out;
}

struct RawRow {
  long row_number = 0;
  std::vector<std::string> cells;
};

bool IsBlank(const RawRow& row) {
  return std::all_of(row.cells.begin(), row.cells.end(), [](const std::string& cell) {
    return cell.find_first_not_of(" \t\r\n") == std::string::npos;
  });
}

bool IsZip(const std::string& bytes) { return bytes.size() >= 2 && bytes[0] == 'P' && bytes[1] == 'K'; }

Result<std::vector<RawRow>> ReadResultRows(std::string bytes, std::string& format) {
  std::vector<RawRow> rows;
  if (IsZip(bytes)) {
    format = "xlsx";
    auto sheet = ReadXlsxBuffer(std::move(bytes));
    if (!sheet) return Fail(std::move(sheet.error()));
    for (auto& row : *sheet) rows.push_back({row.row_number, std::move(row.cells)});
    return rows;
  }
  format = "csv";
  auto reader = CsvReader::FromString(std::move(bytes));
  if (!reader) return Fail(std::move(reader.error()));
  for (;;) {
    auto row = reader->Next();
    if (!row) return Fail(std::move(row.error()));
    if (!*row) break;
    rows.push_back({(*row)->row_number, std::move((*row)->fields)});
  }
  return rows;
}

using ResultColumnIndex = std::array<std::optional<std::size_t>, kResultColumns>;

Result<ResultColumnIndex> MapResultHeader(const RawRow& header) {
  ResultColumnIndex index;
  std::vector<ErrorDetail> problems;
  const auto& specs = ResultColumnSpecs();
  for (std::size_t cell = 0; cell < header.cells.size(); ++cell) {
    const std::string key = ResultMatchKey(header.cells[cell]);
    for (std::size_t c = 0; c < kResultColumns; ++c) {
      const auto& aliases = specs[c].aliases;
      if (std::find(aliases.begin(), aliases.end(), key) == aliases.end()) continue;
      if (index[c]) {
        problems.push_back({header.row_number, specs[c].key, "provider_result.duplicate_column",
                            "Cột \"" + header.cells[cell] + "\" lặp lại."});
      }
      index[c] = cell;
    }
  }
  for (std::size_t c = 0; c < kResultColumns; ++c) {
    if (specs[c].required && !index[c]) {
      problems.push_back({header.row_number, specs[c].key, "provider_result.missing_column",
                          std::string("Thiếu cột bắt buộc \"") + specs[c].key + "\"."});
    }
  }
  if (problems.empty()) return index;
  Error error = MakeError(ErrorKind::kInvalidInput, "provider_result.header_invalid",
                          "Dòng tiêu đề của bảng kết quả chi trả không hợp lệ.");
  error.details = std::move(problems);
  return Fail(std::move(error));
}

std::string Trimmed(std::string_view text) {
  const auto begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return {};
  const auto end = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(begin, end - begin + 1));
}

bool AllDigits(std::string_view text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Thousands grouped by one separator: 1-3 digits, then groups of 3 ("750.000").
std::optional<std::string> GroupedDigits(const std::string& text, char separator) {
  std::string digits;
  std::size_t start = 0;
  for (std::size_t group = 0;; ++group) {
    const std::size_t end = std::min(text.find(separator, start), text.size());
    const std::string part = text.substr(start, end - start);
    if (!AllDigits(part) || (group == 0 ? part.size() > 3 : part.size() != 3)) return std::nullopt;
    digits += part;
    if (end == text.size()) return group > 0 ? std::optional<std::string>(digits) : std::nullopt;
    start = end + 1;
  }
}

// "750000", "750.000", "750,000", "750000.00": whole đồng; nullopt otherwise.
std::optional<std::int64_t> ResultAmount(std::string text) {
  text.erase(std::remove(text.begin(), text.end(), ' '), text.end());
  std::optional<std::string> digits;
  const std::size_t sep = text.find_first_of(".,");
  if (AllDigits(text)) {
    digits = text;
  } else if (auto grouped = GroupedDigits(text, sep == std::string::npos ? '.' : text[sep])) {
    digits = grouped;
  } else if (sep != std::string::npos && AllDigits(text.substr(0, sep)) &&
             text.size() - sep - 1 <= 2 && text.size() - sep - 1 >= 1 &&
             text.find_first_not_of('0', sep + 1) == std::string::npos) {
    digits = text.substr(0, sep);  // a zero fraction: "750000.00"
  }
  if (!digits || digits->size() > 15) return std::nullopt;
  return std::stoll(*digits);
}

std::optional<bool> ResultPaid(std::string_view text) {
  const std::string key = ResultMatchKey(text);
  for (const char* yes : {"da chi", "da chi tra", "paid", "acsc"}) {
    if (key == yes) return true;
  }
  for (const char* no : {"chua chi", "chua chi tra", "khong chi duoc", "not paid", "rjct"}) {
    if (key == no) return false;
  }
  return std::nullopt;
}

std::string_view CellAt(const RawRow& row, const std::optional<std::size_t>& column) {
  if (!column || *column >= row.cells.size()) return {};
  return row.cells[*column];
}

void ResultRowProblem(std::vector<ErrorDetail>& problems, long row, ResultColumn column,
                      const char* code, std::string message) {
  problems.push_back({row, ResultColumnSpecs()[column].key, code, std::move(message)});
}

ProviderResultRow ResultRowOf(const RawRow& raw, const ResultColumnIndex& index,
                              std::vector<ErrorDetail>& problems) {
  ProviderResultRow row;
  row.row_number = raw.row_number;
  const long n = raw.row_number;
  row.line_id = Trimmed(CellAt(raw, index[kLineCol]));
  row.batch_id = Trimmed(CellAt(raw, index[kBatchCol]));
  row.reason = Trimmed(CellAt(raw, index[kReasonCol]));
  if (row.line_id.empty()) {
    ResultRowProblem(problems, n, kLineCol, "provider_result.line_missing", "Thiếu mã dòng chi trả.");
  }
  const std::string result = Trimmed(CellAt(raw, index[kResultCol]));
  if (auto paid = ResultPaid(result)) {
    row.paid = *paid;
  } else {
    ResultRowProblem(problems, n, kResultCol, "provider_result.result_invalid",
                     "Kết quả \"" + result + "\" không hiểu được; ghi \"Đã chi\" hoặc \"Chưa chi\".");
  }
  const std::string amount = Trimmed(CellAt(raw, index[kAmountCol]));
  if (auto dong = ResultAmount(amount)) {
    row.amount_vnd = *dong;
  } else {
    ResultRowProblem(problems, n, kAmountCol, "provider_result.amount_invalid",
                     "Số tiền \"" + amount + "\" không phải số đồng nguyên.");
  }
  const std::string date = Trimmed(CellAt(raw, index[kDateCol]));
  if (!date.empty()) {
    auto parsed = core::Date::Parse(date);
    if (parsed && !parsed->is_year_only()) {
      row.paid_on = parsed->ToIso();
    } else {
      ResultRowProblem(problems, n, kDateCol, "provider_result.date_invalid",
                       "Ngày chi \"" + date + "\" không hợp lệ (dd/mm/yyyy).");
    }
  }
  return row;
}

bool IsControlRow(const RawRow& row) {
  return !row.cells.empty() && (row.cells[0] == "TONG_CONG" || row.cells[0] == "XUAT_BOI");
}

}  // namespace

Result<ProviderResultSheet> ParseProviderResults(std::string bytes) {
  ProviderResultSheet sheet;
  auto rows = ReadResultRows(std::move(bytes), sheet.format);
  if (!rows) return Fail(std::move(rows.error()));
  auto first = std::find_if(rows->begin(), rows->end(), [](const RawRow& r) { return !IsBlank(r); });
  if (first == rows->end()) {
    return Fail(ErrorKind::kInvalidInput, "provider_result.empty", "Bảng kết quả chi trả trống.");
  }
  auto index = MapResultHeader(*first);
  if (!index) return Fail(std::move(index.error()));
  std::vector<ErrorDetail> problems;
  for (auto row = std::next(first); row != rows->end(); ++row) {
    if (IsBlank(*row) || IsControlRow(*row)) continue;
    sheet.rows.push_back(ResultRowOf(*row, *index, problems));
  }
  if (!problems.empty()) {
    Error error = MakeError(ErrorKind::kInvalidInput, "provider_result.rows_invalid",
                            std::to_string(problems.size()) +
                                " ô của bảng kết quả không hợp lệ; không ghi nhận gì từ tệp này.");
    if (problems.size() > kMaxProviderResultDetails) problems.resize(kMaxProviderResultDetails);
    error.details = std::move(problems);
    return Fail(std::move(error));
  }
  if (sheet.rows.empty()) {
    return Fail(ErrorKind::kInvalidInput, "provider_result.empty", "Bảng kết quả chi trả không có dòng nào.");
  }
  return sheet;
}

bool LooksLikeProviderResults(const std::string& bytes) {
  if (IsZip(bytes)) return true;
  const std::string first_line = bytes.substr(0, std::min(bytes.find('\n'), std::size_t{4096}));
  bool line = false, result = false;
  std::size_t start = 0;
  while (start <= first_line.size()) {
    std::size_t end = first_line.find_first_of(",;", start);
    if (end == std::string::npos) end = first_line.size();
    std::string cell = first_line.substr(start, end - start);
    cell.erase(std::remove(cell.begin(), cell.end(), '"'), cell.end());
    const std::string key = ResultMatchKey(cell);
    for (std::size_t c : {std::size_t{kLineCol}, std::size_t{kResultCol}}) {
      const auto& aliases = ResultColumnSpecs()[c].aliases;
      if (std::find(aliases.begin(), aliases.end(), key) == aliases.end()) continue;
      (c == kLineCol ? line : result) = true;
    }
    start = end + 1;
  }
  return line && result;
}

}  // namespace ansinh::formats
