// Beneficiary import throughput: parse + validate generated rows, with and
// without the CSV reader. The import target is 1,000,000 rows at >= 200,000
// rows/s including the SQLite write, so parse + validate must stay well under
// 2 µs a row.
#include <benchmark/benchmark.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "formats/beneficiary_import.h"
#include "formats/reference_data.h"

namespace ansinh::formats {
namespace {

constexpr int kRows = 100'000;

const ImportCatalog& BenchCatalog() {
  static const ImportCatalog catalog = [] {
    ImportCatalog built;
    Result<core::ReferenceCodes> codes = LoadReferenceCodes(ANSINH_REFERENCE_DATA_DIR);
    if (!codes) throw std::runtime_error(codes.error().message);
    built.codes = std::move(*codes);
    for (int i = 1; i <= 10'000; ++i) {
      built.communes.insert(std::to_string(100'000 + i).substr(1));
    }
    built.policies["BTXH-6.1"] = {core::BeneficiaryGroup::kBtxh, PolicyBasis::kCoefficient};
    built.policies["BTXH-5.1"] = {core::BeneficiaryGroup::kBtxh, PolicyBasis::kCoefficient};
    return built;
  }();
  return catalog;
}

const std::vector<std::string> kHeader = {"ma_doi_tuong",
                                          "ho_ten",
                                          "ngay_sinh",
                                          "gioi_tinh",
                                          "so_dinh_danh",
                                          "so_dien_thoai",
                                          "ma_xa",
                                          "dia_chi",
                                          "nhom",
                                          "ma_che_do",
                                          "so_tien",
                                          "thang_bat_dau",
                                          "da_chi_den_thang",
                                          "hinh_thuc",
                                          "nguoi_nhan",
                                          "nguoi_nhan_ho_ten",
                                          "nguoi_nhan_so_dinh_danh",
                                          "nguoi_nhan_quan_he",
                                          "ma_ngan_hang",
                                          "so_tai_khoan",
                                          "ten_chu_tai_khoan",
                                          "dien_thoai_thong_minh",
                                          "truong_hop_dac_biet"};

// A realistic mix: Vietnamese names, one in two paid to an account, one in
// five with a second entitlement row, one in ten with a typo'd citizen ID.
std::vector<std::string> SampleRow(int i) {
  const int person = i - (i % 5 == 4 ? 1 : 0);
  const std::string p = std::to_string(1'000'000 + person).substr(1);
  const bool second = i % 5 == 4;  // the person's second entitlement
  const bool account = person % 2 == 0;
  const std::string year = std::to_string(1930 + person % 60);
  return {"BT" + p,
          person % 3 ? "Nguyễn Thị Thu Hương" : "Trần Văn Bình",
          "15/0" + std::to_string(1 + person % 9) + "/" + year,
          person % 3 ? "Nữ" : "Nam",
          person % 10 ? "001" + std::string(person % 3 ? "1" : "0") + year.substr(2) + p : "12345",
          "09" + p.substr(0, 4) + "1234",
          std::to_string(100'000 + 1 + person % 10'000).substr(1),
          "Thôn Đông, xã Phú Mỹ",
          "BTXH",
          second ? "BTXH-5.1" : "BTXH-6.1",
          "",
          second ? "07/2024" : "01/2020",
          "12/2023",
          account ? "TAI_KHOAN" : "TIEN_MAT",
          "BAN_THAN",
          "",
          "",
          "",
          account ? "970436" : "",
          account ? "0011" + p + "99" : "",
          account ? "NGUYEN THI THU HUONG" : "",
          person % 3 ? "C" : "K",
          "K"};
}

std::string Quoted(const std::string& cell) {
  return cell.find(',') == std::string::npos ? cell : "\"" + cell + "\"";
}

const std::string& SampleCsv() {
  static const std::string csv = [] {
    std::string text;
    auto append = [&text](const std::vector<std::string>& cells) {
      for (std::size_t c = 0; c < cells.size(); ++c) text += (c ? "," : "") + Quoted(cells[c]);
      text += "\r\n";
    };
    append(kHeader);
    for (int i = 0; i < kRows; ++i) append(SampleRow(i));
    return text;
  }();
  return csv;
}

void BM_ImportParseValidate(benchmark::State& state) {
  std::vector<std::vector<std::string>> rows;
  for (int i = 0; i < kRows; ++i) rows.push_back(SampleRow(i));
  for (auto _ : state) {
    BeneficiaryImportParser parser(BenchCatalog());
    if (!parser.SetHeader(1, kHeader)) throw std::runtime_error("header");
    for (int i = 0; i < kRows; ++i) {
      if (!parser.AddRow(i + 2, rows[static_cast<std::size_t>(i)])) throw std::runtime_error("row");
    }
    BeneficiaryImport result = std::move(parser).Finish();
    if (result.rejected_rows != 0) throw std::runtime_error(result.rejected[0].errors[0].message);
    benchmark::DoNotOptimize(result);
  }
  state.SetItemsProcessed(state.iterations() * kRows);
}
BENCHMARK(BM_ImportParseValidate)->Unit(benchmark::kMillisecond);

void BM_ImportCsvEndToEnd(benchmark::State& state) {
  for (auto _ : state) {
    Result<BeneficiaryImport> result = ParseBeneficiaryCsv(SampleCsv(), BenchCatalog());
    if (!result) throw std::runtime_error(result.error().message);
    benchmark::DoNotOptimize(result);
  }
  state.SetItemsProcessed(state.iterations() * kRows);
}
BENCHMARK(BM_ImportCsvEndToEnd)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace ansinh::formats
