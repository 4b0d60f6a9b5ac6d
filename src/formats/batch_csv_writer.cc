#include "formats/batch_csv_writer.h"

namespace ansinh::formats {
namespace {

constexpr const char* kHeader =
    "stt,ma_dong_chi_tra,ma_doi_tuong,ho_ten,ma_xa,hinh_thuc,ma_ngan_hang,so_tai_khoan,"
    "ten_chu_tai_khoan,so_tien,ky\r\n";

std::string Cell(std::string text) {
  if (!text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@')) {
    text.insert(0, "'");
  }
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

}  // namespace

std::string WriteBatchCsv(const std::vector<BatchCsvRow>& rows, const std::string& watermark) {
  std::string out = "\xEF\xBB\xBF";
  out += kHeader;
  std::int64_t total_vnd = 0;
  std::size_t number = 0;
  for (const BatchCsvRow& r : rows) {
    total_vnd += r.amount_vnd;
    out += std::to_string(++number) + "," + Cell(r.line_id) + "," + Cell(r.beneficiary_code) + "," +
           Cell(r.full_name) + "," + Cell(r.commune_code) + "," + Cell(r.channel) + "," +
           Cell(r.bin) + "," + Cell(r.account_number) + "," + Cell(r.holder_name) + "," +
           std::to_string(r.amount_vnd) + "," + Cell(r.period) + "\r\n";
  }
  out +=
      "TONG_CONG," + std::to_string(rows.size()) + ",,,,,,,," + std::to_string(total_vnd) + ",\r\n";
  if (!watermark.empty()) out += "XUAT_BOI," + Cell(watermark) + ",,,,,,,,,\r\n";
  return out;
}

}  // namespace ansinh::formats
