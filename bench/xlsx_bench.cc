// Reader throughput on a 100,000-row x 20-column import-shaped sheet written
// by our own writer (text, identifiers with leading zeros, money, empties).
// The import target is >= 50,000 rows/s including validation, so the reader
// alone must leave most of that budget to the validators.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

#include "formats/xlsx_reader.h"
#include "formats/xlsx_writer.h"

namespace ansinh::formats {
namespace {

constexpr int kRows = 100'000;
constexpr int kColumns = 20;

void Check(const Status& status) {
  if (!status) throw std::runtime_error(status.error().code + ": " + status.error().message);
}

std::vector<XlsxValue> SampleRow(int i) {
  const std::string n = std::to_string(1'000'000 + i).substr(1);
  std::vector<XlsxValue> row = {XlsxValue::Text("BT" + n),
                                XlsxValue::Text("Nguyễn Thị Thu Hương " + n),
                                XlsxValue::Text("15/0" + std::to_string(1 + i % 9) + "/1950"),
                                XlsxValue::Text(i % 2 ? "Nữ" : "Nam"),
                                XlsxValue::Text("0" + n + "00000"),
                                XlsxValue::Text("09" + n + "12"),
                                XlsxValue::Text("00118"),
                                XlsxValue::Text("Thôn Đông, xã Phú Mỹ, huyện Phú Vang"),
                                XlsxValue::Text("BTXH"),
                                XlsxValue::Text("BTXH_NCT80"),
                                XlsxValue::Integer(500'000 + i),
                                XlsxValue::Text("01/2024"),
                                XlsxValue(),
                                XlsxValue::Text("TAI_KHOAN"),
                                XlsxValue::Text("BAN_THAN"),
                                XlsxValue(),
                                XlsxValue::Text("970436"),
                                XlsxValue::Text("0011" + n),
                                XlsxValue::Text("NGUYEN THI THU HUONG"),
                                XlsxValue::Text(i % 3 ? "C" : "K")};
  return row;
}

// The sheet as bytes, written once per process.
const std::string& SampleWorkbook() {
  static const std::string bytes = [] {
    const auto path = std::filesystem::temp_directory_path() /
                      ("ansinh_xlsx_bench_" + std::to_string(::getpid()) + ".xlsx");
    auto writer = XlsxWriter::Create(path);
    if (!writer) throw std::runtime_error(writer.error().message);
    std::vector<XlsxColumn> columns;
    for (int c = 0; c < kColumns; ++c) columns.push_back({"cot_" + std::to_string(c), 12});
    auto sheet = (*writer)->AddSheet("Danh sách", columns);
    if (!sheet) throw std::runtime_error(sheet.error().message);
    Check((*sheet)->AddHeader());
    for (int i = 0; i < kRows; ++i) Check((*sheet)->AddRow(SampleRow(i)));
    Check((*writer)->Finish());
    std::ifstream in(path, std::ios::binary);
    std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::filesystem::remove(path);
    return data;
  }();
  return bytes;
}

void BM_XlsxReadRows(benchmark::State& state) {
  const std::string& bytes = SampleWorkbook();
  long rows = 0;
  for (auto _ : state) {
    auto workbook = XlsxWorkbook::OpenBuffer(bytes);
    if (!workbook) throw std::runtime_error(workbook.error().message);
    std::size_t cell_bytes = 0;
    Check(workbook->ForEachRow("", [&](const XlsxRow& row) -> Status {
      for (const std::string& cell : row.cells) cell_bytes += cell.size();
      ++rows;
      return {};
    }));
    benchmark::DoNotOptimize(cell_bytes);
  }
  state.counters["rows_per_s"] =
      benchmark::Counter(static_cast<double>(rows), benchmark::Counter::kIsRate);
  state.counters["file_bytes"] = static_cast<double>(bytes.size());
}
BENCHMARK(BM_XlsxReadRows)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace
}  // namespace ansinh::formats
