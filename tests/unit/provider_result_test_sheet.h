// Builds a provider's result sheet for tests, as CSV text or as the bytes of
// an .xlsx written with formats::XlsxWriter (the header row, then the rows;
// integer-looking amounts are written as numbers, the rest as text).
#pragma once

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "formats/xlsx_writer.h"

namespace ansinh::test {

using SheetRows = std::vector<std::vector<std::string>>;

inline std::string ResultCsv(const SheetRows& rows) {
  std::string text = "\xEF\xBB\xBF";
  for (const auto& row : rows) {
    for (std::size_t i = 0; i < row.size(); ++i) text += (i ? "," : "") + row[i];
    text += "\r\n";
  }
  return text;
}

// Empty when the workbook could not be written.
inline std::string ResultXlsx(const SheetRows& rows) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("ansinh-result-" + std::to_string(::getpid()) + "-" +
                     std::to_string(reinterpret_cast<std::uintptr_t>(&rows)) + ".xlsx");
  {
    auto writer = formats::XlsxWriter::Create(path);
    if (!writer || rows.empty()) return {};
    std::vector<formats::XlsxColumn> columns;
    for (const auto& header : rows[0]) columns.push_back({header, 0});
    auto sheet = (*writer)->AddSheet("Kết quả", columns);
    if (!sheet || !(*sheet)->AddHeader()) return {};
    for (std::size_t r = 1; r < rows.size(); ++r) {
      std::vector<formats::XlsxValue> cells;
      for (const auto& cell : rows[r]) {
        const bool number = !cell.empty() && cell.size() < 15 &&
                            cell.find_first_not_of("0123456789") == std::string::npos;
        cells.push_back(number ? formats::XlsxValue::Integer(std::stoll(cell))
                               : formats::XlsxValue::Text(cell));
      }
      if (!(*sheet)->AddRow(cells)) return {};
    }
    if (!(*writer)->Finish()) return {};
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  std::filesystem::remove(path);
  return bytes.str();
}

}  // namespace ansinh::test
