// Reads the case tables of data-driven unit tests (tests/unit/data/*.csv).
//
// Format: the first line is a header; blank lines and lines starting with '#'
// are skipped; cells are split on ','; a cell may be wrapped in double quotes
// to contain commas (no escaped quotes inside). Cells are taken verbatim, so
// surrounding spaces are part of the case. Unescape() turns \xNN, \t, \n and
// \\ into bytes for tables that need invisible or invalid characters.
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

namespace ansinh::test {

struct TableRow {
  std::string file;
  int line = 0;
  std::vector<std::string> cells;

  // Throws when the row is shorter than the test expects: a broken table must
  // fail loudly, not pass with empty strings.
  const std::string& at(std::size_t column) const {
    if (column >= cells.size()) {
      throw std::out_of_range(file + ":" + std::to_string(line) + " has no column " +
                              std::to_string(column));
    }
    return cells[column];
  }
};

inline void PrintTo(const TableRow& row, std::ostream* out) {
  *out << row.file << ":" << row.line << " [";
  for (std::size_t i = 0; i < row.cells.size(); ++i) *out << (i ? "|" : "") << row.cells[i];
  *out << "]";
}

inline std::vector<std::string> SplitCells(const std::string& line) {
  std::vector<std::string> cells(1);
  bool quoted = false;
  for (char c : line) {
    if (c == '"') {
      quoted = !quoted;
    } else if (c == ',' && !quoted) {
      cells.emplace_back();
    } else {
      cells.back().push_back(c);
    }
  }
  return cells;
}

// Reads tests/unit/data/<name>. Throws if the file cannot be opened, which
// aborts the test binary at start-up with the path in the message.
inline std::vector<TableRow> ReadTable(const std::string& name) {
  const std::string path = std::string(ANSINH_TEST_DATA_DIR) + "/unit/data/" + name;
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open test table " + path);
  std::vector<TableRow> rows;
  std::string line;
  int line_number = 0;
  while (std::getline(in, line)) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line_number == 1 || line.empty() || line.front() == '#') continue;
    rows.push_back(TableRow{name, line_number, SplitCells(line)});
  }
  return rows;
}

inline int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  throw std::invalid_argument(std::string("bad hex digit ") + c);
}

inline std::string Unescape(const std::string& text) {
  std::string bytes;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\\' || i + 1 == text.size()) {
      bytes.push_back(text[i]);
      continue;
    }
    char kind = text[++i];
    if (kind == 'x' && i + 2 < text.size()) {
      bytes.push_back(static_cast<char>(HexValue(text[i + 1]) * 16 + HexValue(text[i + 2])));
      i += 2;
    } else if (kind == 't') {
      bytes.push_back('\t');
    } else if (kind == 'n') {
      bytes.push_back('\n');
    } else {
      bytes.push_back(kind);
    }
  }
  return bytes;
}

// Expected cells name either a value or an error code such as
// "money.out_of_range": lower-case words joined by one dot.
inline bool IsErrorCode(const std::string& cell) {
  std::size_t dot = cell.find('.');
  if (dot == std::string::npos || dot == 0 || dot + 1 == cell.size()) return false;
  if (cell.find('.', dot + 1) != std::string::npos) return false;
  for (char c : cell) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.')) return false;
  }
  return cell.front() >= 'a' && cell.front() <= 'z';
}

// Test names for INSTANTIATE_TEST_SUITE_P: "line_12".
struct RowName {
  std::string operator()(const ::testing::TestParamInfo<TableRow>& info) const {
    return "line_" + std::to_string(info.param.line);
  }
};

}  // namespace ansinh::test
